package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements that change rows: {@code INSERT} of one record (learning its generated key) or many (chunked
 * by the bind limit, with {@code ON CONFLICT}/{@code ON DUPLICATE KEY} for native upserts), {@code UPDATE} by
 * primary key with set/atomic/push assignments and {@code @updatedAt}, and join-table rows of m-n relations.
 * One instance per top-level write: {@code now} is that write's clock.
 */
final class WriteStatements {

    private final QuerySchema schema;
    private final SqlDialect dialect;
    private final StatementRunner runner;
    private final QueryEngine reads;
    private final RecordLookup lookup;
    private final int bindLimit;
    private final Instant now;

    WriteStatements(WriteSupport support, Instant now) {
        this.schema = support.schema();
        this.dialect = support.schema().dialect();
        this.runner = support.runner();
        this.reads = support.reads();
        this.lookup = support.lookup();
        this.bindLimit = support.bindLimit();
        this.now = now;
    }

    WriteRow insertOne(QuerySchema.ModelInfo m, WriteRow values) {
        List<ScalarField> pk = m.primaryKey();
        Statement st = insertStatement(m, values);
        WriteRow row = new WriteRow(values);
        if (values.keySet().containsAll(pk)) {
            runner.update(st);
        } else if (dialect.supportsReturning()) {
            st.append(" RETURNING " + columns(m, pk));
            WriteRow returned = runner.query(st, rs -> lookup.readRow(rs, pk)).get(0);
            row.putAll(returned);
        } else {
            Object key = runner.insertForGeneratedKey(st);
            List<ScalarField> missing = pk.stream().filter(f -> !values.containsKey(f)).toList();
            if (key == null || missing.size() != 1) {
                throw new PrismaException("P2010", "Cannot learn the key of the new " + m.name()
                        + " record: the database generated more than one key column.");
            }
            row.put(missing.get(0), reads.typed(missing.get(0), ValueCodec.convert(key,
                    ((Datamodel.BuiltIn) missing.get(0).type()).type())));
        }
        return row;
    }

    /** {@code INSERT INTO table (columns) VALUES (...)} of one record ({@code DEFAULT VALUES} when it sets none). */
    Statement insertStatement(QuerySchema.ModelInfo m, WriteRow values) {
        Statement st = new Statement();
        if (values.isEmpty()) {
            return st.append(dialect.insertDefaultValues(m.table()));
        }
        st.append("INSERT INTO " + m.table() + " (" + columns(m, values.keySet()) + ") VALUES (");
        appendValues(values.values(), st);
        return st.append(")");
    }

    /** The insert of one record that updates the existing one on a conflict on {@code conflict} (a native upsert). */
    Statement upsertStatement(QuerySchema.ModelInfo m, WriteRow values, List<ScalarField> conflict,
                              WriteData update) {
        return insertStatement(m, values).append(upsertClause(m, conflict, new ArrayList<>(values.keySet()), update));
    }

    /**
     * {@code UPDATE table SET ... WHERE where}, the filter on the table's own name (no alias, which not every
     * database takes in an UPDATE); {@code null} when there is nothing to set.
     */
    Statement updateWhere(QuerySchema.ModelInfo m, WriteData data, Filter where) {
        Statement set = new Statement();
        String head = updateHead(m, data, new WriteRow(), set);
        if (head == null) {
            return null;
        }
        Statement st = new Statement().append(head).values(set.params());
        new SqlCompiler(schema).filter(where, m.table(), st);
        return st;
    }

    /** {@code DELETE FROM table WHERE where}, the filter on the table's own name. */
    Statement deleteWhere(QuerySchema.ModelInfo m, Filter where) {
        Statement st = new Statement().append("DELETE FROM " + m.table() + " WHERE ");
        new SqlCompiler(schema).filter(where, m.table(), st);
        return st;
    }

    /**
     * A multi-row insert (chunked by the bind limit; rows grouped by the columns they set). Returns the number of
     * rows inserted; with {@code returning}, adds the inserted rows' keys to {@code keys}.
     */
    int insertMany(QuerySchema.ModelInfo m, List<WriteRow> rows, boolean skipDuplicates, boolean returning,
                   List<WriteRow> keys, List<ScalarField> conflict, WriteData update) {
        Map<Set<ScalarField>, List<WriteRow>> groups = new LinkedHashMap<>();
        for (WriteRow r : rows) {
            groups.computeIfAbsent(new LinkedHashSet<>(r.keySet()), k -> new ArrayList<>()).add(r);
        }
        int count = 0;
        for (Map.Entry<Set<ScalarField>, List<WriteRow>> g : groups.entrySet()) {
            List<ScalarField> cols = new ArrayList<>(g.getKey());
            if (cols.isEmpty()) {
                for (WriteRow ignored : g.getValue()) {
                    count += runner.update(new Statement().append(dialect.insertDefaultValues(m.table())));
                }
                continue;
            }
            Statement tail = conflict == null ? new Statement()
                    : upsertClause(m, conflict, cols, update);
            int per = Math.max(1, (bindLimit - tail.paramCount()) / cols.size());
            List<WriteRow> list = g.getValue();
            for (int from = 0; from < list.size(); from += per) {
                List<WriteRow> chunk = list.subList(from, Math.min(list.size(), from + per));
                Statement st = new Statement().append((skipDuplicates ? dialect.insertIgnorePrefix()
                        : "INSERT INTO ") + m.table() + " (" + columns(m, cols) + ") VALUES ");
                for (int i = 0; i < chunk.size(); i++) {
                    st.append(i == 0 ? "(" : ", (");
                    WriteRow r = chunk.get(i);
                    appendValues(cols.stream().map(r::get).toList(), st);
                    st.append(")");
                }
                st.append(tail);
                if (skipDuplicates) {
                    st.append(dialect.insertIgnoreSuffix());
                }
                if (returning) {
                    st.append(" RETURNING " + columns(m, m.primaryKey()));
                    List<WriteRow> got = runner.query(st, rs -> lookup.readRow(rs, m.primaryKey()));
                    keys.addAll(got);
                    count += got.size();
                } else {
                    int n = runner.update(st);
                    count += conflict == null ? n : chunk.size();
                }
            }
        }
        return count;
    }

    /** {@code ON CONFLICT (key) DO UPDATE SET ...} / {@code ON DUPLICATE KEY UPDATE ...}. */
    Statement upsertClause(QuerySchema.ModelInfo m, List<ScalarField> conflict, List<ScalarField> cols,
                                   WriteData update) {
        Statement set = new Statement();
        List<String> parts = new ArrayList<>();
        if (update == null) {
            for (ScalarField f : cols) {
                if (!conflict.contains(f) && !(f.defaultValue() instanceof Datamodel.Now)) {
                    parts.add(m.column(f) + " = " + dialect.excludedColumn(m.column(f)));
                }
            }
        } else {
            assignments(m, update, null, set, parts, true);
        }
        ScalarField updatedAt = m.scalars().values().stream().filter(ScalarField::updatedAt).findFirst()
                .orElse(null);
        if (updatedAt != null && (update == null || !update.scalars().containsKey(updatedAt))
                && parts.stream().noneMatch(p -> p.startsWith(m.column(updatedAt) + " ="))) {
            parts.add(m.column(updatedAt) + " = ?");
            set.values(List.of(TypedValue.of(now, ScalarType.DateTime)));
        }
        if (parts.isEmpty()) {
            String c = m.column(conflict.get(0));
            parts.add(c + " = " + dialect.excludedColumn(c));
        }
        Statement out = new Statement().append(dialect.upsertClause(
                conflict.stream().map(m::column).toList(), parts));
        return out.values(set.params());
    }

    void updateRows(QuerySchema.ModelInfo m, List<WriteRow> rows, WriteData data) {
        updateRows(m, rows, data, new WriteRow());
    }

    void updateRows(QuerySchema.ModelInfo m, List<WriteRow> rows, WriteData data, WriteRow extra) {
        Statement set = new Statement();
        String head = updateHead(m, data, extra, set);
        if (rows.isEmpty() || head == null) {
            return;
        }
        lookup.forChunks(m, rows, set.paramCount(), (chunk, where) -> runner.update(
                new Statement().append(head).values(set.params()).append(where)));
    }

    /**
     * {@link #updateRows} that returns the rows' keys as they are after the update: the same keys when the update
     * leaves the primary key alone, else the keys the database returns ({@code RETURNING}; the operations that
     * need this, {@code updateManyAndReturn}, exist only where the dialect has it) or, without it, the keys with
     * the values the update set.
     */
    List<WriteRow> updateRowsReturningKeys(QuerySchema.ModelInfo m, List<WriteRow> rows, WriteData data) {
        List<ScalarField> pk = m.primaryKey();
        if (rows.isEmpty() || pk.stream().noneMatch(data.scalars()::containsKey)) {
            updateRows(m, rows, data);
            return rows;
        }
        Statement set = new Statement();
        String head = updateHead(m, data, new WriteRow(), set);
        if (!dialect.supportsReturning()) {
            updateRows(m, rows, data);
            List<WriteRow> out = new ArrayList<>();
            for (WriteRow r : rows) {
                WriteRow k = new WriteRow(r);
                data.scalars().forEach((f, sw) -> {
                    if (sw instanceof WriteData.Set v && pk.contains(f)) {
                        k.put(f, v.value());
                    }
                });
                out.add(k);
            }
            return out;
        }
        List<WriteRow> out = new ArrayList<>();
        lookup.forChunks(m, rows, set.paramCount(), (chunk, where) -> out.addAll(runner.query(
                new Statement().append(head).values(set.params()).append(where)
                        .append(" RETURNING " + columns(m, pk)), rs -> lookup.readRow(rs, pk))));
        return out;
    }

    /** {@code UPDATE table SET ... WHERE } with the assignments' values added to {@code set}; null: nothing to set. */
    private String updateHead(QuerySchema.ModelInfo m, WriteData data, WriteRow extra, Statement set) {
        List<String> parts = new ArrayList<>();
        assignments(m, data, extra, set, parts, false);
        for (ScalarField f : m.scalars().values()) {
            if (f.updatedAt() && !data.scalars().containsKey(f) && !extra.containsKey(f)) {
                parts.add(m.column(f) + " = ?");
                set.values(List.of(TypedValue.of(now, ScalarType.DateTime)));
            }
        }
        return parts.isEmpty() ? null : "UPDATE " + m.table() + " SET " + String.join(", ", parts) + " WHERE ";
    }

    /** {@code "col" = ?}, {@code "col" = "col" + ?}, ... with their values added to {@code params}. */
    void assignments(QuerySchema.ModelInfo m, WriteData data, WriteRow extra, Statement params,
                             List<String> parts, boolean inUpsert) {
        data.scalars().forEach((f, sw) -> {
            String target = m.column(f);
            String c = inUpsert ? dialect.upsertExistingColumn(m.table(), target) : target;
            if (sw instanceof WriteData.Set s) {
                parts.add(target + " = " + placeholder(s.value()));
                params.values(List.of(s.value()));
            } else if (sw instanceof WriteData.Push p) {
                parts.add(target + " = " + dialect.scalarListPush(c, placeholder(p.value())));
                params.values(List.of(p.value()));
            } else if (sw instanceof WriteData.Atomic a) {
                ScalarType t = ((Datamodel.BuiltIn) f.type()).type();
                String expr = switch (a.op()) {
                    case "increment" -> c + " + ?";
                    case "decrement" -> c + " - ?";
                    case "multiply" -> c + " * ?";
                    default -> t == ScalarType.Int || t == ScalarType.BigInt
                            ? dialect.integerDivide(c, "?") : c + " / ?";
                };
                parts.add(target + " = " + expr);
                params.values(List.of(a.value()));
            }
        });
        if (extra != null) {
            extra.forEach((f, v) -> {
                if (!data.scalars().containsKey(f)) {
                    parts.add(m.column(f) + " = ?");
                    params.values(List.of(v));
                }
            });
        }
    }

    void insertJoinRows(QuerySchema.RelationLink link, WriteRow parentKey, List<WriteRow> children) {
        if (children.isEmpty()) {
            return;
        }
        TypedValue parent = parentKey.get(link.parentFields().get(0));
        ScalarField childKey = link.childFields().get(0);
        int per = Math.max(1, bindLimit / 2);
        for (int from = 0; from < children.size(); from += per) {
            List<WriteRow> chunk = children.subList(from, Math.min(children.size(), from + per));
            Statement st = new Statement().append(dialect.insertIgnorePrefix() + link.joinTable() + " ("
                    + link.joinParentColumn() + ", " + link.joinChildColumn() + ") VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                st.append(i == 0 ? "(" : ", (").param(parent).append(", ")
                        .param(lookup.ensure(link.target(), chunk.get(i), List.of(childKey)).get(childKey)).append(")");
            }
            runner.update(st.append(dialect.insertIgnoreSuffix()));
        }
    }

    void deleteJoinRows(QuerySchema.RelationLink link, WriteRow parentKey, List<WriteRow> children) {
        if (children.isEmpty()) {
            return;
        }
        ScalarField childKey = link.childFields().get(0);
        int per = Math.max(1, bindLimit - 1);
        for (int from = 0; from < children.size(); from += per) {
            List<WriteRow> chunk = children.subList(from, Math.min(children.size(), from + per));
            Statement st = new Statement().append("DELETE FROM " + link.joinTable() + " WHERE "
                    + link.joinParentColumn() + " = ").param(parentKey.get(link.parentFields().get(0)))
                    .append(" AND " + link.joinChildColumn() + " IN (");
            for (int i = 0; i < chunk.size(); i++) {
                st.append(i == 0 ? "" : ", ").param(chunk.get(i).get(childKey));
            }
            runner.update(st.append(")"));
        }
    }

    /** Join rows of deleted records of {@code m} in column {@code column}. */
    void deleteJoinRows(String joinTable, String column, QuerySchema.ModelInfo m, List<WriteRow> rows) {
        ScalarField key = m.primaryKey().get(0);
        int per = Math.max(1, bindLimit);
        for (int from = 0; from < rows.size(); from += per) {
            List<WriteRow> chunk = rows.subList(from, Math.min(rows.size(), from + per));
            Statement st = new Statement().append("DELETE FROM " + joinTable + " WHERE " + column + " IN (");
            for (int i = 0; i < chunk.size(); i++) {
                st.append(i == 0 ? "" : ", ").param(chunk.get(i).get(key));
            }
            runner.update(st.append(")"));
        }
    }

    String columns(QuerySchema.ModelInfo m, java.util.Collection<ScalarField> fields) {
        StringBuilder out = new StringBuilder();
        for (ScalarField f : fields) {
            out.append(out.isEmpty() ? "" : ", ").append(m.column(f));
        }
        return out.toString();
    }

    void appendValues(java.util.Collection<TypedValue> values, Statement st) {
        int i = 0;
        for (TypedValue v : values) {
            st.append(i++ == 0 ? "" : ", ").append(placeholder(v)).values(List.of(v));
        }
    }

    /** {@code ?}, or for a list of enum values {@code CAST(? AS "Enum"[])} (arrays of enums bind as text arrays). */
    String placeholder(TypedValue v) {
        if (v.list() && v.enumName() != null) {
            Datamodel.EnumType e = schema.datamodel().enumType(v.enumName()).orElseThrow();
            return "CAST(? AS " + schema.table(e.schema(), e.dbName()) + "[])";
        }
        return "?";
    }
}
