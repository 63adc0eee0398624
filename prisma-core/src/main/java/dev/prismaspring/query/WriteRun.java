package dev.prismaspring.query;

import dev.prismaspring.query.WriteParser.Side;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One top-level write with all its nested writes: the operations ({@code create}, {@code createMany[AndReturn]},
 * {@code update}, {@code updateMany[AndReturn]}, {@code upsert} native or emulated, {@code upsertMany},
 * {@code delete}, {@code deleteMany}), single-record create and update with client-side defaults, its clock (one
 * {@code now()} for the whole write, as Prisma) and the value path of the nested write running (for errors).
 */
final class WriteRun {

    private final QuerySchema schema;
    private final SqlDialect dialect;
    private final RecordLookup lookup;
    private final Transactions transactions;
    private final boolean emulateRelations;
    private final WrittenRecords written;
    private final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    private final WriteStatements statements;
    private final ReferentialActions actions;
    private final NestedWrites nested;
    private final WriteSupport support;

    WriteRun(WriteSupport support) {
        this.support = support;
        this.schema = support.schema();
        this.dialect = support.schema().dialect();
        this.lookup = support.lookup();
        this.transactions = support.transactions();
        this.emulateRelations = support.emulateRelations();
        this.written = support.written();
        this.statements = new WriteStatements(support, now);
        this.actions = new ReferentialActions(support, statements);
        this.nested = new NestedWrites(support, this, statements, actions);
    }

    /** Where in the arguments the running nested write is ({@code data}, {@code .posts.create}, {@code [1]}). */
    private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>(List.of("data"));

    /**
     * Runs {@code work} as the part {@code segment} of the arguments: an error raised inside a nested write
     * leaves it naming where ({@link PrismaException#atPath}).
     */
    <T> T at(String segment, java.util.function.Supplier<T> work) {
        if (segment.isEmpty()) {
            return work.get();
        }
        path.addLast(segment);
        try {
            return work.get();
        } catch (PrismaException e) {
            throw path.size() > 1 ? e.atPath(String.join("", path)) : e;
        } finally {
            path.removeLast();
        }
    }

    void at(String segment, Runnable work) {
        at(segment, () -> {
            work.run();
            return null;
        });
    }

    /** A nested write's place: {@code .posts.create}. */
    static String segment(WriteData.NestedWrite n) {
        return "." + n.link().field().name() + "." + n.operation();
    }

    /** An item's place in its nested write: {@code [i]} when the write got more than one item. */
    static String index(WriteData.NestedWrite n, int i) {
        return n.items().size() > 1 ? "[" + i + "]" : "";
    }

    /** Runs {@code w}; {@code alone}: it takes one statement ({@link SingleStatementWrites#runsAlone}). */
    Object execute(Query.Write w, boolean alone) {
        QuerySchema.ModelInfo m = w.model();
        if (alone) {
            return new SingleStatementWrites(support, m, this, statements).execute(w);
        }
        switch (w.operation()) {
            case "create" -> {
                if (SingleStatementWrites.returnsRecord(support, w)) {
                    // the record comes back from its INSERT: no read-back after the nested writes
                    SingleStatementWrites.Inserted in = new SingleStatementWrites(support, m, this, statements)
                            .insert(createValues(m, w.data(), Map.of()), w.selection());
                    createChildren(m, w.data(), in.row());
                    return in.record();
                }
                return written.readOne(m, createOne(m, w.data(), Map.of()), w.selection());
            }
            case "createMany", "createManyAndReturn" -> {
                List<WriteRow> rows = new ArrayList<>();
                for (WriteData d : w.rows()) {
                    rows.add(withDefaults(m, scalarValues(d)));
                }
                boolean returning = w.operation().endsWith("AndReturn");
                List<WriteRow> keys = new ArrayList<>();
                int count = statements.insertMany(m, rows, w.skipDuplicates(), returning, keys, null, null);
                return returning ? written.readMany(m, keys, w.selection()) : written.count(count);
            }
            case "update" -> {
                WriteRow row = lookup.findOne(m, w.where(), false);
                if (row == null) {
                    throw WriteErrors.notFound("No record was found for an update.");
                }
                return written.readOne(m, updateOne(m, row, w.data()), w.selection());
            }
            case "updateMany", "updateManyAndReturn" -> {
                List<WriteRow> rows = lookup.find(m, w.where(), m.primaryKey(), w.limit(), false);
                List<WriteRow> before = emulateRelations && changesReferencedKey(m, w.data())
                        ? rows.stream().map(r -> lookup.ensure(m, r, referencedFields(m))).toList() : List.of();
                List<WriteRow> after = statements.updateRowsReturningKeys(m, rows, w.data());
                for (WriteRow b : before) {
                    actions.cascadeKeyUpdate(m, b, w.data());
                }
                return w.operation().endsWith("AndReturn") ? written.readMany(m, after, w.selection())
                        : written.count(rows.size());
            }
            case "upsert" -> {
                return written.readOne(m, w.conflict() != null ? nativeUpsert(w) : emulatedUpsert(w), w.selection());
            }
            case "delete" -> {
                WriteRow row = lookup.findOne(m, w.where(), false);
                if (row == null) {
                    throw WriteErrors.notFound("Record to delete does not exist.");
                }
                Object result = written.readOne(m, row, w.selection());
                actions.deleteRows(m, List.of(row));
                return result;
            }
            case "deleteMany" -> {
                List<WriteRow> rows = lookup.find(m, w.where(), m.primaryKey(), w.limit(), false);
                actions.deleteRows(m, rows);
                return written.count(rows.size());
            }
            case "upsertMany" -> {
                return written.count(upsertMany(w));
            }
            default -> throw new IllegalArgumentException(w.operation());
        }
    }

    // -------------------------------------------------------------------------------------- create

    /** Inserts one record with its nested writes; {@code fixed} are foreign key values set by the parent. */
    WriteRow createOne(QuerySchema.ModelInfo m, WriteData data, Map<ScalarField, TypedValue> fixed) {
        WriteRow row = statements.insertOne(m, createValues(m, data, fixed));
        createChildren(m, data, row);
        return row;
    }

    /**
     * The values of a record to insert: records it points to created or found first, its scalars, {@code fixed},
     * defaults; a 1-1 foreign key it takes is released by the record holding it.
     */
    private WriteRow createValues(QuerySchema.ModelInfo m, WriteData data, Map<ScalarField, TypedValue> fixed) {
        WriteRow values = new WriteRow();
        for (WriteData.NestedWrite n : data.relations()) {
            if (WriteParser.side(n.link()) == Side.PARENT_HOLDS_FK) {
                WriteRow target = at(segment(n), () -> nested.resolveOwnedTarget(n));
                nested.linkValues(n.link(), target, values);
            }
        }
        values.putAll(scalarValues(data));
        values.putAll(fixed);
        values = withDefaults(m, values);
        for (Datamodel.RelationField rf : m.relations().values()) {
            QuerySchema.RelationLink link = m.link(rf);
            if (WriteParser.side(link) == Side.PARENT_HOLDS_FK && isUnique(m, link.parentFields())) {
                nested.releaseOneToOne(m, link, values, null);
            }
        }
        return values;
    }

    /** The nested writes of a new record ({@code row}) on records that point to it. */
    private void createChildren(QuerySchema.ModelInfo m, WriteData data, WriteRow row) {
        for (WriteData.NestedWrite n : data.relations()) {
            if (WriteParser.side(n.link()) != Side.PARENT_HOLDS_FK) {
                at(segment(n), () -> nested.childSide(m, row, n, true));
            }
        }
    }

    WriteRow scalarValues(WriteData d) {
        WriteRow values = new WriteRow();
        d.scalars().forEach((f, w) -> values.put(f, ((WriteData.Set) w).value()));
        return values;
    }

    /**
     * Fills client-side defaults ({@code uuid()}, {@code cuid()}, {@code nanoid()}, {@code ulid()}, {@code now()},
     * {@code @updatedAt}).
     */
    WriteRow withDefaults(QuerySchema.ModelInfo m, WriteRow given) {
        WriteRow out = new WriteRow(given);
        for (ScalarField f : m.scalars().values()) {
            if (!out.containsKey(f)) {
                TypedValue v = generated(f);
                if (v != null) {
                    out.put(f, v);
                }
            }
        }
        return out;
    }

    TypedValue generated(ScalarField f) {
        if (f.arity() == Datamodel.Arity.LIST) {
            return null;
        }
        Datamodel.DefaultValue d = f.defaultValue();
        if (f.updatedAt() || d instanceof Datamodel.Now) {
            return TypedValue.of(now, ScalarType.DateTime);
        }
        String id = null;
        if (d instanceof Datamodel.Uuid u) {
            id = u.version() == 7 ? IdGenerators.uuid7() : IdGenerators.uuid4();
        } else if (d instanceof Datamodel.Cuid c) {
            id = c.version() == 2 ? IdGenerators.cuid2() : IdGenerators.cuid();
        } else if (d instanceof Datamodel.Nanoid n) {
            id = IdGenerators.nanoid(n.length() == null ? 21 : n.length());
        } else if (d instanceof Datamodel.Ulid) {
            id = IdGenerators.ulid();
        }
        return id == null ? null : TypedValue.of(id, ScalarType.String);
    }

    // -------------------------------------------------------------------------------------- upserts

    WriteRow nativeUpsert(Query.Write w) {
        QuerySchema.ModelInfo m = w.model();
        WriteRow values = withDefaults(m, scalarValues(w.data()));
        List<WriteRow> returned = new ArrayList<>();
        boolean returning = dialect.supportsReturning();
        statements.insertMany(m, List.of(values), false, returning, returned, w.conflict(), w.update());
        if (!returned.isEmpty()) {
            return returned.get(0);
        }
        WriteRow key = new WriteRow();
        w.conflict().forEach(f -> key.put(f, values.get(f)));
        WriteRow row = lookup.findOne(m, RecordLookup.keyFilter(w.conflict(), List.of(key)), false);
        if (row == null) {
            throw WriteErrors.notFound("The upserted " + m.name() + " record was not found again.");
        }
        return row;
    }

    WriteRow emulatedUpsert(Query.Write w) {
        QuerySchema.ModelInfo m = w.model();
        WriteRow row = lookup.findOne(m, w.where(), false);
        if (row != null) {
            return asRoot("update", () -> updateOne(m, row, w.update()));
        }
        try {
            return transactions.savepoint(() -> asRoot("create", () -> createOne(m, w.data(), Map.of())));
        } catch (RuntimeException e) {
            if (!WriteErrors.isUniqueViolation(dialect, e)) {
                throw e;
            }
            // another transaction created it meanwhile: update that one (as Prisma retries)
            WriteRow again = lookup.findOne(m, w.where(), true);
            if (again == null) {
                throw e;
            }
            return asRoot("update", () -> updateOne(m, again, w.update()));
        }
    }

    /** Runs {@code work} with {@code root} (instead of {@code data}) as the root of value paths. */
    <T> T asRoot(String root, java.util.function.Supplier<T> work) {
        String before = path.removeFirst();
        path.addFirst(root);
        try {
            return work.get();
        } finally {
            path.removeFirst();
            path.addFirst(before);
        }
    }

    int upsertMany(Query.Write w) {
        QuerySchema.ModelInfo m = w.model();
        List<WriteRow> rows = new ArrayList<>();
        for (WriteData d : w.rows()) {
            rows.add(withDefaults(m, scalarValues(d)));
        }
        return statements.insertMany(m, rows, false, false, new ArrayList<>(), w.conflict(), w.update());
    }

    // -------------------------------------------------------------------------------------- update

    /** Updates one record (by key) with nested writes; returns its (possibly changed) key. */
    WriteRow updateOne(QuerySchema.ModelInfo m, WriteRow row, WriteData data) {
        WriteRow fkChanges = new WriteRow();
        for (WriteData.NestedWrite n : data.relations()) {
            if (WriteParser.side(n.link()) == Side.PARENT_HOLDS_FK) {
                at(segment(n), () -> nested.ownedSide(m, row, n, fkChanges));
            }
        }
        for (Datamodel.RelationField rf : m.relations().values()) {
            QuerySchema.RelationLink link = m.link(rf);
            if (WriteParser.side(link) == Side.PARENT_HOLDS_FK && isUnique(m, link.parentFields())) {
                WriteRow next = new WriteRow(fkChanges);
                data.scalars().forEach((f, sw) -> {
                    if (sw instanceof WriteData.Set s) {
                        next.put(f, s.value());
                    }
                });
                if (link.parentFields().stream().anyMatch(next::containsKey)) {
                    nested.releaseOneToOne(m, link, next, row);
                }
            }
        }
        WriteRow before = emulateRelations ? lookup.ensure(m, row, referencedFields(m)) : row;
        statements.updateRows(m, List.of(row), data, fkChanges);
        WriteRow after = new WriteRow(row);
        data.scalars().forEach((f, sw) -> {
            if (sw instanceof WriteData.Set s && m.primaryKey().contains(f)) {
                after.put(f, s.value());
            }
        });
        fkChanges.forEach(after::put);
        if (emulateRelations) {
            actions.cascadeKeyUpdate(m, before, data);
        }
        for (WriteData.NestedWrite n : data.relations()) {
            if (WriteParser.side(n.link()) != Side.PARENT_HOLDS_FK) {
                at(segment(n), () -> nested.childSide(m, after, n, false));
            }
        }
        return after;
    }

    // -------------------------------------------------------------------------------------- helpers

    /** Whether {@code data} sets a field other records may reference (primary key or unique). */
    static boolean changesReferencedKey(QuerySchema.ModelInfo m, WriteData data) {
        return referencedFields(m).stream().anyMatch(data.scalars()::containsKey);
    }

    static boolean isUnique(QuerySchema.ModelInfo m, List<ScalarField> fields) {
        return m.uniqueKeys().stream().anyMatch(k -> new LinkedHashSet<>(k.fields()).equals(
                new LinkedHashSet<>(fields)));
    }

    static List<ScalarField> referencedFields(QuerySchema.ModelInfo m) {
        Set<ScalarField> out = new LinkedHashSet<>(m.primaryKey());
        for (QuerySchema.UniqueKey k : m.uniqueKeys()) {
            out.addAll(k.fields());
        }
        return new ArrayList<>(out);
    }
}
