package dev.prismaspring.query;

import dev.prismaspring.query.WriteParser.Side;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deletes rows and, under {@code relationMode = "prisma"}, runs the referential actions the database would run
 * with foreign keys: onDelete (Cascade, SetNull, Restrict → P2014) for records pointing at deleted ones, onUpdate
 * (default Cascade) when a referenced key changes, and removal of m-n join rows.
 */
final class ReferentialActions {

    private final QuerySchema schema;
    private final StatementRunner runner;
    private final QueryEngine reads;
    private final RecordLookup lookup;
    private final WriteStatements statements;
    private final boolean emulate;

    ReferentialActions(WriteSupport support, WriteStatements statements) {
        this.schema = support.schema();
        this.runner = support.runner();
        this.reads = support.reads();
        this.lookup = support.lookup();
        this.statements = statements;
        this.emulate = support.emulateRelations();
    }

    void deleteRows(QuerySchema.ModelInfo m, List<WriteRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (emulate) {
            emulateOnDelete(m, rows);
        }
        lookup.forChunks(m, rows, 0, (chunk, where) -> runner.update(
                new Statement().append("DELETE FROM " + m.table() + " WHERE ").append(where)));
    }

    /** The referential actions of relations pointing at {@code m}, as the database would run them. */
    void emulateOnDelete(QuerySchema.ModelInfo m, List<WriteRow> rows) {
        for (QuerySchema.ModelInfo x : schema.models()) {
            for (Datamodel.RelationField rf : x.relations().values()) {
                QuerySchema.RelationLink link = x.link(rf);
                if (link.manyToMany()) {
                    if (rf.targetModel().equals(m.name())) {
                        statements.deleteJoinRows(link.joinTable(), link.joinChildColumn(), m, rows);
                    }
                    continue;
                }
                if (WriteParser.side(link) != Side.PARENT_HOLDS_FK || !rf.targetModel().equals(m.name())) {
                    continue;
                }
                List<WriteRow> targets = rows.stream().map(r -> lookup.ensure(m, r, link.childFields())).toList();
                List<WriteRow> referencing = referencing(x, link, targets);
                if (referencing.isEmpty()) {
                    continue;
                }
                boolean optional = link.parentFields().stream().allMatch(f -> f.arity()
                        == Datamodel.Arity.OPTIONAL);
                Datamodel.ReferentialAction action = rf.onDelete() != null ? rf.onDelete()
                        : optional ? Datamodel.ReferentialAction.SetNull : Datamodel.ReferentialAction.Restrict;
                switch (action) {
                    case Cascade -> deleteRows(x, referencing);
                    case SetNull, SetDefault -> setNull(x, referencing, link.parentFields());
                    default -> throw WriteErrors.requiredRelation(rf, x, m);
                }
            }
        }
    }

    /** onUpdate (default Cascade) when a record's referenced key changes, as foreign keys would do. */
    void cascadeKeyUpdate(QuerySchema.ModelInfo m, WriteRow before, WriteData data) {
        for (QuerySchema.ModelInfo x : schema.models()) {
            for (Datamodel.RelationField rf : x.relations().values()) {
                QuerySchema.RelationLink link = x.link(rf);
                if (link.manyToMany() || WriteParser.side(link) != Side.PARENT_HOLDS_FK
                        || !rf.targetModel().equals(m.name())) {
                    continue;
                }
                WriteRow changed = new WriteRow();
                for (ScalarField f : link.childFields()) {
                    if (data.scalars().get(f) instanceof WriteData.Set s && !Objects.equals(s.value().value(),
                            before.get(f) == null ? null : before.get(f).value())) {
                        changed.put(f, s.value());
                    }
                }
                if (changed.isEmpty()) {
                    continue;
                }
                List<WriteRow> referencing = referencing(x, link, List.of(before));
                if (referencing.isEmpty()) {
                    continue;
                }
                Datamodel.ReferentialAction action = rf.onUpdate() != null ? rf.onUpdate()
                        : Datamodel.ReferentialAction.Cascade;
                switch (action) {
                    case Cascade -> {
                        WriteRow set = new WriteRow();
                        for (int i = 0; i < link.childFields().size(); i++) {
                            ScalarField target = link.childFields().get(i);
                            if (changed.containsKey(target)) {
                                set.put(link.parentFields().get(i), changed.get(target));
                            }
                        }
                        statements.updateRows(x, referencing, WriteData.empty(), set);
                    }
                    case SetNull, SetDefault -> setNull(x, referencing, link.parentFields());
                    default -> throw WriteErrors.requiredRelation(rf, x, m);
                }
            }
        }
    }

    /** Rows of {@code x} whose foreign key ({@code link} from x) points at one of {@code targets}. */
    List<WriteRow> referencing(QuerySchema.ModelInfo x, QuerySchema.RelationLink link, List<WriteRow> targets) {
        List<WriteRow> keys = new ArrayList<>();
        for (WriteRow t : targets) {
            WriteRow k = new WriteRow();
            for (int i = 0; i < link.parentFields().size(); i++) {
                k.put(link.parentFields().get(i), t.get(link.childFields().get(i)));
            }
            keys.add(k);
        }
        return lookup.find(x, RecordLookup.keyFilter(link.parentFields(), keys), x.primaryKey(), null, false);
    }

    void setNull(QuerySchema.ModelInfo x, List<WriteRow> rows, List<ScalarField> fields) {
        WriteRow nulls = new WriteRow();
        fields.forEach(f -> nulls.put(f, reads.typed(f, null)));
        statements.updateRows(x, rows, WriteData.empty(), nulls);
    }
}
