package dev.prismaspring.schema;

import java.util.Optional;

/** The database providers this project supports, as named in a datasource block. */
public enum Provider {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    SQLITE("sqlite");

    private final String providerName;

    Provider(String providerName) {
        this.providerName = providerName;
    }

    /** The canonical name written in {@code provider = "..."}. */
    public String providerName() {
        return providerName;
    }

    /** Resolves a provider name as written in a schema; {@code postgres} is an alias of {@code postgresql}. */
    public static Optional<Provider> fromName(String name) {
        return switch (name) {
            case "postgresql", "postgres" -> Optional.of(POSTGRESQL);
            case "mysql" -> Optional.of(MYSQL);
            case "sqlite" -> Optional.of(SQLITE);
            default -> Optional.empty();
        };
    }
}
