package dev.prismaspring.query;

import dev.prismaspring.query.WriteParser.Side;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes that take one statement, run as that statement alone: {@code create} ({@code INSERT ... RETURNING}),
 * {@code update} ({@code UPDATE ... WHERE unique RETURNING}), native {@code upsert} ({@code INSERT ... ON CONFLICT
 * DO UPDATE ... RETURNING}), {@code delete} ({@code DELETE ... RETURNING}), and {@code updateMany}/{@code deleteMany}
 * (one {@code UPDATE}/{@code DELETE ... WHERE filter}, counted by the update count, also without RETURNING). The
 * returned record is read from the statement's own result (scalar-only selections), so no key lookup before and
 * no read-back after; and as one statement is atomic, it needs no transaction of its own ({@link #runsAlone}).
 *
 * <p>A write qualifies only when the general path ({@link WriteRun}) would do nothing else: no nested writes, no
 * 1-1 foreign key another record may hold, no emulated referential action ({@code relationMode = "prisma"}), no
 * {@code limit}. Everything else takes the general path.
 */
final class SingleStatementWrites {

    private final QuerySchema.ModelInfo model;
    private final StatementRunner runner;
    private final QueryEngine reads;
    private final WriteRun run;
    private final WriteStatements statements;
    private final WrittenRecords written;

    SingleStatementWrites(WriteSupport support, QuerySchema.ModelInfo model, WriteRun run,
                          WriteStatements statements) {
        this.model = model;
        this.runner = support.runner();
        this.reads = support.reads();
        this.run = run;
        this.statements = statements;
        this.written = support.written();
    }

    /** What an insert with {@code RETURNING} gave: the record's key values and the result map. */
    record Inserted(WriteRow row, Map<String, Object> record) {
    }

    // ---------------------------------------------------------------------------------- eligibility

    /** Whether {@code w} runs as one statement (and so needs no transaction of its own). */
    static boolean runsAlone(WriteSupport s, Query.Write w) {
        QuerySchema.ModelInfo m = w.model();
        return switch (w.operation()) {
            case "create" -> returnsRecord(s, w) && w.data().relations().isEmpty()
                    && !holdsOneToOne(m, w.data(), true);
            case "update" -> returnsRecord(s, w) && w.data().relations().isEmpty()
                    && !holdsOneToOne(m, w.data(), false) && setsSomething(m, w.data())
                    && !(s.emulateRelations() && WriteRun.changesReferencedKey(m, w.data()));
            case "upsert" -> w.conflict() != null && returnsRecord(s, w) && !w.data().scalars().isEmpty();
            case "delete" -> returnsRecord(s, w) && !s.emulateRelations();
            case "deleteMany" -> w.limit() == null && !s.emulateRelations() && !reaches(w.where(), m);
            case "updateMany" -> w.limit() == null && w.data().relations().isEmpty() && setsSomething(m, w.data())
                    && !(s.emulateRelations() && WriteRun.changesReferencedKey(m, w.data())) && !reaches(w.where(), m);
            default -> false;
        };
    }

    /** Whether the written record can come back from the write statement itself ({@code RETURNING}, scalars only). */
    static boolean returnsRecord(WriteSupport s, Query.Write w) {
        Query.Selection sel = w.selection();
        return s.schema().dialect().supportsReturning() && sel != null && sel.relations().isEmpty()
                && sel.counts().isEmpty();
    }

    /**
     * Whether {@code data} may set the foreign key of a 1-1 relation (unique), which the general path first takes
     * from any other record holding it; on create a default may set it too.
     */
    private static boolean holdsOneToOne(QuerySchema.ModelInfo m, WriteData data, boolean create) {
        for (Datamodel.RelationField rf : m.relations().values()) {
            QuerySchema.RelationLink link = m.link(rf);
            if (WriteParser.side(link) == Side.PARENT_HOLDS_FK && WriteRun.isUnique(m, link.parentFields())
                    && link.parentFields().stream().anyMatch(f -> data.scalars().containsKey(f)
                    || create && f.defaultValue() != null)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code UPDATE} of {@code data} has an assignment (set fields or an {@code @updatedAt}). */
    private static boolean setsSomething(QuerySchema.ModelInfo m, WriteData data) {
        return !data.scalars().isEmpty() || m.scalars().values().stream().anyMatch(ScalarField::updatedAt);
    }

    /**
     * Whether {@code where} filters through a relation to records of {@code m} itself: MySQL refuses a subquery on
     * the table an UPDATE or DELETE changes (error 1093), so such a filter selects the keys first.
     */
    private static boolean reaches(Filter where, QuerySchema.ModelInfo m) {
        if (where instanceof Filter.And a) {
            return a.filters().stream().anyMatch(f -> reaches(f, m));
        }
        if (where instanceof Filter.Or o) {
            return o.filters().stream().anyMatch(f -> reaches(f, m));
        }
        if (where instanceof Filter.Not n) {
            return n.filters().stream().anyMatch(f -> reaches(f, m));
        }
        if (where instanceof Filter.Relation r) {
            return r.link().target().name().equals(m.name()) || reaches(r.filter(), m);
        }
        return false;
    }

    // ---------------------------------------------------------------------------------- the writes

    /** Runs {@code w}, for which {@link #runsAlone} holds. */
    Object execute(Query.Write w) {
        Query.Selection sel = w.selection();
        return switch (w.operation()) {
            case "create" -> insert(run.withDefaults(model, run.scalarValues(w.data())), sel).record();
            case "update" -> one(statements.updateWhere(model, w.data(), w.where()), sel,
                    "No record was found for an update.");
            case "upsert" -> one(statements.upsertStatement(model, run.withDefaults(model,
                    run.scalarValues(w.data())), w.conflict(), w.update()), sel, null);
            case "delete" -> one(statements.deleteWhere(model, w.where()), sel, "Record to delete does not exist.");
            case "deleteMany" -> written.count(runner.update(statements.deleteWhere(model, w.where())));
            case "updateMany" -> written.count(runner.update(statements.updateWhere(model, w.data(), w.where())));
            default -> throw new IllegalArgumentException(w.operation());
        };
    }

    /** Inserts {@code values} returning the selected columns and the key (for nested writes that follow). */
    Inserted insert(WriteRow values, Query.Selection sel) {
        Columns cols = columns(sel);
        List<Inserted> got = runner.query(statements.insertStatement(model, values).append(cols.returning()), rs -> {
            WriteRow row = new WriteRow(values);
            for (ScalarField f : model.primaryKey()) {
                row.put(f, reads.typed(f, reads.codec().read(rs, cols.fields().indexOf(f) + 1, f)));
            }
            return new Inserted(row, record(rs, cols));
        });
        return got.get(0);
    }

    /** The one record {@code st} changes, as selected; {@code P2025} with {@code notFound} when none. */
    private Map<String, Object> one(Statement st, Query.Selection sel, String notFound) {
        Columns cols = columns(sel);
        List<Map<String, Object>> rows = runner.query(st.append(cols.returning()), rs -> record(rs, cols));
        if (rows.isEmpty()) {
            throw WriteErrors.notFound(notFound);
        }
        return rows.get(0);
    }

    /**
     * The {@code RETURNING} columns for a selection: the selected scalars in schema order (as the read path
     * returns them), then any primary key field not selected, which is read but left out of the record.
     */
    private Columns columns(Query.Selection sel) {
        Set<String> selected = new HashSet<>();
        sel.scalars().forEach(f -> selected.add(f.name()));
        List<ScalarField> fields = new ArrayList<>();
        for (ScalarField f : model.scalars().values()) {
            if (selected.contains(f.name())) {
                fields.add(f);
            }
        }
        int shown = fields.size();
        model.primaryKey().stream().filter(f -> !selected.contains(f.name())).forEach(fields::add);
        return new Columns(fields, shown, " RETURNING " + statements.columns(model, fields));
    }

    /** The record in the current row of a {@code RETURNING} result, read with the same value codec as reads. */
    private Map<String, Object> record(ResultSet rs, Columns cols) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>(cols.shown() * 4 / 3 + 1);
        for (int i = 0; i < cols.shown(); i++) {
            ScalarField f = cols.fields().get(i);
            out.put(f.name(), reads.codec().read(rs, i + 1, f));
        }
        return out;
    }

    /** The columns of a {@code RETURNING} clause; the first {@code shown} are the record's. */
    private record Columns(List<ScalarField> fields, int shown, String returning) {
    }
}
