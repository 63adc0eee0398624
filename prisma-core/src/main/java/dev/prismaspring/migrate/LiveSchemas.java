package dev.prismaspring.migrate;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.CanonicalForm;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Live databases, for {@code db push}: introspecting one (Liquibase's tables left out by the {@link Introspector})
 * and comparing its structure with a schema's {@link SqlSchema} through {@link CanonicalForm}, ignoring the column
 * order (the differ appends added columns at the end, as Prisma does, so a migrated database and a fresh one differ
 * only there). Drift, with typed differences, is {@link DriftDetector}'s.
 */
public final class LiveSchemas {

    private LiveSchemas() {
    }

    /** The structure of the database behind {@code c}; the namespaces of {@code expected} on PostgreSQL. */
    public static SqlSchema introspect(Connection c, Provider provider, SqlSchema expected) throws SQLException {
        List<String> schemas = expected == null ? List.of() : expected.namespaces();
        return Introspector.forProvider(provider).introspect(c, schemas);
    }

    /**
     * {@code live} without the indexes MySQL creates by itself for a foreign key without a usable index (named as
     * the constraint, on its columns), where the other side of the diff ({@code other}, may be {@code null} for
     * empty) has the same foreign key, or not the table: those indexes come and go with their foreign key, so a
     * diff that kept them would drop them and add the foreign key again. Other providers: {@code live} as is.
     */
    public static SqlSchema withoutImplicitIndexes(SqlSchema live, SqlSchema other, Provider provider) {
        if (provider != Provider.MYSQL) {
            return live;
        }
        List<Table> tables = new ArrayList<>();
        for (Table t : live.tables()) {
            Table ref = other == null ? null : other.table(t.namespace(), t.name()).orElse(null);
            List<Index> indexes = t.indexes().stream().filter(i -> !implicit(i, t, ref)).toList();
            tables.add(new Table(t.namespace(), t.name(), t.columns(), t.primaryKey(), indexes, t.foreignKeys()));
        }
        return new SqlSchema(live.namespaces(), live.enums(), tables);
    }

    private static boolean implicit(Index index, Table table, Table ref) {
        boolean ownsFk = table.foreignKeys().stream().anyMatch(fk -> index.name().equals(fk.constraintName())
                && fk.columns().equals(index.columns().stream().map(c -> c.column()).toList()));
        if (!ownsFk) {
            return false;
        }
        if (ref == null) {
            return true;
        }
        return ref.foreignKeys().stream().anyMatch(fk -> index.name().equals(fk.constraintName()))
                && ref.indexes().stream().noneMatch(i -> i.name().equals(index.name()));
    }

    /** The canonical form of {@code s} with the columns of every table in name order. */
    public static SqlSchema comparable(SqlSchema s, Provider provider) {
        SqlSchema canonical = CanonicalForm.of(s, provider);
        List<Table> tables = canonical.tables().stream().map(t -> new Table(t.namespace(), t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.primaryKey(),
                t.indexes(), t.foreignKeys())).toList();
        // the namespace list itself is left out: "public" is implied, and tables and enums carry their namespace
        return new SqlSchema(List.of(), canonical.enums(), tables);
    }

    /** Whether the two schemas have the same structure for {@code provider}. */
    public static boolean same(SqlSchema a, SqlSchema b, Provider provider) {
        return comparable(a, provider).equals(comparable(b, provider));
    }
}
