package dev.prismaspring.schema.nativetypes;

import java.util.List;
import java.util.Objects;

/**
 * One native type a connector offers (Prisma's {@code NativeTypeConstructor}).
 *
 * @param name        the name written after the datasource prefix, e.g. {@code VarChar}
 * @param arguments   the argument shape
 * @param scalarTypes the Prisma scalar types it can be used with, in Prisma's order (used in messages)
 */
public record NativeTypeDefinition(String name, NativeTypeArguments arguments, List<String> scalarTypes) {

    public NativeTypeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        scalarTypes = List.copyOf(scalarTypes);
    }

    public int requiredArgumentCount() {
        return arguments.requiredCount();
    }

    public int optionalArgumentCount() {
        return arguments.optionalCount();
    }

    public boolean isCompatibleWith(String scalarType) {
        return scalarTypes.contains(scalarType);
    }
}
