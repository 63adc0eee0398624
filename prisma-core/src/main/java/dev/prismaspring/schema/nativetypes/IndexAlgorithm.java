package dev.prismaspring.schema.nativetypes;

import java.util.Optional;

/** The {@code type:} argument of {@code @@index} (Prisma's {@code IndexAlgorithm}); names as written and printed. */
public enum IndexAlgorithm {
    BTree,
    Hash,
    Gist,
    Gin,
    SpGist,
    Brin;

    /** Parses the constant written in {@code type: X} (case-sensitive, as Prisma). */
    public static Optional<IndexAlgorithm> fromName(String name) {
        for (IndexAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Prisma's {@code IndexAlgorithm::supports_field_type}: whether the index type can index a field of this type
     * without an operator class.
     */
    public boolean supportsFieldType(IndexFieldInfo field) {
        if (field.unsupportedType()) {
            return true;
        }
        String t = field.scalarType();
        return switch (this) {
            case BTree, Hash -> true;
            case Gist, SpGist -> "String".equals(t);
            case Gin -> "Json".equals(t) || field.list();
            case Brin -> t != null && switch (t) {
                case "String", "Bytes", "DateTime", "Float", "Int", "BigInt", "Decimal" -> true;
                default -> false;
            };
        };
    }
}
