package dev.prismaspring.sql;

import java.util.List;
import java.util.Objects;

/**
 * An enum. On PostgreSQL a native type ({@code CREATE TYPE ... AS ENUM}); on MySQL the values are rendered
 * inline in each column that uses it; SQLite has none (enum fields are {@code TEXT}).
 *
 * @param namespace the schema (PostgreSQL {@code @@schema}), or {@code null}
 * @param name      the database name of the enum
 * @param values    the database values, in declaration order
 */
public record SqlEnum(String namespace, String name, List<String> values) {

    public SqlEnum {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    /** An enum without namespace. */
    public static SqlEnum of(String name, String... values) {
        return new SqlEnum(null, name, List.of(values));
    }
}
