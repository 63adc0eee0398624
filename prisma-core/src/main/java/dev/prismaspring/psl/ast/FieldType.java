package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/** The type part of a field declaration, without arity. */
public sealed interface FieldType permits FieldType.Named, FieldType.Unsupported {

    Span span();

    /** A type referenced by name: a scalar type, a model, an enum or a composite type. */
    record Named(String name, Span span) implements FieldType {
    }

    /**
     * {@code Unsupported("...")}: a database type Prisma has no scalar for.
     *
     * @param typeName the unescaped string argument
     * @param raw      the whole type as written
     */
    record Unsupported(String typeName, String raw, Span span) implements FieldType {
    }
}
