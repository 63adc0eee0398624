package dev.prismaspring.migrate;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.CanonicalForm;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Live databases, for {@code db push}, drift checks and {@code validate}: introspecting one (Liquibase's tables left out by the {@link Introspector}) and
 * comparing its structure with a schema's {@link SqlSchema} through {@link CanonicalForm}, ignoring the column
 * order (the differ appends added columns at the end, as Prisma does, so a migrated database and a fresh one differ
 * only there).
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

    /**
     * The differences of {@code live} from {@code expected}, one sentence each (tables, columns, indexes, foreign
     * keys, enums, by name); empty when they have the same structure.
     */
    public static List<String> differences(SqlSchema expected, SqlSchema live, Provider provider) {
        SqlSchema want = comparable(expected, provider);
        SqlSchema have = comparable(live, provider);
        List<String> out = new ArrayList<>();
        if (want.equals(have)) {
            return out;
        }
        Map<String, SqlEnum> wantEnums = byName(want.enums(), e -> qualified(e.namespace(), e.name()));
        Map<String, SqlEnum> haveEnums = byName(have.enums(), e -> qualified(e.namespace(), e.name()));
        compare("enum", wantEnums, haveEnums, out, (name, w, h) -> out.add("The enum " + name
                + " has other values: expected " + w.values() + ", found " + h.values() + "."));
        Map<String, Table> wantTables = byName(want.tables(), t -> qualified(t.namespace(), t.name()));
        Map<String, Table> haveTables = byName(have.tables(), t -> qualified(t.namespace(), t.name()));
        compare("table", wantTables, haveTables, out, (name, w, h) -> tableDifferences(name, w, h, out));
        if (out.isEmpty()) {
            out.add("The database structure differs from the expected one.");
        }
        return out;
    }

    private interface Both<T> {
        void differ(String name, T expected, T found);
    }

    private static <T> void compare(String what, Map<String, T> want, Map<String, T> have, List<String> out,
            Both<T> both) {
        for (var e : want.entrySet()) {
            T found = have.get(e.getKey());
            if (found == null) {
                out.add("The " + what + " " + e.getKey() + " is missing.");
            } else if (!found.equals(e.getValue())) {
                both.differ(e.getKey(), e.getValue(), found);
            }
        }
        for (String name : have.keySet()) {
            if (!want.containsKey(name)) {
                out.add("The " + what + " " + name + " exists in the database but not in the schema.");
            }
        }
    }

    private static void tableDifferences(String table, Table want, Table have, List<String> out) {
        int before = out.size();
        List<String> sub = new ArrayList<>();
        compare("column", byName(want.columns(), Column::name), byName(have.columns(), Column::name), sub,
                (name, w, h) -> sub.add("The column " + name + " differs: expected " + w + ", found " + h + "."));
        compare("index", byName(want.indexes(), Index::name), byName(have.indexes(), Index::name), sub,
                (name, w, h) -> sub.add("The index " + name + " differs: expected " + w + ", found " + h + "."));
        compare("foreign key", byName(want.foreignKeys(), LiveSchemas::fkName),
                byName(have.foreignKeys(), LiveSchemas::fkName), sub,
                (name, w, h) -> sub.add("The foreign key " + name + " differs."));
        if (!Objects.equals(want.primaryKey(), have.primaryKey())) {
            sub.add("The primary key differs: expected " + want.primaryKey() + ", found " + have.primaryKey() + ".");
        }
        sub.forEach(s -> out.add("In table " + table + ": " + s));
        if (out.size() == before) {
            out.add("The table " + table + " differs.");
        }
    }

    private static String fkName(ForeignKey fk) {
        return fk.constraintName() != null ? fk.constraintName() : String.valueOf(fk.columns());
    }

    private static String qualified(String namespace, String name) {
        return namespace == null ? name : namespace + "." + name;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(name.apply(i), i));
        return out;
    }
}
