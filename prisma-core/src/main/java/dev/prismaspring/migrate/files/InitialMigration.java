package dev.prismaspring.migrate.files;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.DdlScript;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The first migration of a history: the schema created from an empty database (the script of
 * {@link SqlDialect#createSteps(SqlSchema)}) and the statements that undo it, for the {@code --rollback} lines.
 */
public final class InitialMigration {

    private InitialMigration() {
    }

    /** The forward script, in Prisma's format. */
    public static DdlScript forward(SqlDialect dialect, SqlSchema schema) {
        return dialect.createSteps(schema);
    }

    /**
     * The statements that drop what {@link #forward} creates, in an order that works: foreign keys first (not on
     * SQLite, where they live inside {@code CREATE TABLE}), then the tables, each after every table that refers to it,
     * last created first, then the enum types (PostgreSQL). Namespaces are left alone (they may hold other objects,
     * and {@code public} always stays). Indexes go with their tables.
     */
    public static List<String> rollback(SqlDialect dialect, SqlSchema schema) {
        List<String> out = new ArrayList<>();
        Provider provider = dialect.provider();
        if (provider != Provider.SQLITE) {
            for (Table t : schema.tables()) {
                for (ForeignKey fk : t.foreignKeys()) {
                    out.add("ALTER TABLE " + dialect.quote(t.namespace(), t.name())
                            + (provider == Provider.MYSQL ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ")
                            + dialect.quote(fk.constraintName()));
                }
            }
        }
        for (Table t : dropOrder(schema)) {
            out.add("DROP TABLE " + dialect.quote(t.namespace(), t.name()));
        }
        if (provider == Provider.POSTGRESQL) {
            List<SqlEnum> enums = new ArrayList<>(schema.enums());
            java.util.Collections.reverse(enums);
            for (SqlEnum e : enums) {
                out.add("DROP TYPE " + dialect.quote(e.namespace(), e.name()));
            }
        }
        return out;
    }

    /** Tables last created first, a referenced table only after the tables that refer to it. */
    static List<Table> dropOrder(SqlSchema schema) {
        List<Table> remaining = new ArrayList<>(schema.tables());
        java.util.Collections.reverse(remaining);
        List<Table> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Table next = null;
            for (Table candidate : remaining) {
                boolean referenced = false;
                for (Table other : remaining) {
                    if (other != candidate && refersTo(other, candidate)) {
                        referenced = true;
                        break;
                    }
                }
                if (!referenced) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0); // a cycle: the foreign keys are dropped first anyway
            }
            remaining.remove(next);
            out.add(next);
        }
        return out;
    }

    private static boolean refersTo(Table from, Table to) {
        Set<String> seen = new LinkedHashSet<>();
        for (ForeignKey fk : from.foreignKeys()) {
            String ns = fk.referencedNamespace();
            if (fk.referencedTable().equals(to.name()) && Objects.equals(ns, to.namespace())) {
                seen.add(fk.constraintName());
            }
        }
        return !seen.isEmpty();
    }
}
