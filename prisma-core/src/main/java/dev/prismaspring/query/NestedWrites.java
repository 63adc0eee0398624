package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.sql.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested writes on relation fields ({@code create}, {@code connect}, {@code connectOrCreate}, {@code disconnect},
 * {@code set}, {@code update}, {@code updateMany}, {@code upsert}, {@code delete}, {@code deleteMany},
 * {@code createMany}), by where the foreign key is: on the written record (resolved before its insert or
 * collected for its update) or on the related records / a join table (written after the record exists). Keeps
 * 1-1 relations single, with Prisma's rule on required relations (P2014).
 */
final class NestedWrites {

    private final QuerySchema schema;
    private final SqlDialect dialect;
    private final StatementRunner runner;
    private final QueryEngine reads;
    private final RecordLookup lookup;
    private final int bindLimit;
    private final WriteRun run;
    private final WriteStatements statements;
    private final ReferentialActions actions;

    NestedWrites(WriteSupport support, WriteRun run, WriteStatements statements, ReferentialActions actions) {
        this.schema = support.schema();
        this.dialect = support.schema().dialect();
        this.runner = support.runner();
        this.reads = support.reads();
        this.lookup = support.lookup();
        this.bindLimit = support.bindLimit();
        this.run = run;
        this.statements = statements;
        this.actions = actions;
    }

    /** Foreign key on the written record: create/connect/connectOrCreate the target before the insert. */
    WriteRow resolveOwnedTarget(WriteData.NestedWrite n) {
        QuerySchema.RelationLink link = n.link();
        QuerySchema.ModelInfo t = link.target();
        WriteData.Item item = n.items().get(0);
        return switch (n.operation()) {
            case "create" -> lookup.ensure(t, run.createOne(t, item.create(), Map.of()), link.childFields());
            case "connect" -> {
                WriteRow r = lookup.findOne(t, item.where(), false, link.childFields());
                if (r == null) {
                    throw WriteErrors.inlineNotFound(link, "connect");
                }
                yield r;
            }
            case "connectOrCreate" -> {
                WriteRow r = lookup.findOne(t, item.where(), false, link.childFields());
                yield r != null ? r : lookup.ensure(t,
                        run.at(".create", () -> run.createOne(t, item.create(), Map.of())),
                        link.childFields());
            }
            default -> throw new IllegalStateException(n.operation());
        };
    }

    /** Foreign key on the updated record {@code row}: collects its new key values into {@code fk}. */
    void ownedSide(QuerySchema.ModelInfo m, WriteRow row, WriteData.NestedWrite n, WriteRow fk) {
        QuerySchema.RelationLink link = n.link();
        QuerySchema.ModelInfo t = link.target();
        WriteData.Item item = n.items().isEmpty() ? null : n.items().get(0);
        switch (n.operation()) {
            case "create", "connect", "connectOrCreate" -> linkValues(link, resolveOwnedTarget(n), fk);
            case "disconnect" -> {
                if (item != null && (item.where() == null || !lookup.scoped(m, row, link, item.where()).isEmpty())) {
                    link.parentFields().forEach(f -> fk.put(f, reads.typed(f, null)));
                }
            }
            case "update" -> {
                List<WriteRow> current = lookup.scoped(m, row, link, item.where());
                if (current.isEmpty()) {
                    throw WriteErrors.nestedNotFound(link, "update");
                }
                run.updateOne(t, current.get(0), item.data());
            }
            case "upsert" -> {
                List<WriteRow> current = lookup.scoped(m, row, link, item.where());
                if (!current.isEmpty()) {
                    run.at(".update", () -> run.updateOne(t, current.get(0), item.data()));
                } else {
                    linkValues(link, lookup.ensure(t,
                            run.at(".create", () -> run.createOne(t, item.create(), Map.of())),
                            link.childFields()), fk);
                }
            }
            case "delete" -> {
                if (item == null) {
                    return;
                }
                List<WriteRow> current = lookup.scoped(m, row, link, item.where());
                if (current.isEmpty()) {
                    throw WriteErrors.nestedNotFound(link, "delete");
                }
                link.parentFields().forEach(f -> fk.put(f, reads.typed(f, null)));
                WriteRow nulls = new WriteRow();
                link.parentFields().forEach(f -> nulls.put(f, reads.typed(f, null)));
                statements.updateRows(m, List.of(row), WriteData.empty(), nulls);
                actions.deleteRows(t, current);
            }
            default -> throw new IllegalStateException(n.operation());
        }
    }

    /** Foreign key on the related records (or a join table): writes after the record {@code row} exists. */
    void childSide(QuerySchema.ModelInfo m, WriteRow row, WriteData.NestedWrite n, boolean creating) {
        QuerySchema.RelationLink link = n.link();
        QuerySchema.ModelInfo t = link.target();
        boolean join = link.manyToMany();
        WriteRow parentKey = lookup.ensure(m, row, link.parentFields());
        WriteRow fixed = new WriteRow();
        if (!join) {
            for (int i = 0; i < link.childFields().size(); i++) {
                fixed.put(link.childFields().get(i), parentKey.get(link.parentFields().get(i)));
            }
        }
        switch (n.operation()) {
            case "create" -> {
                boolean flat = link.toMany() && n.items().size() > 1
                        && n.items().stream().allMatch(i -> i.create().relations().isEmpty());
                if (flat && (!join || dialect.supportsReturning())) {
                    // records without nested writes of their own: one multi-row INSERT, not one per record
                    List<WriteRow> rows = new ArrayList<>();
                    for (WriteData.Item item : n.items()) {
                        WriteRow r = run.scalarValues(item.create());
                        r.putAll(fixed);
                        rows.add(run.withDefaults(t, r));
                    }
                    List<WriteRow> keys = new ArrayList<>();
                    statements.insertMany(t, rows, false, join, keys, null, null);
                    if (join) {
                        statements.insertJoinRows(link, parentKey, keys);
                    }
                    return;
                }
                List<WriteRow> created = new ArrayList<>();
                for (int i = 0; i < n.items().size(); i++) {
                    WriteData.Item item = n.items().get(i);
                    if (!link.toMany() && !creating) {
                        release(m, row, link, List.of());
                    }
                    created.add(run.at(WriteRun.index(n, i), () -> run.createOne(t, item.create(), fixed)));
                }
                if (join) {
                    statements.insertJoinRows(link, parentKey, created);
                }
            }
            case "createMany" -> {
                List<WriteRow> rows = new ArrayList<>();
                for (WriteData.Item item : n.items()) {
                    WriteRow r = run.scalarValues(item.create());
                    r.putAll(fixed);
                    rows.add(run.withDefaults(t, r));
                }
                statements.insertMany(t, rows, n.skipDuplicates(), false, null, null, null);
            }
            case "connect" -> connect(m, row, link, parentKey, fixed, uniques(t, n.items()), creating);
            case "connectOrCreate" -> {
                for (int i = 0; i < n.items().size(); i++) {
                    WriteData.Item item = n.items().get(i);
                    WriteRow found = lookup.findOne(t, item.where(), false);
                    if (found != null) {
                        connect(m, row, link, parentKey, fixed, List.of(found), creating);
                    } else {
                        if (!link.toMany() && !creating) {
                            release(m, row, link, List.of());
                        }
                        WriteRow created = run.at(WriteRun.index(n, i) + ".create",
                                () -> run.createOne(t, item.create(), fixed));
                        if (join) {
                            statements.insertJoinRows(link, parentKey, List.of(created));
                        }
                    }
                }
            }
            case "set" -> {
                List<WriteRow> targets = uniques(t, n.items());
                if (join) {
                    runner.update(new Statement().append("DELETE FROM " + link.joinTable() + " WHERE "
                            + link.joinParentColumn() + " = ").param(parentKey.get(link.parentFields().get(0))));
                    statements.insertJoinRows(link, parentKey, targets);
                } else {
                    actions.setNull(t, lookup.scoped(m, row, link, null), link.childFields());
                    statements.updateRows(t, targets, WriteData.empty(), fixed);
                }
            }
            case "disconnect" -> {
                List<WriteRow> targets = new ArrayList<>();
                for (List<WriteData.Item> chunk : chunks(t, n.items())) {
                    targets.addAll(lookup.scoped(m, row, link, or(chunk)));
                }
                if (join) {
                    statements.deleteJoinRows(link, parentKey, targets);
                } else {
                    actions.setNull(t, targets, link.childFields());
                }
            }
            case "update" -> {
                for (int i = 0; i < n.items().size(); i++) {
                    WriteData.Item item = n.items().get(i);
                    run.at(WriteRun.index(n, i), () -> {
                        List<WriteRow> targets = lookup.scoped(m, row, link, item.where());
                        if (targets.isEmpty()) {
                            throw WriteErrors.nestedNotFound(link, "update");
                        }
                        run.at(link.toMany() ? ".data" : "", () -> run.updateOne(t, targets.get(0), item.data()));
                    });
                }
            }
            case "updateMany" -> {
                for (int i = 0; i < n.items().size(); i++) {
                    WriteData.Item item = n.items().get(i);
                    run.at(WriteRun.index(n, i),
                            () -> statements.updateRows(t, lookup.scoped(m, row, link, item.where()), item.data()));
                }
            }
            case "upsert" -> {
                for (int i = 0; i < n.items().size(); i++) {
                    WriteData.Item item = n.items().get(i);
                    List<WriteRow> targets = lookup.scoped(m, row, link, item.where());
                    if (!targets.isEmpty()) {
                        run.at(WriteRun.index(n, i) + ".update", () -> run.updateOne(t, targets.get(0), item.data()));
                    } else {
                        WriteRow created = run.at(WriteRun.index(n, i) + ".create",
                                () -> run.createOne(t, item.create(), fixed));
                        if (join) {
                            statements.insertJoinRows(link, parentKey, List.of(created));
                        }
                    }
                }
            }
            case "delete" -> {
                for (int i = 0; i < n.items().size(); i++) {
                    WriteData.Item item = n.items().get(i);
                    run.at(WriteRun.index(n, i), () -> {
                        List<WriteRow> targets = lookup.scoped(m, row, link, item.where());
                        if (targets.isEmpty()) {
                            throw WriteErrors.nestedNotFound(link, "delete");
                        }
                        if (join) {
                            statements.deleteJoinRows(link, parentKey, targets);
                        }
                        actions.deleteRows(t, targets);
                    });
                }
            }
            case "deleteMany" -> {
                List<WriteRow> targets = lookup.scoped(m, row, link, or(n.items()));
                if (join) {
                    statements.deleteJoinRows(link, parentKey, targets);
                }
                actions.deleteRows(t, targets);
            }
            default -> throw new IllegalStateException(n.operation());
        }
    }

    /** The items' conditions OR-ed; equalities on one field become one {@code IN} (no deep OR trees). */
    Filter or(List<WriteData.Item> items) {
        if (items.size() == 1) {
            return items.get(0).where();
        }
        Map<Filter.FieldRef, List<TypedValue>> equalities = new LinkedHashMap<>();
        List<Filter> others = new ArrayList<>();
        for (WriteData.Item item : items) {
            if (item.where() instanceof Filter.Scalar sc && sc.op().equals("equals") && !sc.insensitive()
                    && sc.value() instanceof TypedValue v && v.value() != null) {
                equalities.computeIfAbsent(sc.field(), k -> new ArrayList<>()).add(v);
            } else {
                others.add(item.where());
            }
        }
        equalities.forEach((f, values) -> others.add(new Filter.Scalar(f, "in", values, false)));
        return others.size() == 1 ? others.get(0) : new Filter.Or(others);
    }

    /** Items in chunks that keep a statement of their conditions under the bind limit. */
    List<List<WriteData.Item>> chunks(QuerySchema.ModelInfo t, List<WriteData.Item> items) {
        int width = t.uniqueKeys().stream().mapToInt(k -> k.fields().size()).max().orElse(1);
        int per = Math.max(1, bindLimit / (width * 2));
        List<List<WriteData.Item>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += per) {
            out.add(items.subList(from, Math.min(items.size(), from + per)));
        }
        return out;
    }

    /** The records named by unique criteria; P2025 when fewer exist than were named. */
    List<WriteRow> uniques(QuerySchema.ModelInfo t, List<WriteData.Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<WriteRow> found = new ArrayList<>();
        for (List<WriteData.Item> chunk : chunks(t, items)) {
            found.addAll(lookup.find(t, or(chunk), t.primaryKey(), null, false));
        }
        if (found.size() < items.size()) {
            throw WriteErrors.notFound("Expected " + items.size() + " records to be connected, found only "
                    + found.size()
                    + ".");
        }
        return found;
    }

    void connect(QuerySchema.ModelInfo m, WriteRow row, QuerySchema.RelationLink link, WriteRow parentKey,
                         WriteRow fixed, List<WriteRow> targets, boolean creating) {
        if (link.manyToMany()) {
            statements.insertJoinRows(link, parentKey, targets);
            return;
        }
        if (!link.toMany() && !creating) {
            release(m, row, link, targets);
        }
        statements.updateRows(link.target(), targets, WriteData.empty(), fixed);
    }

    /**
     * Before another record takes the single (1-1) related slot of {@code row}: the record now there is
     * disconnected when its foreign key is optional, else the change violates the required relation (P2014).
     */
    void release(QuerySchema.ModelInfo m, WriteRow row, QuerySchema.RelationLink link, List<WriteRow> keep) {
        List<WriteRow> current = lookup.scoped(m, row, link, null);
        current.removeIf(c -> keep.stream().anyMatch(k -> RecordLookup.sameKey(link.target(), c, k)));
        if (current.isEmpty()) {
            return;
        }
        if (link.childFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL)) {
            actions.setNull(link.target(), current, link.childFields());
        } else {
            throw WriteErrors.requiredRelation(link.field(), m, link.target());
        }
    }

    /** A 1-1 foreign key about to point at a record another record of {@code m} already points at. */
    void releaseOneToOne(QuerySchema.ModelInfo m, QuerySchema.RelationLink link, WriteRow values, WriteRow self) {
        WriteRow key = new WriteRow();
        for (ScalarField f : link.parentFields()) {
            TypedValue v = values.get(f);
            if (v == null || v.value() == null) {
                return;
            }
            key.put(f, v);
        }
        List<WriteRow> holders = lookup.find(m, RecordLookup.keyFilter(link.parentFields(), List.of(key)),
                m.primaryKey(), null, false);
        if (self != null) {
            holders.removeIf(h -> RecordLookup.sameKey(m, h, self));
        }
        if (holders.isEmpty()) {
            return;
        }
        if (link.parentFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL)) {
            actions.setNull(m, holders, link.parentFields());
        } else {
            throw WriteErrors.requiredRelation(link.field(), m, link.target());
        }
    }

    void linkValues(QuerySchema.RelationLink link, WriteRow target, WriteRow into) {
        for (int i = 0; i < link.parentFields().size(); i++) {
            into.put(link.parentFields().get(i), target.get(link.childFields().get(i)));
        }
    }
}
