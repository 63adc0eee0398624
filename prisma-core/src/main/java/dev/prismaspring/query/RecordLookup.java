package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.sql.SqlDialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The selects of the write path: records by filter with their keys ({@code FOR UPDATE} when asked), the records
 * related to one record through a relation, missing columns of a known record, and {@code pk IN (...)} conditions
 * chunked by the bind limit.
 */
final class RecordLookup {

    private final QuerySchema schema;
    private final SqlDialect dialect;
    private final StatementRunner runner;
    private final QueryEngine reads;
    private final int bindLimit;

    RecordLookup(QuerySchema schema, StatementRunner runner, QueryEngine reads, int bindLimit) {
        this.schema = schema;
        this.dialect = schema.dialect();
        this.runner = runner;
        this.reads = reads;
        this.bindLimit = bindLimit;
    }

    WriteRow findOne(QuerySchema.ModelInfo m, Filter where, boolean lock) {
        return findOne(m, where, lock, List.of());
    }

    WriteRow findOne(QuerySchema.ModelInfo m, Filter where, boolean lock, List<ScalarField> extra) {
        List<ScalarField> fields = new ArrayList<>(m.primaryKey());
        extra.stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        List<WriteRow> rows = find(m, where, fields, 1, lock);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** {@code SELECT fields FROM m WHERE where [LIMIT n] [FOR UPDATE]}. */
    List<WriteRow> find(QuerySchema.ModelInfo m, Filter where, List<ScalarField> fields, Integer limit,
                           boolean lock) {
        SqlCompiler c = new SqlCompiler(schema);
        String a = c.alias();
        List<ScalarField> cols = new ArrayList<>(fields);
        m.primaryKey().stream().filter(f -> !cols.contains(f)).forEach(cols::add);
        Statement st = new Statement().append("SELECT " + String.join(", ", cols.stream().map(f -> c.col(a, f))
                .toList()) + " FROM " + m.table() + " " + a + " WHERE ");
        c.filter(where, a, st);
        if (limit != null) {
            st.append(dialect.limitOffset(true, false)).values(List.of(TypedValue.integer(limit)));
        }
        if (lock) {
            st.append(dialect.lockForUpdate());
        }
        return new ArrayList<>(runner.query(st, rs -> readRow(rs, cols)));
    }

    /** {@code row} with {@code fields} loaded (by primary key) when it lacks some. */
    WriteRow ensure(QuerySchema.ModelInfo m, WriteRow row, List<ScalarField> fields) {
        if (row.keySet().containsAll(fields)) {
            return row;
        }
        WriteRow key = new WriteRow();
        m.primaryKey().forEach(f -> key.put(f, row.get(f)));
        List<WriteRow> found = find(m, keyFilter(m.primaryKey(), List.of(key)), fields, null, false);
        if (found.isEmpty()) {
            throw WriteErrors.notFound("The " + m.name() + " record was not found.");
        }
        WriteRow out = new WriteRow(row);
        found.get(0).forEach(out::putIfAbsent);
        return out;
    }

    WriteRow readRow(java.sql.ResultSet rs, List<ScalarField> fields) throws SQLException {
        WriteRow row = new WriteRow();
        for (int i = 0; i < fields.size(); i++) {
            ScalarField f = fields.get(i);
            row.put(f, reads.typed(f, reads.codec().read(rs, i + 1, f)));
        }
        return row;
    }

    /**
     * The records related to {@code row} through {@code link} that match {@code where} (null: all), with their
     * primary keys.
     */
    List<WriteRow> scoped(QuerySchema.ModelInfo m, WriteRow row, QuerySchema.RelationLink link, Filter where) {
        QuerySchema.ModelInfo t = link.target();
        SqlCompiler c = new SqlCompiler(schema);
        String a = c.alias();
        List<ScalarField> pk = t.primaryKey();
        Statement st = new Statement().append("SELECT " + String.join(", ", pk.stream().map(f -> c.col(a, f))
                .toList()) + " FROM " + t.table() + " " + a);
        WriteRow parent = ensure(m, row, link.parentFields());
        if (link.manyToMany()) {
            String j = c.alias();
            st.append(" JOIN " + link.joinTable() + " " + j + " ON " + j + "." + link.joinChildColumn() + " = "
                    + c.col(a, link.childFields().get(0)) + " WHERE " + j + "." + link.joinParentColumn() + " = ")
                    .param(parent.get(link.parentFields().get(0)));
        } else {
            st.append(" WHERE ");
            for (int i = 0; i < link.childFields().size(); i++) {
                TypedValue v = parent.get(link.parentFields().get(i));
                if (v == null || v.value() == null) {
                    return new ArrayList<>();
                }
                st.append((i > 0 ? " AND " : "") + c.col(a, link.childFields().get(i)) + " = ").param(v);
            }
        }
        if (where != null) {
            st.append(" AND (");
            c.filter(where, a, st);
            st.append(")");
        }
        return new ArrayList<>(runner.query(st, rs -> readRow(rs, pk)));
    }

    /** Runs {@code action} for chunks of rows with a {@code pk IN (...)} condition (by the bind limit). */
    void forChunks(QuerySchema.ModelInfo m, List<WriteRow> rows, int otherParams,
                           java.util.function.BiConsumer<List<WriteRow>, Statement> action) {
        List<ScalarField> pk = m.primaryKey();
        int per = Math.max(1, (bindLimit - otherParams) / pk.size());
        for (int from = 0; from < rows.size(); from += per) {
            List<WriteRow> chunk = rows.subList(from, Math.min(rows.size(), from + per));
            Statement where = new Statement();
            keyCondition(m, pk, chunk, where);
            action.accept(chunk, where);
        }
    }

    void keyCondition(QuerySchema.ModelInfo m, List<ScalarField> fields, List<WriteRow> rows, Statement st) {
        if (fields.size() == 1) {
            st.append(m.column(fields.get(0)) + " IN (");
            for (int i = 0; i < rows.size(); i++) {
                st.append(i == 0 ? "" : ", ").param(rows.get(i).get(fields.get(0)));
            }
            st.append(")");
            return;
        }
        st.append("(");
        for (int i = 0; i < rows.size(); i++) {
            st.append(i == 0 ? "(" : " OR (");
            for (int k = 0; k < fields.size(); k++) {
                st.append((k > 0 ? " AND " : "") + m.column(fields.get(k)) + " = ").param(rows.get(i)
                        .get(fields.get(k)));
            }
            st.append(")");
        }
        st.append(")");
    }

    /** {@code key IN (...)} (one field) or an OR of ANDs (compound keys) over {@code rows}. */
    static Filter keyFilter(List<ScalarField> fields, List<? extends Map<ScalarField, TypedValue>> rows) {
        if (fields.size() == 1) {
            List<TypedValue> values = rows.stream().map(r -> r.get(fields.get(0))).toList();
            return new Filter.Scalar(Filter.FieldRef.of(fields.get(0)), "in", values, false);
        }
        List<Filter> ors = new ArrayList<>();
        for (Map<ScalarField, TypedValue> r : rows) {
            List<Filter> ands = new ArrayList<>();
            for (ScalarField f : fields) {
                TypedValue v = r.get(f);
                ands.add(new Filter.Scalar(Filter.FieldRef.of(f), "equals", v == null || v.value() == null ? null : v,
                        false));
            }
            ors.add(new Filter.And(ands));
        }
        return new Filter.Or(ors);
    }

    static List<Object> normalize(List<Object> key) {
        List<Object> out = new ArrayList<>();
        for (Object v : key) {
            out.add(v instanceof Number n && !(v instanceof java.math.BigDecimal) ? (Object) n.longValue()
                    : v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v == null ? null : v.toString());
        }
        return out;
    }

    static boolean sameKey(QuerySchema.ModelInfo m, Map<ScalarField, TypedValue> a,
                                   Map<ScalarField, TypedValue> b) {
        for (ScalarField f : m.primaryKey()) {
            Object x = a.get(f) == null ? null : a.get(f).value();
            Object y = b.get(f) == null ? null : b.get(f).value();
            if (!normalize(java.util.Arrays.asList(x)).equals(normalize(java.util.Arrays.asList(y)))) {
                return false;
            }
        }
        return true;
    }
}
