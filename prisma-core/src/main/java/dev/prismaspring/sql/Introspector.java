package dev.prismaspring.sql;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.mysql.MySqlIntrospector;
import dev.prismaspring.sql.postgres.PostgresIntrospector;
import dev.prismaspring.sql.sqlite.SqliteIntrospector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the structure of a live database into a {@link SqlSchema}, through the catalog (pg_catalog,
 * information_schema, PRAGMA). Column types come back as the same {@link ColumnType}s that
 * {@link SqlSchemaCalculator} produces (family, native type, arguments), defaults as {@link ColumnDefault}s, so
 * that the schema calculated for a datamodel and the one introspected from the database it created compare equal
 * after {@link CanonicalForm#of(SqlSchema, Provider)}.
 *
 * <p>Left out: Liquibase's tables ({@code DATABASECHANGELOG}, {@code DATABASECHANGELOGLOCK}, any case), Prisma's
 * {@code _prisma_migrations}, the schema-hash table {@value #SCHEMA_HASH_TABLE}, SQLite's internal tables, views, and indexes on expressions (Prisma cannot express
 * them). Everything comes back in a deterministic order: tables and enums by name, columns in their physical
 * order, indexes and foreign keys by name.
 */
public interface Introspector {

    /** The introspector for a provider. */
    static Introspector forProvider(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> PostgresIntrospector.INSTANCE;
            case MYSQL -> MySqlIntrospector.INSTANCE;
            case SQLITE -> SqliteIntrospector.INSTANCE;
        };
    }

    /** The provider whose database a connection talks to, from the JDBC metadata. */
    static Provider providerOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return Provider.POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return Provider.MYSQL;
        }
        if (product.contains("sqlite")) {
            return Provider.SQLITE;
        }
        throw new SQLException("unsupported database: " + connection.getMetaData().getDatabaseProductName());
    }

    /** The provider this introspector reads. */
    Provider provider();

    /**
     * The structure of the connection's database: PostgreSQL's {@code public} schema, MySQL's current database,
     * the SQLite file.
     */
    default SqlSchema introspect(Connection connection) throws SQLException {
        return introspect(connection, List.of());
    }

    /**
     * The structure of the given schemas (PostgreSQL namespaces; ignored elsewhere). An empty list means the
     * default ({@code public}). Tables and enums of {@code public} have no namespace, as the calculator makes them.
     */
    SqlSchema introspect(Connection connection, List<String> schemas) throws SQLException;

    /** The table that records the hash of the schema the database was last migrated to (not part of it). */
    String SCHEMA_HASH_TABLE = "_prisma_schema_hash";

    /** Whether a table is bookkeeping of a migration tool (Liquibase, Prisma, ours) and therefore left out. */
    static boolean isIgnoredTable(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("DATABASECHANGELOG") || upper.equals("DATABASECHANGELOGLOCK")
                || name.equals("_prisma_migrations") || name.equalsIgnoreCase(SCHEMA_HASH_TABLE);
    }
}
