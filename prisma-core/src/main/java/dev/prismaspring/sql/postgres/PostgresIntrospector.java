package dev.prismaspring.sql.postgres;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnArity;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.IndexColumn;
import dev.prismaspring.sql.IndexKind;
import dev.prismaspring.sql.IndexMethod;
import dev.prismaspring.sql.IntrospectedDefaults;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.PrimaryKey;
import dev.prismaspring.sql.ReferentialAction;
import dev.prismaspring.sql.SortOrder;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.TypeFamily;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL introspection through {@code pg_catalog}: tables (ordinary and partitioned, no partitions), columns
 * with {@code format_type} and {@code pg_get_expr} defaults, enums, primary keys, indexes (access method, operator
 * classes that are not the type's default, {@code DESC}, predicates) and foreign keys.
 */
public final class PostgresIntrospector implements Introspector {

    /** The one instance. */
    public static final PostgresIntrospector INSTANCE = new PostgresIntrospector();

    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.*)'::regclass\\)$");
    private static final Pattern CAST = Pattern.compile("^(.*?)::[A-Za-z_\" .]+(\\(\\d+(,\\d+)?\\))?(\\[\\])?$",
            Pattern.DOTALL);

    private PostgresIntrospector() {
    }

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    private record Key(String namespace, String table) {
    }

    @Override
    public SqlSchema introspect(Connection connection, List<String> schemas) throws SQLException {
        List<String> requested = schemas.isEmpty() ? List.of(SqlSchemaCalculator.DEFAULT_NAMESPACE) : schemas;
        Array nsArray = connection.createArrayOf("text", requested.toArray());
        Set<String> existing = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname = ANY(?)")) {
            ps.setArray(1, nsArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        SqlSchema.Builder schema = SqlSchema.builder();
        // enums
        Map<Key, List<String>> enums = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT n.nspname, t.typname, e.enumlabel
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = ANY(?)
                ORDER BY n.nspname COLLATE "C", t.typname COLLATE "C", e.enumsortorder""")) {
            ps.setArray(1, nsArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    enums.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(rs.getString(3));
                }
            }
        }
        // tables
        Map<Key, Table.Builder> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT n.nspname, c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY(?)
                ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C\"""")) {
            ps.setArray(1, nsArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    if (!Introspector.isIgnoredTable(name)) {
                        Key key = new Key(rs.getString(1), name);
                        tables.put(key, Table.builder(ns(key.namespace()), name));
                    }
                }
            }
        }
        columns(connection, nsArray, tables);
        indexes(connection, nsArray, tables);
        foreignKeys(connection, nsArray, tables);

        Set<String> used = new TreeSet<>();
        tables.keySet().forEach(k -> used.add(k.namespace()));
        enums.keySet().forEach(k -> used.add(k.namespace()));
        for (String n : existing) {
            if (schemas.isEmpty() || schemas.size() == 1 || used.contains(n)) {
                schema.namespace(n);
            }
        }
        enums.forEach((k, values) -> schema.enumType(new SqlEnum(ns(k.namespace()), k.table(), values)));
        tables.values().forEach(b -> schema.table(b.build()));
        return schema.build();
    }

    private static String ns(String namespace) {
        return SqlSchemaCalculator.DEFAULT_NAMESPACE.equals(namespace) ? null : namespace;
    }

    private void columns(Connection connection, Array nsArray, Map<Key, Table.Builder> tables) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT n.nspname, c.relname, a.attname, a.attnotnull, format_type(a.atttypid, a.atttypmod),
                       t.typname, t.typtype, tn.nspname, a.atttypmod,
                       et.typname, et.typtype, etn.nspname, pg_get_expr(d.adbin, d.adrelid), a.attidentity,
                       a.attgenerated
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_type t ON t.oid = a.atttypid
                JOIN pg_namespace tn ON tn.oid = t.typnamespace
                LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
                LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname = ANY(?)
                ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum""")) {
            ps.setArray(1, nsArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Table.Builder table = tables.get(new Key(rs.getString(1), rs.getString(2)));
                    if (table == null) {
                        continue;
                    }
                    String name = rs.getString(3);
                    boolean notNull = rs.getBoolean(4);
                    String formatted = rs.getString(5);
                    boolean isArray = rs.getString(10) != null;
                    String typname = isArray ? rs.getString(10) : rs.getString(6);
                    String typtype = isArray ? rs.getString(11) : rs.getString(7);
                    String typnsp = isArray ? rs.getString(12) : rs.getString(8);
                    int typmod = rs.getInt(9);
                    ColumnType type;
                    if ("e".equals(typtype)) {
                        type = new ColumnType.EnumRef(ns(typnsp), typname);
                    } else {
                        type = scalarType(typname, typmod);
                        if (type == null) {
                            type = new ColumnType.Unsupported(isArray && formatted.endsWith("[]")
                                    ? formatted.substring(0, formatted.length() - 2) : formatted);
                        }
                    }
                    ColumnArity arity = isArray ? ColumnArity.LIST
                            : notNull ? ColumnArity.REQUIRED : ColumnArity.NULLABLE;
                    String dflt = rs.getString(13);
                    String identity = rs.getString(14);
                    String generated = rs.getString(15);
                    boolean autoIncrement = false;
                    ColumnDefault value = null;
                    if (identity != null && !identity.isEmpty()) {
                        autoIncrement = true;
                        value = new ColumnDefault.Sequence(null);
                    } else if (generated != null && !generated.isEmpty()) {
                        value = new ColumnDefault.DbGenerated(dflt);
                    } else if (dflt != null) {
                        Matcher m = NEXTVAL.matcher(dflt);
                        if (m.matches()) {
                            autoIncrement = true;
                            value = new ColumnDefault.Sequence(m.group(1).replace("''", "'"));
                        } else {
                            value = parseDefault(dflt, type, isArray);
                        }
                    }
                    table.column(new Column(name, type, arity, value, autoIncrement));
                }
            }
        }
    }

    /** The calculator's type for a built-in PostgreSQL type, or {@code null} when Prisma has no scalar for it. */
    static ColumnType.Scalar scalarType(String typname, int typmod) {
        return switch (typname) {
            case "int2" -> ColumnType.Scalar.of(TypeFamily.INT, "SmallInt");
            case "int4" -> ColumnType.Scalar.of(TypeFamily.INT, "Integer");
            case "oid" -> ColumnType.Scalar.of(TypeFamily.INT, "Oid");
            case "int8" -> ColumnType.Scalar.of(TypeFamily.BIG_INT, "BigInt");
            case "numeric" -> typmod < 0 ? ColumnType.Scalar.of(TypeFamily.DECIMAL, "Decimal")
                    : ColumnType.Scalar.of(TypeFamily.DECIMAL, "Decimal", ((typmod - 4) >> 16) & 0xffff,
                            (typmod - 4) & 0xffff);
            case "money" -> ColumnType.Scalar.of(TypeFamily.DECIMAL, "Money");
            case "float4" -> ColumnType.Scalar.of(TypeFamily.FLOAT, "Real");
            case "float8" -> ColumnType.Scalar.of(TypeFamily.FLOAT, "DoublePrecision");
            case "bool" -> ColumnType.Scalar.of(TypeFamily.BOOLEAN, "Boolean");
            case "text" -> ColumnType.Scalar.of(TypeFamily.STRING, "Text");
            case "varchar" -> lengthType(TypeFamily.STRING, "VarChar", typmod < 0 ? -1 : typmod - 4);
            case "bpchar" -> lengthType(TypeFamily.STRING, "Char", typmod < 0 ? -1 : typmod - 4);
            case "citext" -> ColumnType.Scalar.of(TypeFamily.STRING, "Citext");
            case "inet" -> ColumnType.Scalar.of(TypeFamily.STRING, "Inet");
            case "uuid" -> ColumnType.Scalar.of(TypeFamily.STRING, "Uuid");
            case "xml" -> ColumnType.Scalar.of(TypeFamily.STRING, "Xml");
            case "bit" -> lengthType(TypeFamily.STRING, "Bit", typmod);
            case "varbit" -> lengthType(TypeFamily.STRING, "VarBit", typmod);
            case "bytea" -> ColumnType.Scalar.of(TypeFamily.BINARY, "ByteA");
            case "timestamp" -> lengthType(TypeFamily.DATE_TIME, "Timestamp", typmod);
            case "timestamptz" -> lengthType(TypeFamily.DATE_TIME, "Timestamptz", typmod);
            case "date" -> ColumnType.Scalar.of(TypeFamily.DATE_TIME, "Date");
            case "time" -> lengthType(TypeFamily.DATE_TIME, "Time", typmod);
            case "timetz" -> lengthType(TypeFamily.DATE_TIME, "Timetz", typmod);
            case "json" -> ColumnType.Scalar.of(TypeFamily.JSON, "Json");
            case "jsonb" -> ColumnType.Scalar.of(TypeFamily.JSON, "JsonB");
            default -> null;
        };
    }

    private static ColumnType.Scalar lengthType(TypeFamily family, String name, int arg) {
        return arg < 0 ? ColumnType.Scalar.of(family, name) : ColumnType.Scalar.of(family, name, arg);
    }

    /** A default expression as {@code pg_get_expr} prints it, read back; {@code dbgenerated} when not a literal. */
    static ColumnDefault parseDefault(String expr, ColumnType type, boolean isArray) {
        String e = expr.trim();
        if (isArray) {
            ColumnDefault list = parseArray(e, type);
            return list != null ? list : new ColumnDefault.DbGenerated(expr);
        }
        ColumnDefault v = parseScalar(e, type);
        return v != null ? v : new ColumnDefault.DbGenerated(expr);
    }

    private static ColumnDefault parseArray(String e, ColumnType type) {
        String body = e;
        Matcher cast = CAST.matcher(body);
        if (body.startsWith("ARRAY[") && cast.matches() && cast.group(1).endsWith("]")) {
            body = cast.group(1);
        }
        if (body.startsWith("ARRAY[") && body.endsWith("]")) {
            List<ColumnDefault> values = new ArrayList<>();
            for (String item : IntrospectedDefaults.splitTopLevel(body.substring(6, body.length() - 1))) {
                ColumnDefault v = parseScalar(item, type);
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return new ColumnDefault.ListValue(values);
        }
        String[] lit = IntrospectedDefaults.stringLiteral(e, false);
        if (lit != null && lit[0].equals("{}")) {
            return new ColumnDefault.ListValue(List.of());
        }
        return null;
    }

    private static ColumnDefault parseScalar(String expr, ColumnType type) {
        String e = IntrospectedDefaults.stripParens(expr);
        String lower = e.toLowerCase(java.util.Locale.ROOT);
        if (type instanceof ColumnType.Scalar s && s.family() == TypeFamily.DATE_TIME
                && (lower.equals("now()") || lower.startsWith("current_timestamp"))) {
            return new ColumnDefault.Now();
        }
        if (type instanceof ColumnType.Unsupported) {
            return null;
        }
        String[] lit = IntrospectedDefaults.stringLiteral(e, false);
        if (lit != null) {
            String rest = lit[1].trim();
            if (!rest.isEmpty() && !rest.startsWith("::")) {
                return null;
            }
            if (type instanceof ColumnType.EnumRef) {
                return new ColumnDefault.EnumValue(lit[0]);
            }
            TypeFamily family = type.family();
            if (family == TypeFamily.BINARY) {
                return lit[0].startsWith("\\x") ? new ColumnDefault.BytesValue(lit[0].substring(2)) : null;
            }
            return IntrospectedDefaults.literal(family, lit[0], true);
        }
        if (type instanceof ColumnType.EnumRef) {
            return null;
        }
        TypeFamily family = type.family();
        if (lower.equals("true") || lower.equals("false")) {
            return family == TypeFamily.BOOLEAN ? new ColumnDefault.BooleanValue(lower.equals("true")) : null;
        }
        Matcher cast = CAST.matcher(e);
        String bare = cast.matches() ? IntrospectedDefaults.stripParens(cast.group(1)) : e;
        if (IntrospectedDefaults.isNumber(bare) && family != null && family != TypeFamily.STRING
                && family != TypeFamily.DATE_TIME && family != TypeFamily.JSON && family != TypeFamily.BINARY
                && family != TypeFamily.BOOLEAN) {
            return new ColumnDefault.NumberValue(bare);
        }
        return null;
    }

    private void indexes(Connection connection, Array nsArray, Map<Key, Table.Builder> tables) throws SQLException {
        record Row(String method, boolean unique, boolean primary, String predicate, List<IndexColumn> columns,
                boolean expression) {
        }
        Map<List<String>, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT tn.nspname, t.relname, i.relname, ix.indisunique, ix.indisprimary, am.amname,
                       pg_get_expr(ix.indpred, ix.indrelid), k.ord, a.attname, (ix.indoption[k.ord - 1] & 1) = 1,
                       opc.opcname, opc.opcdefault, k.ord > ix.indnkeyatts
                FROM pg_index ix
                JOIN pg_class i ON i.oid = ix.indexrelid
                JOIN pg_class t ON t.oid = ix.indrelid
                JOIN pg_namespace tn ON tn.oid = t.relnamespace
                JOIN pg_am am ON am.oid = i.relam
                CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
                LEFT JOIN pg_opclass opc ON opc.oid = ix.indclass[k.ord - 1]
                WHERE t.relkind IN ('r', 'p') AND tn.nspname = ANY(?)
                ORDER BY tn.nspname COLLATE "C", t.relname COLLATE "C", i.relname COLLATE "C", k.ord""")) {
            ps.setArray(1, nsArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> id = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
                    Row row = rows.computeIfAbsent(id, k -> {
                        try {
                            return new Row(rs.getString(6), rs.getBoolean(4), rs.getBoolean(5), rs.getString(7),
                                    new ArrayList<>(), false);
                        } catch (SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
                    if (rs.getBoolean(13)) {
                        // INCLUDE columns: Prisma cannot express them
                        rows.put(id, new Row(row.method, row.unique, row.primary, row.predicate, row.columns, true));
                        continue;
                    }
                    String column = rs.getString(9);
                    if (column == null) {
                        rows.put(id, new Row(row.method, row.unique, row.primary, row.predicate, row.columns, true));
                        continue;
                    }
                    String opclass = rs.getBoolean(12) ? null : rs.getString(11);
                    SortOrder sort = rs.getBoolean(10) && "btree".equals(row.method) ? SortOrder.DESC : null;
                    row.columns.add(new IndexColumn(column, sort, null, opclass));
                }
            }
        }
        for (Map.Entry<List<String>, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            Table.Builder table = tables.get(new Key(entry.getKey().get(0), entry.getKey().get(1)));
            if (table == null || row.expression) {
                continue;
            }
            String name = entry.getKey().get(2);
            if (row.primary) {
                table.primaryKey(new PrimaryKey(name, row.columns));
                continue;
            }
            IndexMethod method = switch (row.method) {
                case "hash" -> IndexMethod.HASH;
                case "gist" -> IndexMethod.GIST;
                case "gin" -> IndexMethod.GIN;
                case "spgist" -> IndexMethod.SPGIST;
                case "brin" -> IndexMethod.BRIN;
                default -> null;
            };
            table.index(new Index(name, row.unique ? IndexKind.UNIQUE : IndexKind.NORMAL, row.columns, method,
                    row.predicate));
        }
    }

    private void foreignKeys(Connection connection, Array nsArray, Map<Key, Table.Builder> tables)
            throws SQLException {
        record Fk(String table, String tableNs, String refNs, String refTable, String onDelete, String onUpdate,
                List<String> columns, List<String> refColumns) {
        }
        Map<List<String>, Fk> fks = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT tn.nspname, t.relname, con.conname, rn.nspname, r.relname, con.confdeltype,
                       con.confupdtype, a.attname, ra.attname
                FROM pg_constraint con
                JOIN pg_class t ON t.oid = con.conrelid
                JOIN pg_namespace tn ON tn.oid = t.relnamespace
                JOIN pg_class r ON r.oid = con.confrelid
                JOIN pg_namespace rn ON rn.oid = r.relnamespace
                CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(col, refcol, ord)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
                JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refcol
                WHERE con.contype = 'f' AND tn.nspname = ANY(?)
                ORDER BY tn.nspname COLLATE "C", t.relname COLLATE "C", con.conname COLLATE "C", k.ord""")) {
            ps.setArray(1, nsArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> id = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
                    Fk fk = fks.get(id);
                    if (fk == null) {
                        fk = new Fk(rs.getString(2), rs.getString(1), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), new ArrayList<>(), new ArrayList<>());
                        fks.put(id, fk);
                    }
                    fk.columns.add(rs.getString(8));
                    fk.refColumns.add(rs.getString(9));
                }
            }
        }
        for (Map.Entry<List<String>, Fk> entry : fks.entrySet()) {
            Fk fk = entry.getValue();
            Table.Builder table = tables.get(new Key(fk.tableNs, fk.table));
            if (table == null || !tables.containsKey(new Key(fk.refNs, fk.refTable))) {
                continue; // a reference outside the introspected schemas
            }
            table.foreignKey(new ForeignKey(entry.getKey().get(2), fk.columns, ns(fk.refNs), fk.refTable,
                    fk.refColumns, action(fk.onDelete), action(fk.onUpdate)));
        }
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }
}
