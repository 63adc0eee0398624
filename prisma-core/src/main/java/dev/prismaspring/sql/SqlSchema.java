package dev.prismaspring.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable description of a database schema: the namespaces to create (PostgreSQL schemas), enums and
 * tables, each list in creation order. Built from a Datamodel for a dialect, or introspected from a live
 * database; a {@link SqlDialect} renders it as DDL.
 *
 * @param namespaces the schemas to create ({@code CREATE SCHEMA IF NOT EXISTS}), in order; empty where none
 * @param enums      the enums, in declaration order
 * @param tables     the tables, in creation order (models first, then implicit many-to-many tables)
 */
public record SqlSchema(List<String> namespaces, List<SqlEnum> enums, List<Table> tables) {

    public SqlSchema {
        namespaces = List.copyOf(namespaces);
        enums = List.copyOf(enums);
        tables = List.copyOf(tables);
        Set<String> seen = new HashSet<>();
        for (Table t : tables) {
            if (!seen.add(key(t.namespace(), t.name()))) {
                throw new IllegalArgumentException("two tables named " + t.name());
            }
        }
        for (Table t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                String ns = fk.referencedNamespace();
                if (!seen.contains(key(ns, fk.referencedTable()))) {
                    throw new IllegalArgumentException("foreign key " + fk.constraintName() + " of table "
                            + t.name() + " references unknown table " + fk.referencedTable());
                }
            }
        }
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "\u0000" + name;
    }

    /** An empty schema. */
    public static SqlSchema empty() {
        return new SqlSchema(List.of(), List.of(), List.of());
    }

    /** Starts a schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** The table with that namespace ({@code null} for none) and name. */
    public Optional<Table> table(String namespace, String name) {
        return tables.stream()
                .filter(t -> Objects.equals(t.namespace(), namespace) && t.name().equals(name))
                .findFirst();
    }

    /** The first table with that name, in any namespace. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The enum that a column type refers to. */
    public Optional<SqlEnum> findEnum(ColumnType.EnumRef ref) {
        return enums.stream()
                .filter(e -> e.name().equals(ref.enumName())
                        && (ref.namespace() == null || Objects.equals(ref.namespace(), e.namespace())))
                .findFirst();
    }

    /** Collects namespaces, enums and tables in order. */
    public static final class Builder {
        private final List<String> namespaces = new ArrayList<>();
        private final List<SqlEnum> enums = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();

        private Builder() {
        }

        public Builder namespace(String name) {
            namespaces.add(name);
            return this;
        }

        public Builder enumType(SqlEnum sqlEnum) {
            enums.add(sqlEnum);
            return this;
        }

        public Builder table(Table table) {
            tables.add(table);
            return this;
        }

        public SqlSchema build() {
            return new SqlSchema(namespaces, enums, tables);
        }
    }
}
