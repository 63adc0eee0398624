package dev.prismaspring.sql;

import java.util.List;
import java.util.Objects;

/**
 * One step of a migration script: a description as Prisma writes it in the comment line ({@code CreateTable},
 * {@code CreateIndex}, ...) and the statements that carry it out, without terminating semicolons.
 *
 * @param description the step kind, e.g. {@code CreateEnum}
 * @param statements  the SQL statements, in order
 */
public record DdlStep(String description, List<String> statements) {

    public DdlStep {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
    }

    /** A step with one statement. */
    public static DdlStep of(String description, String statement) {
        return new DdlStep(description, List.of(statement));
    }
}
