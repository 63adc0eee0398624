package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Span;

/**
 * One entry of a PostgreSQL datasource's {@code extensions = [...]} list.
 *
 * @param name    the name as written ({@code postgis}, {@code uuid-ossp})
 * @param span    the entry's span
 * @param schema  the {@code schema:} argument, or {@code null}
 * @param version the {@code version:} argument, or {@code null}
 * @param dbName  the {@code map:} argument (the extension's name in the database), or {@code null}
 */
public record PostgresExtension(String name, Span span, String schema, String version, String dbName) {

    /** The name in the database: {@code map:} if given, else {@link #name()}. */
    public String databaseName() {
        return dbName != null ? dbName : name;
    }
}
