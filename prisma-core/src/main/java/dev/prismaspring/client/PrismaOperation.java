package dev.prismaspring.client;

import java.util.Objects;

/**
 * One prepared operation of a sequential transaction ({@link PrismaClient#transaction(java.util.List)}): a model,
 * an operation name ({@code findMany}, {@code create}, ...) and its arguments (JSON string, {@code Map}, Jackson
 * tree or {@code null}), as the CLI's steps.
 */
public record PrismaOperation(String model, String operation, Object args) {

    public PrismaOperation {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(operation, "operation");
    }

    public static PrismaOperation of(String model, String operation, Object args) {
        return new PrismaOperation(model, operation, args);
    }
}
