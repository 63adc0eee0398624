package dev.prismaspring.sql;

import dev.prismaspring.schema.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The canonical form of a {@link SqlSchema} for a provider: what the database keeps of it, in one fixed order,
 * so that the schema calculated from a datamodel and the one introspected from the database it created are
 * {@code equals}. Used by the round-trip tests and wherever "same structure" is asked (drift).
 *
 * <p>Order: namespaces, enums and tables sorted by (namespace, name); columns in physical order (the calculator's
 * order is the creation order, which the database keeps); indexes sorted by name; foreign keys by name, then
 * columns; the column order inside keys and indexes is kept.
 *
 * <p>What is dropped or unified, because the database does not keep it or keeps it in another spelling:
 * <ul>
 *   <li>primary key names on MySQL and SQLite; {@code ASC} sort orders (the default) everywhere; the index method
 *       {@code BTREE} (the default) and index methods outside PostgreSQL; operator classes that are the default
 *       for their access method ({@code jsonb_ops} and {@code array_ops} on GIN, ...);</li>
 *   <li>sequence names of auto-increment defaults ({@code SERIAL}: the sequence is implied); bare
 *       {@code dbgenerated()} (nothing rendered); defaults the dialect does not render (MySQL: JSON, bytes and
 *       lists; SQLite: lists); SQLite's enum defaults are plain strings (its enum columns are {@code TEXT});</li>
 *   <li>MySQL: the index that MySQL creates for a foreign key without a usable index (named as the constraint,
 *       on the same columns);</li>
 *   <li>MySQL: a fractional-seconds precision of 0 on {@code Time}, {@code DateTime} and {@code Timestamp},
 *       which is the default;</li>
 *   <li>spelling: JSON defaults compacted, {@code dbgenerated} expressions and predicates compared without casts,
 *       whitespace, quotes and parentheses and in lower case; {@code Unsupported} type text in lower case without
 *       spaces.</li>
 * </ul>
 */
public final class CanonicalForm {

    private static final Set<String> DEFAULT_GIN = Set.of("array_ops", "jsonb_ops", "tsvector_ops");
    private static final Set<String> DEFAULT_BTREE = Set.of("int2_ops", "int4_ops", "int8_ops", "text_ops",
            "varchar_ops", "bpchar_ops", "numeric_ops", "float4_ops", "float8_ops", "bool_ops", "uuid_ops",
            "timestamp_ops", "timestamptz_ops", "date_ops", "time_ops", "timetz_ops", "bytea_ops", "jsonb_ops",
            "inet_ops", "bit_ops", "varbit_ops", "oid_ops", "money_ops", "enum_ops", "array_ops");

    private CanonicalForm() {
    }

    /** The canonical form of {@code schema} as the database of {@code provider} keeps it. */
    public static SqlSchema of(SqlSchema schema, Provider provider) {
        Comparator<Table> tableOrder = Comparator.comparing((Table t) -> Objects.toString(t.namespace(), ""))
                .thenComparing(Table::name);
        Comparator<SqlEnum> enumOrder = Comparator.comparing((SqlEnum e) -> Objects.toString(e.namespace(), ""))
                .thenComparing(SqlEnum::name);
        List<Table> tables = schema.tables().stream().map(t -> table(t, provider)).sorted(tableOrder).toList();
        List<SqlEnum> enums = schema.enums().stream().sorted(enumOrder).toList();
        return new SqlSchema(schema.namespaces().stream().sorted().toList(), enums, tables);
    }

    private static Table table(Table t, Provider provider) {
        List<Column> columns = t.columns().stream().map(c -> column(c, provider)).toList();
        PrimaryKey pk = t.primaryKey() == null ? null
                : new PrimaryKey(provider == Provider.POSTGRESQL ? t.primaryKey().constraintName() : null,
                        t.primaryKey().columns().stream().map(c -> indexColumn(c, null)).toList());
        List<ForeignKey> fks = t.foreignKeys().stream()
                .sorted(Comparator.comparing((ForeignKey fk) -> Objects.toString(fk.constraintName(), ""))
                        .thenComparing(fk -> String.join("\u0000", fk.columns())))
                .toList();
        List<Index> indexes = new ArrayList<>();
        for (Index i : t.indexes()) {
            if (provider == Provider.MYSQL && i.kind() == IndexKind.NORMAL && fks.stream().anyMatch(
                    fk -> i.name().equals(fk.constraintName()) && i.columnNames().equals(fk.columns()))) {
                continue;
            }
            IndexMethod method = provider == Provider.POSTGRESQL && i.method() != IndexMethod.BTREE ? i.method()
                    : null;
            indexes.add(new Index(i.name(), i.kind(),
                    i.columns().stream().map(c -> indexColumn(c, method)).toList(), method,
                    i.predicate() == null ? null : expression(i.predicate())));
        }
        indexes.sort(Comparator.comparing(Index::name));
        return new Table(t.namespace(), t.name(), columns, pk, indexes, fks);
    }

    private static IndexColumn indexColumn(IndexColumn c, IndexMethod method) {
        String ops = c.operatorClass();
        if (ops != null) {
            String o = ops.toLowerCase(Locale.ROOT);
            boolean isDefault = method == IndexMethod.GIN ? DEFAULT_GIN.contains(o)
                    : method == IndexMethod.BRIN ? o.endsWith("_minmax_ops") || o.equals("inet_inclusion_ops")
                    : method == null || method == IndexMethod.HASH ? DEFAULT_BTREE.contains(o) : false;
            if (isDefault) {
                ops = null;
            }
        }
        return new IndexColumn(c.column(), c.sortOrder() == SortOrder.ASC ? null : c.sortOrder(), c.length(), ops);
    }

    private static Column column(Column c, Provider provider) {
        ColumnType type = c.type();
        if (type instanceof ColumnType.Unsupported u) {
            type = new ColumnType.Unsupported(u.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
        } else if (provider == Provider.MYSQL && type instanceof ColumnType.Scalar s
                && Set.of("Time", "DateTime", "Timestamp").contains(s.nativeType()) && s.args().equals(List.of(0L))) {
            type = new ColumnType.Scalar(s.family(), s.nativeType(), List.of()); // (0) is MySQL's default precision
        }
        return new Column(c.name(), type, c.arity(), defaultValue(c, provider), c.autoIncrement());
    }

    private static ColumnDefault defaultValue(Column c, Provider provider) {
        ColumnDefault d = c.defaultValue();
        if (d == null) {
            return null;
        }
        TypeFamily family = c.type().family();
        if (provider == Provider.MYSQL && (family == TypeFamily.JSON
                || (family == TypeFamily.BINARY && !(d instanceof ColumnDefault.DbGenerated))
                || d instanceof ColumnDefault.ListValue || d instanceof ColumnDefault.BytesValue)) {
            return null;
        }
        if (provider == Provider.SQLITE && d instanceof ColumnDefault.ListValue) {
            return null;
        }
        if (provider == Provider.SQLITE && d instanceof ColumnDefault.EnumValue e) {
            return new ColumnDefault.StringValue(e.value()); // SQLite has no enums: a TEXT column
        }
        return value(d);
    }

    private static ColumnDefault value(ColumnDefault d) {
        if (d instanceof ColumnDefault.Sequence) {
            return new ColumnDefault.Sequence("");
        }
        if (d instanceof ColumnDefault.DbGenerated g) {
            return g.hasExpression() ? new ColumnDefault.DbGenerated(expression(g.expression())) : null;
        }
        if (d instanceof ColumnDefault.JsonValue j) {
            return new ColumnDefault.JsonValue(IntrospectedDefaults.compactJson(j.json()));
        }
        if (d instanceof ColumnDefault.ListValue l) {
            return new ColumnDefault.ListValue(l.values().stream().map(CanonicalForm::value).toList());
        }
        if (d instanceof ColumnDefault.DateTimeValue dt) {
            String v = IntrospectedDefaults.dateTime(dt.value());
            return new ColumnDefault.DateTimeValue(v == null ? dt.value() : v);
        }
        return d;
    }

    /** An SQL expression without casts, quotes, parentheses and whitespace, in lower case. */
    static String expression(String sql) {
        return sql.replaceAll("::[A-Za-z_\" .]+(\\(\\d+(,\\d+)?\\))?(\\[\\])?", "")
                .replaceAll("[\\s()\"`]", "").toLowerCase(Locale.ROOT);
    }
}
