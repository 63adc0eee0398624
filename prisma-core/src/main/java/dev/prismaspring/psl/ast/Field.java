package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/**
 * A field of a model, view or composite type.
 *
 * @param name            the field name
 * @param type            its type, or {@code null} when the declaration has none (an error)
 * @param arity           required, optional or list
 * @param typeSyntax      how the type was written (legacy forms are errors but formatted)
 * @param attributes      field attributes in source order
 * @param documentation   documentation from comments above and the trailing {@code ///}, or {@code null}
 * @param trailingComment the comment at the end of the line, or {@code null}
 * @param legacyColon     whether the Prisma 1 form {@code name: Type} was used (an error)
 * @param span            the whole declaration
 */
public record Field(Identifier name, FieldType type, FieldArity arity, TypeSyntax typeSyntax,
                    List<Attribute> attributes, String documentation, CommentLine trailingComment,
                    boolean legacyColon, Span span) implements BlockItem {

    public Field {
        attributes = List.copyOf(attributes);
    }

    /** The ways a field type can be written. */
    public enum TypeSyntax {
        /** {@code T} */
        PLAIN,
        /** {@code T?} */
        OPTIONAL,
        /** {@code T[]} */
        LIST,
        /** {@code T!} (Prisma 1) */
        LEGACY_REQUIRED,
        /** {@code [T]} (Prisma 1) */
        LEGACY_LIST,
        /** {@code T[]?} (invalid) */
        OPTIONAL_LIST,
        /** no type at all */
        NONE
    }

    /**
     * Whether Prisma keeps this field in its syntax tree: it has a type, written in a current form
     * and without the legacy colon. Malformed fields are reported by the parser and only formatted.
     */
    public boolean isWellFormed() {
        return type != null && !legacyColon && switch (typeSyntax) {
            case PLAIN, OPTIONAL, LIST -> true;
            default -> false;
        };
    }

    /** Name of the type as written ({@code Unsupported("x")} for unsupported types), or {@code null}. */
    public String typeName() {
        if (type instanceof FieldType.Named named) {
            return named.name();
        }
        return type instanceof FieldType.Unsupported u ? u.raw() : null;
    }

    public boolean isOptional() {
        return arity == FieldArity.OPTIONAL;
    }

    public boolean isList() {
        return arity == FieldArity.LIST;
    }

    /** The first attribute with this name (without {@code @}), or {@code null}. */
    public Attribute attribute(String attributeName) {
        for (Attribute attribute : attributes) {
            if (attribute.nameText().equals(attributeName)) {
                return attribute;
            }
        }
        return null;
    }
}
