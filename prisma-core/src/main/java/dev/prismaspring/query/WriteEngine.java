package dev.prismaspring.query;

import dev.prismaspring.query.WriteParser.Side;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs validated writes ({@link Query.Write}). One top-level write with all its nested writes runs in one
 * transaction (joining an active Spring transaction), so a failure leaves no partial data.
 *
 * <p>Order as Prisma's: records the written record points to (foreign key on the written record) are created or
 * found first, then the record, then records that point to it (foreign key on them) and join-table rows. Records
 * are updated and deleted by primary key after selecting the keys that match (one statement each, batched with
 * {@code IN} lists chunked by the bind limit), so nested and emulated referential actions know which rows changed.
 * Returned records are read back through the read path, honouring {@code select}/{@code include}/{@code omit}.
 */
public final class WriteEngine {

    private final QuerySchema schema;
    private final SqlDialect dialect;
    private final StatementRunner runner;
    private final QueryEngine reads;
    private final Transactions transactions;
    private final int bindLimit;
    private final boolean emulateRelations;
    private final RecordLookup lookup;
    private final WrittenRecords written;

    public WriteEngine(QuerySchema schema, StatementRunner runner, QueryEngine reads, Transactions transactions,
                       int bindLimit) {
        this.schema = schema;
        this.dialect = schema.dialect();
        this.runner = runner;
        this.reads = reads;
        this.transactions = transactions;
        this.bindLimit = Math.max(2, Math.min(bindLimit, dialect.maxBindParameters()));
        Datamodel.Datasource ds = schema.datamodel().datasource();
        this.emulateRelations = ds != null && ds.relationMode() == Datamodel.RelationMode.PRISMA;
        this.lookup = new RecordLookup(schema, runner, reads, this.bindLimit);
        this.written = new WrittenRecords(reads, this.bindLimit);
    }

    /**
     * Runs a write: a record (Map), a list of records, or {@code {count: n}}. When the write owns its transaction
     * (no outer one), a deadlock or serialization failure (SQLSTATE class 40) is retried a few times, as concurrent
     * upserts on MySQL/MariaDB can deadlock on the unique index.
     */
    public Object execute(Query.Write w) {
        boolean outer = org.springframework.transaction.support.TransactionSynchronizationManager
                .isActualTransactionActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.required(() -> new Run().execute(w));
            } catch (RuntimeException e) {
                if (outer || attempt >= MAX_ATTEMPTS || !WriteErrors.isTransactionConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(5, 20 * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final int MAX_ATTEMPTS = 5;

    /** One top-level write: its clock (one {@code now()} for the whole write, as Prisma). */
    private final class Run {

        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        /** Where in the arguments the running nested write is ({@code data}, {@code .posts.create}, {@code [1]}). */
        private final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>(List.of("data"));

        /**
         * Runs {@code work} as the part {@code segment} of the arguments: an error raised inside a nested write
         * leaves it naming where ({@link PrismaException#atPath}).
         */
        private <T> T at(String segment, java.util.function.Supplier<T> work) {
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

        private void at(String segment, Runnable work) {
            at(segment, () -> {
                work.run();
                return null;
            });
        }

        /** A nested write's place: {@code .posts.create}. */
        private static String segment(WriteData.NestedWrite n) {
            return "." + n.link().field().name() + "." + n.operation();
        }

        /** An item's place in its nested write: {@code [i]} when the write got more than one item. */
        private static String index(WriteData.NestedWrite n, int i) {
            return n.items().size() > 1 ? "[" + i + "]" : "";
        }

        Object execute(Query.Write w) {
            QuerySchema.ModelInfo m = w.model();
            switch (w.operation()) {
                case "create" -> {
                    return written.readOne(m, createOne(m, w.data(), Map.of()), w.selection());
                }
                case "createMany", "createManyAndReturn" -> {
                    List<WriteRow> rows = new ArrayList<>();
                    for (WriteData d : w.rows()) {
                        rows.add(withDefaults(m, scalarValues(d)));
                    }
                    boolean returning = w.operation().endsWith("AndReturn");
                    List<WriteRow> keys = new ArrayList<>();
                    int count = insertMany(m, rows, w.skipDuplicates(), returning, keys, null, null);
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
                    updateRows(m, rows, w.data());
                    return w.operation().endsWith("AndReturn") ? written.readMany(m, rows, w.selection()) : written.count(rows.size());
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
                    deleteRows(m, List.of(row));
                    return result;
                }
                case "deleteMany" -> {
                    List<WriteRow> rows = lookup.find(m, w.where(), m.primaryKey(), w.limit(), false);
                    deleteRows(m, rows);
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
            WriteRow values = new WriteRow();
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) == Side.PARENT_HOLDS_FK) {
                    WriteRow target = at(segment(n), () -> resolveOwnedTarget(n));
                    linkValues(n.link(), target, values);
                }
            }
            values.putAll(scalarValues(data));
            values.putAll(fixed);
            values = withDefaults(m, values);
            for (Datamodel.RelationField rf : m.relations().values()) {
                QuerySchema.RelationLink link = m.link(rf);
                if (WriteParser.side(link) == Side.PARENT_HOLDS_FK && isUnique(m, link.parentFields())) {
                    releaseOneToOne(m, link, values, null);
                }
            }
            WriteRow row = insertOne(m, values);
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) != Side.PARENT_HOLDS_FK) {
                    at(segment(n), () -> childSide(m, row, n, true));
                }
            }
            return row;
        }

        private WriteRow scalarValues(WriteData d) {
            WriteRow values = new WriteRow();
            d.scalars().forEach((f, w) -> values.put(f, ((WriteData.Set) w).value()));
            return values;
        }

        /** Fills client-side defaults ({@code uuid()}, {@code cuid()}, {@code nanoid()}, {@code ulid()}, {@code now()}, @updatedAt). */
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

        private TypedValue generated(ScalarField f) {
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

        private WriteRow insertOne(QuerySchema.ModelInfo m, WriteRow values) {
            List<ScalarField> pk = m.primaryKey();
            Statement st = new Statement();
            if (values.isEmpty()) {
                st.append(dialect.insertDefaultValues(m.table()));
            } else {
                st.append("INSERT INTO " + m.table() + " (" + columns(m, values.keySet()) + ") VALUES (");
                appendValues(values.values(), st);
                st.append(")");
            }
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

        // -------------------------------------------------------------------------------------- upserts

        private WriteRow nativeUpsert(Query.Write w) {
            QuerySchema.ModelInfo m = w.model();
            WriteRow values = withDefaults(m, scalarValues(w.data()));
            List<WriteRow> returned = new ArrayList<>();
            boolean returning = dialect.supportsReturning();
            insertMany(m, List.of(values), false, returning, returned, w.conflict(), w.update());
            if (!returned.isEmpty()) {
                return returned.get(0);
            }
            WriteRow key = new WriteRow();
            w.conflict().forEach(f -> key.put(f, values.get(f)));
            WriteRow row = lookup.findOne(m, lookup.keyFilter(w.conflict(), List.of(key)), false);
            if (row == null) {
                throw WriteErrors.notFound("The upserted " + m.name() + " record was not found again.");
            }
            return row;
        }

        /** {@code ON CONFLICT (key) DO UPDATE SET ...} / {@code ON DUPLICATE KEY UPDATE ...}. */
        private Statement upsertClause(QuerySchema.ModelInfo m, List<ScalarField> conflict, List<ScalarField> cols,
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

        private WriteRow emulatedUpsert(Query.Write w) {
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
        private <T> T asRoot(String root, java.util.function.Supplier<T> work) {
            String before = path.removeFirst();
            path.addFirst(root);
            try {
                return work.get();
            } finally {
                path.removeFirst();
                path.addFirst(before);
            }
        }

        private int upsertMany(Query.Write w) {
            QuerySchema.ModelInfo m = w.model();
            List<WriteRow> rows = new ArrayList<>();
            for (WriteData d : w.rows()) {
                rows.add(withDefaults(m, scalarValues(d)));
            }
            return insertMany(m, rows, false, false, new ArrayList<>(), w.conflict(), w.update());
        }

        // -------------------------------------------------------------------------------------- update

        /** Updates one record (by key) with nested writes; returns its (possibly changed) key. */
        WriteRow updateOne(QuerySchema.ModelInfo m, WriteRow row, WriteData data) {
            WriteRow fkChanges = new WriteRow();
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) == Side.PARENT_HOLDS_FK) {
                    at(segment(n), () -> ownedSide(m, row, n, fkChanges));
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
                        releaseOneToOne(m, link, next, row);
                    }
                }
            }
            WriteRow before = emulateRelations ? lookup.ensure(m, row, referencedFields(m)) : row;
            updateRows(m, List.of(row), data, fkChanges);
            WriteRow after = new WriteRow(row);
            data.scalars().forEach((f, sw) -> {
                if (sw instanceof WriteData.Set s && m.primaryKey().contains(f)) {
                    after.put(f, s.value());
                }
            });
            fkChanges.forEach(after::put);
            if (emulateRelations) {
                cascadeKeyUpdate(m, before, data);
            }
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) != Side.PARENT_HOLDS_FK) {
                    at(segment(n), () -> childSide(m, after, n, false));
                }
            }
            return after;
        }

        void updateRows(QuerySchema.ModelInfo m, List<WriteRow> rows, WriteData data) {
            updateRows(m, rows, data, new WriteRow());
        }

        private void updateRows(QuerySchema.ModelInfo m, List<WriteRow> rows, WriteData data, WriteRow extra) {
            if (rows.isEmpty()) {
                return;
            }
            Statement set = new Statement();
            List<String> parts = new ArrayList<>();
            assignments(m, data, extra, set, parts, false);
            for (ScalarField f : m.scalars().values()) {
                if (f.updatedAt() && !data.scalars().containsKey(f) && !extra.containsKey(f)) {
                    parts.add(m.column(f) + " = ?");
                    set.values(List.of(TypedValue.of(now, ScalarType.DateTime)));
                }
            }
            if (parts.isEmpty()) {
                return;
            }
            String head = "UPDATE " + m.table() + " SET " + String.join(", ", parts) + " WHERE ";
            lookup.forChunks(m, rows, set.paramCount(), (chunk, where) -> runner.update(
                    new Statement().append(head).values(set.params()).append(where)));
        }

        /** {@code "col" = ?}, {@code "col" = "col" + ?}, ... with their values added to {@code params}. */
        private void assignments(QuerySchema.ModelInfo m, WriteData data, WriteRow extra, Statement params,
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

        // -------------------------------------------------------------------------------------- delete

        void deleteRows(QuerySchema.ModelInfo m, List<WriteRow> rows) {
            if (rows.isEmpty()) {
                return;
            }
            if (emulateRelations) {
                emulateOnDelete(m, rows);
            }
            lookup.forChunks(m, rows, 0, (chunk, where) -> runner.update(
                    new Statement().append("DELETE FROM " + m.table() + " WHERE ").append(where)));
        }

        // -------------------------------------------------------------------------------------- relationMode = "prisma"

        /** The referential actions of relations pointing at {@code m}, as the database would run them. */
        private void emulateOnDelete(QuerySchema.ModelInfo m, List<WriteRow> rows) {
            for (QuerySchema.ModelInfo x : schema.models()) {
                for (Datamodel.RelationField rf : x.relations().values()) {
                    QuerySchema.RelationLink link = x.link(rf);
                    if (link.manyToMany()) {
                        if (rf.targetModel().equals(m.name())) {
                            deleteJoinRows(link.joinTable(), link.joinChildColumn(), m, rows);
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
        private void cascadeKeyUpdate(QuerySchema.ModelInfo m, WriteRow before, WriteData data) {
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
                            updateRows(x, referencing, WriteData.empty(), set);
                        }
                        case SetNull, SetDefault -> setNull(x, referencing, link.parentFields());
                        default -> throw WriteErrors.requiredRelation(rf, x, m);
                    }
                }
            }
        }

        /** Rows of {@code x} whose foreign key ({@code link} from x) points at one of {@code targets}. */
        private List<WriteRow> referencing(QuerySchema.ModelInfo x, QuerySchema.RelationLink link, List<WriteRow> targets) {
            List<WriteRow> keys = new ArrayList<>();
            for (WriteRow t : targets) {
                WriteRow k = new WriteRow();
                for (int i = 0; i < link.parentFields().size(); i++) {
                    k.put(link.parentFields().get(i), t.get(link.childFields().get(i)));
                }
                keys.add(k);
            }
            return lookup.find(x, lookup.keyFilter(link.parentFields(), keys), x.primaryKey(), null, false);
        }

        private void setNull(QuerySchema.ModelInfo x, List<WriteRow> rows, List<ScalarField> fields) {
            WriteRow nulls = new WriteRow();
            fields.forEach(f -> nulls.put(f, reads.typed(f, null)));
            updateRows(x, rows, WriteData.empty(), nulls);
        }

        // -------------------------------------------------------------------------------------- nested writes

        /** Foreign key on the written record: create/connect/connectOrCreate the target before the insert. */
        private WriteRow resolveOwnedTarget(WriteData.NestedWrite n) {
            QuerySchema.RelationLink link = n.link();
            QuerySchema.ModelInfo t = link.target();
            WriteData.Item item = n.items().get(0);
            return switch (n.operation()) {
                case "create" -> lookup.ensure(t, createOne(t, item.create(), Map.of()), link.childFields());
                case "connect" -> {
                    WriteRow r = lookup.findOne(t, item.where(), false, link.childFields());
                    if (r == null) {
                        throw WriteErrors.inlineNotFound(link, "connect");
                    }
                    yield r;
                }
                case "connectOrCreate" -> {
                    WriteRow r = lookup.findOne(t, item.where(), false, link.childFields());
                    yield r != null ? r : lookup.ensure(t, at(".create", () -> createOne(t, item.create(), Map.of())),
                            link.childFields());
                }
                default -> throw new IllegalStateException(n.operation());
            };
        }

        /** Foreign key on the updated record {@code row}: collects its new key values into {@code fk}. */
        private void ownedSide(QuerySchema.ModelInfo m, WriteRow row, WriteData.NestedWrite n, WriteRow fk) {
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
                    updateOne(t, current.get(0), item.data());
                }
                case "upsert" -> {
                    List<WriteRow> current = lookup.scoped(m, row, link, item.where());
                    if (!current.isEmpty()) {
                        at(".update", () -> updateOne(t, current.get(0), item.data()));
                    } else {
                        linkValues(link, lookup.ensure(t, at(".create", () -> createOne(t, item.create(), Map.of())),
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
                    updateRows(m, List.of(row), WriteData.empty(), nulls);
                    deleteRows(t, current);
                }
                default -> throw new IllegalStateException(n.operation());
            }
        }

        /** Foreign key on the related records (or a join table): writes after the record {@code row} exists. */
        private void childSide(QuerySchema.ModelInfo m, WriteRow row, WriteData.NestedWrite n, boolean creating) {
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
                            WriteRow r = scalarValues(item.create());
                            r.putAll(fixed);
                            rows.add(withDefaults(t, r));
                        }
                        List<WriteRow> keys = new ArrayList<>();
                        insertMany(t, rows, false, join, keys, null, null);
                        if (join) {
                            insertJoinRows(link, parentKey, keys);
                        }
                        return;
                    }
                    List<WriteRow> created = new ArrayList<>();
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        if (!link.toMany() && !creating) {
                            release(m, row, link, List.of());
                        }
                        created.add(at(index(n, i), () -> createOne(t, item.create(), fixed)));
                    }
                    if (join) {
                        insertJoinRows(link, parentKey, created);
                    }
                }
                case "createMany" -> {
                    List<WriteRow> rows = new ArrayList<>();
                    for (WriteData.Item item : n.items()) {
                        WriteRow r = scalarValues(item.create());
                        r.putAll(fixed);
                        rows.add(withDefaults(t, r));
                    }
                    insertMany(t, rows, n.skipDuplicates(), false, null, null, null);
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
                            WriteRow created = at(index(n, i) + ".create", () -> createOne(t, item.create(), fixed));
                            if (join) {
                                insertJoinRows(link, parentKey, List.of(created));
                            }
                        }
                    }
                }
                case "set" -> {
                    List<WriteRow> targets = uniques(t, n.items());
                    if (join) {
                        runner.update(new Statement().append("DELETE FROM " + link.joinTable() + " WHERE "
                                + link.joinParentColumn() + " = ").param(parentKey.get(link.parentFields().get(0))));
                        insertJoinRows(link, parentKey, targets);
                    } else {
                        setNull(t, lookup.scoped(m, row, link, null), link.childFields());
                        updateRows(t, targets, WriteData.empty(), fixed);
                    }
                }
                case "disconnect" -> {
                    List<WriteRow> targets = new ArrayList<>();
                    for (List<WriteData.Item> chunk : chunks(t, n.items())) {
                        targets.addAll(lookup.scoped(m, row, link, or(chunk)));
                    }
                    if (join) {
                        deleteJoinRows(link, parentKey, targets);
                    } else {
                        setNull(t, targets, link.childFields());
                    }
                }
                case "update" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        at(index(n, i), () -> {
                            List<WriteRow> targets = lookup.scoped(m, row, link, item.where());
                            if (targets.isEmpty()) {
                                throw WriteErrors.nestedNotFound(link, "update");
                            }
                            at(link.toMany() ? ".data" : "", () -> updateOne(t, targets.get(0), item.data()));
                        });
                    }
                }
                case "updateMany" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        at(index(n, i), () -> updateRows(t, lookup.scoped(m, row, link, item.where()), item.data()));
                    }
                }
                case "upsert" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        List<WriteRow> targets = lookup.scoped(m, row, link, item.where());
                        if (!targets.isEmpty()) {
                            at(index(n, i) + ".update", () -> updateOne(t, targets.get(0), item.data()));
                        } else {
                            WriteRow created = at(index(n, i) + ".create", () -> createOne(t, item.create(), fixed));
                            if (join) {
                                insertJoinRows(link, parentKey, List.of(created));
                            }
                        }
                    }
                }
                case "delete" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        at(index(n, i), () -> {
                            List<WriteRow> targets = lookup.scoped(m, row, link, item.where());
                            if (targets.isEmpty()) {
                                throw WriteErrors.nestedNotFound(link, "delete");
                            }
                            if (join) {
                                deleteJoinRows(link, parentKey, targets);
                            }
                            deleteRows(t, targets);
                        });
                    }
                }
                case "deleteMany" -> {
                    List<WriteRow> targets = lookup.scoped(m, row, link, or(n.items()));
                    if (join) {
                        deleteJoinRows(link, parentKey, targets);
                    }
                    deleteRows(t, targets);
                }
                default -> throw new IllegalStateException(n.operation());
            }
        }

        /** The items' conditions OR-ed; equalities on one field become one {@code IN} (no deep OR trees). */
        private Filter or(List<WriteData.Item> items) {
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
        private List<List<WriteData.Item>> chunks(QuerySchema.ModelInfo t, List<WriteData.Item> items) {
            int width = t.uniqueKeys().stream().mapToInt(k -> k.fields().size()).max().orElse(1);
            int per = Math.max(1, bindLimit / (width * 2));
            List<List<WriteData.Item>> out = new ArrayList<>();
            for (int from = 0; from < items.size(); from += per) {
                out.add(items.subList(from, Math.min(items.size(), from + per)));
            }
            return out;
        }

        /** The records named by unique criteria; P2025 when fewer exist than were named. */
        private List<WriteRow> uniques(QuerySchema.ModelInfo t, List<WriteData.Item> items) {
            if (items.isEmpty()) {
                return List.of();
            }
            List<WriteRow> found = new ArrayList<>();
            for (List<WriteData.Item> chunk : chunks(t, items)) {
                found.addAll(lookup.find(t, or(chunk), t.primaryKey(), null, false));
            }
            if (found.size() < items.size()) {
                throw WriteErrors.notFound("Expected " + items.size() + " records to be connected, found only " + found.size()
                        + ".");
            }
            return found;
        }

        private void connect(QuerySchema.ModelInfo m, WriteRow row, QuerySchema.RelationLink link, WriteRow parentKey,
                             WriteRow fixed, List<WriteRow> targets, boolean creating) {
            if (link.manyToMany()) {
                insertJoinRows(link, parentKey, targets);
                return;
            }
            if (!link.toMany() && !creating) {
                release(m, row, link, targets);
            }
            updateRows(link.target(), targets, WriteData.empty(), fixed);
        }

        /**
         * Before another record takes the single (1-1) related slot of {@code row}: the record now there is
         * disconnected when its foreign key is optional, else the change violates the required relation (P2014).
         */
        private void release(QuerySchema.ModelInfo m, WriteRow row, QuerySchema.RelationLink link, List<WriteRow> keep) {
            List<WriteRow> current = lookup.scoped(m, row, link, null);
            current.removeIf(c -> keep.stream().anyMatch(k -> lookup.sameKey(link.target(), c, k)));
            if (current.isEmpty()) {
                return;
            }
            if (link.childFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL)) {
                setNull(link.target(), current, link.childFields());
            } else {
                throw WriteErrors.requiredRelation(link.field(), m, link.target());
            }
        }

        /** A 1-1 foreign key about to point at a record another record of {@code m} already points at. */
        private void releaseOneToOne(QuerySchema.ModelInfo m, QuerySchema.RelationLink link, WriteRow values, WriteRow self) {
            WriteRow key = new WriteRow();
            for (ScalarField f : link.parentFields()) {
                TypedValue v = values.get(f);
                if (v == null || v.value() == null) {
                    return;
                }
                key.put(f, v);
            }
            List<WriteRow> holders = lookup.find(m, lookup.keyFilter(link.parentFields(), List.of(key)), m.primaryKey(), null, false);
            if (self != null) {
                holders.removeIf(h -> lookup.sameKey(m, h, self));
            }
            if (holders.isEmpty()) {
                return;
            }
            if (link.parentFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL)) {
                setNull(m, holders, link.parentFields());
            } else {
                throw WriteErrors.requiredRelation(link.field(), m, link.target());
            }
        }

        private void linkValues(QuerySchema.RelationLink link, WriteRow target, WriteRow into) {
            for (int i = 0; i < link.parentFields().size(); i++) {
                into.put(link.parentFields().get(i), target.get(link.childFields().get(i)));
            }
        }

        private void insertJoinRows(QuerySchema.RelationLink link, WriteRow parentKey, List<WriteRow> children) {
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

        private void deleteJoinRows(QuerySchema.RelationLink link, WriteRow parentKey, List<WriteRow> children) {
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
        private void deleteJoinRows(String joinTable, String column, QuerySchema.ModelInfo m, List<WriteRow> rows) {
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

        // -------------------------------------------------------------------------------------- lookups

        // -------------------------------------------------------------------------------------- results

    }

    // ------------------------------------------------------------------------------------------ helpers

    private static boolean isUnique(QuerySchema.ModelInfo m, List<ScalarField> fields) {
        return m.uniqueKeys().stream().anyMatch(k -> new LinkedHashSet<>(k.fields()).equals(
                new LinkedHashSet<>(fields)));
    }

    private static List<ScalarField> referencedFields(QuerySchema.ModelInfo m) {
        Set<ScalarField> out = new LinkedHashSet<>(m.primaryKey());
        for (QuerySchema.UniqueKey k : m.uniqueKeys()) {
            out.addAll(k.fields());
        }
        return new ArrayList<>(out);
    }

    private String columns(QuerySchema.ModelInfo m, java.util.Collection<ScalarField> fields) {
        return String.join(", ", fields.stream().map(m::column).toList());
    }

    private void appendValues(java.util.Collection<TypedValue> values, Statement st) {
        int i = 0;
        for (TypedValue v : values) {
            st.append(i++ == 0 ? "" : ", ").append(placeholder(v)).values(List.of(v));
        }
    }

    /** {@code ?}, or for a list of enum values {@code CAST(? AS "Enum"[])} (arrays of enums bind as text arrays). */
    private String placeholder(TypedValue v) {
        if (v.list() && v.enumName() != null) {
            Datamodel.EnumType e = schema.datamodel().enumType(v.enumName()).orElseThrow();
            return "CAST(? AS " + schema.table(e.schema(), e.dbName()) + "[])";
        }
        return "?";
    }

}
