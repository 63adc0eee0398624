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
                if (outer || attempt >= MAX_ATTEMPTS || !isTransactionConflict(e)) {
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

    private static boolean isTransactionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** Key and known column values of one record, by field. */
    private static final class Row extends LinkedHashMap<ScalarField, TypedValue> {
        Row() {
        }

        Row(Map<ScalarField, TypedValue> values) {
            super(values);
        }
    }

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
                    return readOne(m, createOne(m, w.data(), Map.of()), w.selection());
                }
                case "createMany", "createManyAndReturn" -> {
                    List<Row> rows = new ArrayList<>();
                    for (WriteData d : w.rows()) {
                        rows.add(withDefaults(m, scalarValues(d)));
                    }
                    boolean returning = w.operation().endsWith("AndReturn");
                    List<Row> keys = new ArrayList<>();
                    int count = insertMany(m, rows, w.skipDuplicates(), returning, keys, null, null);
                    return returning ? readMany(m, keys, w.selection()) : count(count);
                }
                case "update" -> {
                    Row row = findOne(m, w.where(), false);
                    if (row == null) {
                        throw notFound("No record was found for an update.");
                    }
                    return readOne(m, updateOne(m, row, w.data()), w.selection());
                }
                case "updateMany", "updateManyAndReturn" -> {
                    List<Row> rows = find(m, w.where(), m.primaryKey(), w.limit(), false);
                    updateRows(m, rows, w.data());
                    return w.operation().endsWith("AndReturn") ? readMany(m, rows, w.selection()) : count(rows.size());
                }
                case "upsert" -> {
                    return readOne(m, w.conflict() != null ? nativeUpsert(w) : emulatedUpsert(w), w.selection());
                }
                case "delete" -> {
                    Row row = findOne(m, w.where(), false);
                    if (row == null) {
                        throw notFound("Record to delete does not exist.");
                    }
                    Object result = readOne(m, row, w.selection());
                    deleteRows(m, List.of(row));
                    return result;
                }
                case "deleteMany" -> {
                    List<Row> rows = find(m, w.where(), m.primaryKey(), w.limit(), false);
                    deleteRows(m, rows);
                    return count(rows.size());
                }
                case "upsertMany" -> {
                    return count(upsertMany(w));
                }
                default -> throw new IllegalArgumentException(w.operation());
            }
        }

        // -------------------------------------------------------------------------------------- create

        /** Inserts one record with its nested writes; {@code fixed} are foreign key values set by the parent. */
        Row createOne(QuerySchema.ModelInfo m, WriteData data, Map<ScalarField, TypedValue> fixed) {
            Row values = new Row();
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) == Side.PARENT_HOLDS_FK) {
                    Row target = at(segment(n), () -> resolveOwnedTarget(n));
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
            Row row = insertOne(m, values);
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) != Side.PARENT_HOLDS_FK) {
                    at(segment(n), () -> childSide(m, row, n, true));
                }
            }
            return row;
        }

        private Row scalarValues(WriteData d) {
            Row values = new Row();
            d.scalars().forEach((f, w) -> values.put(f, ((WriteData.Set) w).value()));
            return values;
        }

        /** Fills client-side defaults ({@code uuid()}, {@code cuid()}, {@code nanoid()}, {@code ulid()}, {@code now()}, @updatedAt). */
        Row withDefaults(QuerySchema.ModelInfo m, Row given) {
            Row out = new Row(given);
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

        private Row insertOne(QuerySchema.ModelInfo m, Row values) {
            List<ScalarField> pk = m.primaryKey();
            Statement st = new Statement();
            if (values.isEmpty()) {
                st.append(dialect.insertDefaultValues(m.table()));
            } else {
                st.append("INSERT INTO " + m.table() + " (" + columns(m, values.keySet()) + ") VALUES (");
                appendValues(values.values(), st);
                st.append(")");
            }
            Row row = new Row(values);
            if (values.keySet().containsAll(pk)) {
                runner.update(st);
            } else if (dialect.supportsReturning()) {
                st.append(" RETURNING " + columns(m, pk));
                Row returned = runner.query(st, rs -> readRow(rs, pk)).get(0);
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
        int insertMany(QuerySchema.ModelInfo m, List<Row> rows, boolean skipDuplicates, boolean returning,
                       List<Row> keys, List<ScalarField> conflict, WriteData update) {
            Map<Set<ScalarField>, List<Row>> groups = new LinkedHashMap<>();
            for (Row r : rows) {
                groups.computeIfAbsent(new LinkedHashSet<>(r.keySet()), k -> new ArrayList<>()).add(r);
            }
            int count = 0;
            for (Map.Entry<Set<ScalarField>, List<Row>> g : groups.entrySet()) {
                List<ScalarField> cols = new ArrayList<>(g.getKey());
                if (cols.isEmpty()) {
                    for (Row ignored : g.getValue()) {
                        count += runner.update(new Statement().append(dialect.insertDefaultValues(m.table())));
                    }
                    continue;
                }
                Statement tail = conflict == null ? new Statement()
                        : upsertClause(m, conflict, cols, update);
                int per = Math.max(1, (bindLimit - tail.paramCount()) / cols.size());
                List<Row> list = g.getValue();
                for (int from = 0; from < list.size(); from += per) {
                    List<Row> chunk = list.subList(from, Math.min(list.size(), from + per));
                    Statement st = new Statement().append((skipDuplicates ? dialect.insertIgnorePrefix()
                            : "INSERT INTO ") + m.table() + " (" + columns(m, cols) + ") VALUES ");
                    for (int i = 0; i < chunk.size(); i++) {
                        st.append(i == 0 ? "(" : ", (");
                        Row r = chunk.get(i);
                        appendValues(cols.stream().map(r::get).toList(), st);
                        st.append(")");
                    }
                    st.append(tail);
                    if (skipDuplicates) {
                        st.append(dialect.insertIgnoreSuffix());
                    }
                    if (returning) {
                        st.append(" RETURNING " + columns(m, m.primaryKey()));
                        List<Row> got = runner.query(st, rs -> readRow(rs, m.primaryKey()));
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

        private Row nativeUpsert(Query.Write w) {
            QuerySchema.ModelInfo m = w.model();
            Row values = withDefaults(m, scalarValues(w.data()));
            List<Row> returned = new ArrayList<>();
            boolean returning = dialect.supportsReturning();
            insertMany(m, List.of(values), false, returning, returned, w.conflict(), w.update());
            if (!returned.isEmpty()) {
                return returned.get(0);
            }
            Row key = new Row();
            w.conflict().forEach(f -> key.put(f, values.get(f)));
            Row row = findOne(m, keyFilter(w.conflict(), List.of(key)), false);
            if (row == null) {
                throw notFound("The upserted " + m.name() + " record was not found again.");
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

        private Row emulatedUpsert(Query.Write w) {
            QuerySchema.ModelInfo m = w.model();
            Row row = findOne(m, w.where(), false);
            if (row != null) {
                return asRoot("update", () -> updateOne(m, row, w.update()));
            }
            try {
                return transactions.savepoint(() -> asRoot("create", () -> createOne(m, w.data(), Map.of())));
            } catch (RuntimeException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // another transaction created it meanwhile: update that one (as Prisma retries)
                Row again = findOne(m, w.where(), true);
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
            List<Row> rows = new ArrayList<>();
            for (WriteData d : w.rows()) {
                rows.add(withDefaults(m, scalarValues(d)));
            }
            return insertMany(m, rows, false, false, new ArrayList<>(), w.conflict(), w.update());
        }

        // -------------------------------------------------------------------------------------- update

        /** Updates one record (by key) with nested writes; returns its (possibly changed) key. */
        Row updateOne(QuerySchema.ModelInfo m, Row row, WriteData data) {
            Row fkChanges = new Row();
            for (WriteData.NestedWrite n : data.relations()) {
                if (WriteParser.side(n.link()) == Side.PARENT_HOLDS_FK) {
                    at(segment(n), () -> ownedSide(m, row, n, fkChanges));
                }
            }
            for (Datamodel.RelationField rf : m.relations().values()) {
                QuerySchema.RelationLink link = m.link(rf);
                if (WriteParser.side(link) == Side.PARENT_HOLDS_FK && isUnique(m, link.parentFields())) {
                    Row next = new Row(fkChanges);
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
            Row before = emulateRelations ? ensure(m, row, referencedFields(m)) : row;
            updateRows(m, List.of(row), data, fkChanges);
            Row after = new Row(row);
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

        void updateRows(QuerySchema.ModelInfo m, List<Row> rows, WriteData data) {
            updateRows(m, rows, data, new Row());
        }

        private void updateRows(QuerySchema.ModelInfo m, List<Row> rows, WriteData data, Row extra) {
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
            forChunks(m, rows, set.paramCount(), (chunk, where) -> runner.update(
                    new Statement().append(head).values(set.params()).append(where)));
        }

        /** {@code "col" = ?}, {@code "col" = "col" + ?}, ... with their values added to {@code params}. */
        private void assignments(QuerySchema.ModelInfo m, WriteData data, Row extra, Statement params,
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

        void deleteRows(QuerySchema.ModelInfo m, List<Row> rows) {
            if (rows.isEmpty()) {
                return;
            }
            if (emulateRelations) {
                emulateOnDelete(m, rows);
            }
            forChunks(m, rows, 0, (chunk, where) -> runner.update(
                    new Statement().append("DELETE FROM " + m.table() + " WHERE ").append(where)));
        }

        // -------------------------------------------------------------------------------------- relationMode = "prisma"

        /** The referential actions of relations pointing at {@code m}, as the database would run them. */
        private void emulateOnDelete(QuerySchema.ModelInfo m, List<Row> rows) {
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
                    List<Row> targets = rows.stream().map(r -> ensure(m, r, link.childFields())).toList();
                    List<Row> referencing = referencing(x, link, targets);
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
                        default -> throw requiredRelation(rf, x, m);
                    }
                }
            }
        }

        /** onUpdate (default Cascade) when a record's referenced key changes, as foreign keys would do. */
        private void cascadeKeyUpdate(QuerySchema.ModelInfo m, Row before, WriteData data) {
            for (QuerySchema.ModelInfo x : schema.models()) {
                for (Datamodel.RelationField rf : x.relations().values()) {
                    QuerySchema.RelationLink link = x.link(rf);
                    if (link.manyToMany() || WriteParser.side(link) != Side.PARENT_HOLDS_FK
                            || !rf.targetModel().equals(m.name())) {
                        continue;
                    }
                    Row changed = new Row();
                    for (ScalarField f : link.childFields()) {
                        if (data.scalars().get(f) instanceof WriteData.Set s && !Objects.equals(s.value().value(),
                                before.get(f) == null ? null : before.get(f).value())) {
                            changed.put(f, s.value());
                        }
                    }
                    if (changed.isEmpty()) {
                        continue;
                    }
                    List<Row> referencing = referencing(x, link, List.of(before));
                    if (referencing.isEmpty()) {
                        continue;
                    }
                    Datamodel.ReferentialAction action = rf.onUpdate() != null ? rf.onUpdate()
                            : Datamodel.ReferentialAction.Cascade;
                    switch (action) {
                        case Cascade -> {
                            Row set = new Row();
                            for (int i = 0; i < link.childFields().size(); i++) {
                                ScalarField target = link.childFields().get(i);
                                if (changed.containsKey(target)) {
                                    set.put(link.parentFields().get(i), changed.get(target));
                                }
                            }
                            updateRows(x, referencing, WriteData.empty(), set);
                        }
                        case SetNull, SetDefault -> setNull(x, referencing, link.parentFields());
                        default -> throw requiredRelation(rf, x, m);
                    }
                }
            }
        }

        /** Rows of {@code x} whose foreign key ({@code link} from x) points at one of {@code targets}. */
        private List<Row> referencing(QuerySchema.ModelInfo x, QuerySchema.RelationLink link, List<Row> targets) {
            List<Row> keys = new ArrayList<>();
            for (Row t : targets) {
                Row k = new Row();
                for (int i = 0; i < link.parentFields().size(); i++) {
                    k.put(link.parentFields().get(i), t.get(link.childFields().get(i)));
                }
                keys.add(k);
            }
            return find(x, keyFilter(link.parentFields(), keys), x.primaryKey(), null, false);
        }

        private void setNull(QuerySchema.ModelInfo x, List<Row> rows, List<ScalarField> fields) {
            Row nulls = new Row();
            fields.forEach(f -> nulls.put(f, reads.typed(f, null)));
            updateRows(x, rows, WriteData.empty(), nulls);
        }

        // -------------------------------------------------------------------------------------- nested writes

        /** Foreign key on the written record: create/connect/connectOrCreate the target before the insert. */
        private Row resolveOwnedTarget(WriteData.NestedWrite n) {
            QuerySchema.RelationLink link = n.link();
            QuerySchema.ModelInfo t = link.target();
            WriteData.Item item = n.items().get(0);
            return switch (n.operation()) {
                case "create" -> ensure(t, createOne(t, item.create(), Map.of()), link.childFields());
                case "connect" -> {
                    Row r = findOne(t, item.where(), false, link.childFields());
                    if (r == null) {
                        throw inlineNotFound(link, "connect");
                    }
                    yield r;
                }
                case "connectOrCreate" -> {
                    Row r = findOne(t, item.where(), false, link.childFields());
                    yield r != null ? r : ensure(t, at(".create", () -> createOne(t, item.create(), Map.of())),
                            link.childFields());
                }
                default -> throw new IllegalStateException(n.operation());
            };
        }

        /** Foreign key on the updated record {@code row}: collects its new key values into {@code fk}. */
        private void ownedSide(QuerySchema.ModelInfo m, Row row, WriteData.NestedWrite n, Row fk) {
            QuerySchema.RelationLink link = n.link();
            QuerySchema.ModelInfo t = link.target();
            WriteData.Item item = n.items().isEmpty() ? null : n.items().get(0);
            switch (n.operation()) {
                case "create", "connect", "connectOrCreate" -> linkValues(link, resolveOwnedTarget(n), fk);
                case "disconnect" -> {
                    if (item != null && (item.where() == null || !scoped(m, row, link, item.where()).isEmpty())) {
                        link.parentFields().forEach(f -> fk.put(f, reads.typed(f, null)));
                    }
                }
                case "update" -> {
                    List<Row> current = scoped(m, row, link, item.where());
                    if (current.isEmpty()) {
                        throw nestedNotFound(link, "update");
                    }
                    updateOne(t, current.get(0), item.data());
                }
                case "upsert" -> {
                    List<Row> current = scoped(m, row, link, item.where());
                    if (!current.isEmpty()) {
                        at(".update", () -> updateOne(t, current.get(0), item.data()));
                    } else {
                        linkValues(link, ensure(t, at(".create", () -> createOne(t, item.create(), Map.of())),
                                link.childFields()), fk);
                    }
                }
                case "delete" -> {
                    if (item == null) {
                        return;
                    }
                    List<Row> current = scoped(m, row, link, item.where());
                    if (current.isEmpty()) {
                        throw nestedNotFound(link, "delete");
                    }
                    link.parentFields().forEach(f -> fk.put(f, reads.typed(f, null)));
                    Row nulls = new Row();
                    link.parentFields().forEach(f -> nulls.put(f, reads.typed(f, null)));
                    updateRows(m, List.of(row), WriteData.empty(), nulls);
                    deleteRows(t, current);
                }
                default -> throw new IllegalStateException(n.operation());
            }
        }

        /** Foreign key on the related records (or a join table): writes after the record {@code row} exists. */
        private void childSide(QuerySchema.ModelInfo m, Row row, WriteData.NestedWrite n, boolean creating) {
            QuerySchema.RelationLink link = n.link();
            QuerySchema.ModelInfo t = link.target();
            boolean join = link.manyToMany();
            Row parentKey = ensure(m, row, link.parentFields());
            Row fixed = new Row();
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
                        List<Row> rows = new ArrayList<>();
                        for (WriteData.Item item : n.items()) {
                            Row r = scalarValues(item.create());
                            r.putAll(fixed);
                            rows.add(withDefaults(t, r));
                        }
                        List<Row> keys = new ArrayList<>();
                        insertMany(t, rows, false, join, keys, null, null);
                        if (join) {
                            insertJoinRows(link, parentKey, keys);
                        }
                        return;
                    }
                    List<Row> created = new ArrayList<>();
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
                    List<Row> rows = new ArrayList<>();
                    for (WriteData.Item item : n.items()) {
                        Row r = scalarValues(item.create());
                        r.putAll(fixed);
                        rows.add(withDefaults(t, r));
                    }
                    insertMany(t, rows, n.skipDuplicates(), false, null, null, null);
                }
                case "connect" -> connect(m, row, link, parentKey, fixed, uniques(t, n.items()), creating);
                case "connectOrCreate" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        Row found = findOne(t, item.where(), false);
                        if (found != null) {
                            connect(m, row, link, parentKey, fixed, List.of(found), creating);
                        } else {
                            if (!link.toMany() && !creating) {
                                release(m, row, link, List.of());
                            }
                            Row created = at(index(n, i) + ".create", () -> createOne(t, item.create(), fixed));
                            if (join) {
                                insertJoinRows(link, parentKey, List.of(created));
                            }
                        }
                    }
                }
                case "set" -> {
                    List<Row> targets = uniques(t, n.items());
                    if (join) {
                        runner.update(new Statement().append("DELETE FROM " + link.joinTable() + " WHERE "
                                + link.joinParentColumn() + " = ").param(parentKey.get(link.parentFields().get(0))));
                        insertJoinRows(link, parentKey, targets);
                    } else {
                        setNull(t, scoped(m, row, link, null), link.childFields());
                        updateRows(t, targets, WriteData.empty(), fixed);
                    }
                }
                case "disconnect" -> {
                    List<Row> targets = new ArrayList<>();
                    for (List<WriteData.Item> chunk : chunks(t, n.items())) {
                        targets.addAll(scoped(m, row, link, or(chunk)));
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
                            List<Row> targets = scoped(m, row, link, item.where());
                            if (targets.isEmpty()) {
                                throw nestedNotFound(link, "update");
                            }
                            at(link.toMany() ? ".data" : "", () -> updateOne(t, targets.get(0), item.data()));
                        });
                    }
                }
                case "updateMany" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        at(index(n, i), () -> updateRows(t, scoped(m, row, link, item.where()), item.data()));
                    }
                }
                case "upsert" -> {
                    for (int i = 0; i < n.items().size(); i++) {
                        WriteData.Item item = n.items().get(i);
                        List<Row> targets = scoped(m, row, link, item.where());
                        if (!targets.isEmpty()) {
                            at(index(n, i) + ".update", () -> updateOne(t, targets.get(0), item.data()));
                        } else {
                            Row created = at(index(n, i) + ".create", () -> createOne(t, item.create(), fixed));
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
                            List<Row> targets = scoped(m, row, link, item.where());
                            if (targets.isEmpty()) {
                                throw nestedNotFound(link, "delete");
                            }
                            if (join) {
                                deleteJoinRows(link, parentKey, targets);
                            }
                            deleteRows(t, targets);
                        });
                    }
                }
                case "deleteMany" -> {
                    List<Row> targets = scoped(m, row, link, or(n.items()));
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
        private List<Row> uniques(QuerySchema.ModelInfo t, List<WriteData.Item> items) {
            if (items.isEmpty()) {
                return List.of();
            }
            List<Row> found = new ArrayList<>();
            for (List<WriteData.Item> chunk : chunks(t, items)) {
                found.addAll(find(t, or(chunk), t.primaryKey(), null, false));
            }
            if (found.size() < items.size()) {
                throw notFound("Expected " + items.size() + " records to be connected, found only " + found.size()
                        + ".");
            }
            return found;
        }

        private void connect(QuerySchema.ModelInfo m, Row row, QuerySchema.RelationLink link, Row parentKey,
                             Row fixed, List<Row> targets, boolean creating) {
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
        private void release(QuerySchema.ModelInfo m, Row row, QuerySchema.RelationLink link, List<Row> keep) {
            List<Row> current = scoped(m, row, link, null);
            current.removeIf(c -> keep.stream().anyMatch(k -> sameKey(link.target(), c, k)));
            if (current.isEmpty()) {
                return;
            }
            if (link.childFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL)) {
                setNull(link.target(), current, link.childFields());
            } else {
                throw requiredRelation(link.field(), m, link.target());
            }
        }

        /** A 1-1 foreign key about to point at a record another record of {@code m} already points at. */
        private void releaseOneToOne(QuerySchema.ModelInfo m, QuerySchema.RelationLink link, Row values, Row self) {
            Row key = new Row();
            for (ScalarField f : link.parentFields()) {
                TypedValue v = values.get(f);
                if (v == null || v.value() == null) {
                    return;
                }
                key.put(f, v);
            }
            List<Row> holders = find(m, keyFilter(link.parentFields(), List.of(key)), m.primaryKey(), null, false);
            if (self != null) {
                holders.removeIf(h -> sameKey(m, h, self));
            }
            if (holders.isEmpty()) {
                return;
            }
            if (link.parentFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL)) {
                setNull(m, holders, link.parentFields());
            } else {
                throw requiredRelation(link.field(), m, link.target());
            }
        }

        private void linkValues(QuerySchema.RelationLink link, Row target, Row into) {
            for (int i = 0; i < link.parentFields().size(); i++) {
                into.put(link.parentFields().get(i), target.get(link.childFields().get(i)));
            }
        }

        private void insertJoinRows(QuerySchema.RelationLink link, Row parentKey, List<Row> children) {
            if (children.isEmpty()) {
                return;
            }
            TypedValue parent = parentKey.get(link.parentFields().get(0));
            ScalarField childKey = link.childFields().get(0);
            int per = Math.max(1, bindLimit / 2);
            for (int from = 0; from < children.size(); from += per) {
                List<Row> chunk = children.subList(from, Math.min(children.size(), from + per));
                Statement st = new Statement().append(dialect.insertIgnorePrefix() + link.joinTable() + " ("
                        + link.joinParentColumn() + ", " + link.joinChildColumn() + ") VALUES ");
                for (int i = 0; i < chunk.size(); i++) {
                    st.append(i == 0 ? "(" : ", (").param(parent).append(", ")
                            .param(ensure(link.target(), chunk.get(i), List.of(childKey)).get(childKey)).append(")");
                }
                runner.update(st.append(dialect.insertIgnoreSuffix()));
            }
        }

        private void deleteJoinRows(QuerySchema.RelationLink link, Row parentKey, List<Row> children) {
            if (children.isEmpty()) {
                return;
            }
            ScalarField childKey = link.childFields().get(0);
            int per = Math.max(1, bindLimit - 1);
            for (int from = 0; from < children.size(); from += per) {
                List<Row> chunk = children.subList(from, Math.min(children.size(), from + per));
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
        private void deleteJoinRows(String joinTable, String column, QuerySchema.ModelInfo m, List<Row> rows) {
            ScalarField key = m.primaryKey().get(0);
            int per = Math.max(1, bindLimit);
            for (int from = 0; from < rows.size(); from += per) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + per));
                Statement st = new Statement().append("DELETE FROM " + joinTable + " WHERE " + column + " IN (");
                for (int i = 0; i < chunk.size(); i++) {
                    st.append(i == 0 ? "" : ", ").param(chunk.get(i).get(key));
                }
                runner.update(st.append(")"));
            }
        }

        /**
         * The records related to {@code row} through {@code link} that match {@code where} (null: all), with their
         * primary keys.
         */
        private List<Row> scoped(QuerySchema.ModelInfo m, Row row, QuerySchema.RelationLink link, Filter where) {
            QuerySchema.ModelInfo t = link.target();
            SqlCompiler c = new SqlCompiler(schema);
            String a = c.alias();
            List<ScalarField> pk = t.primaryKey();
            Statement st = new Statement().append("SELECT " + String.join(", ", pk.stream().map(f -> c.col(a, f))
                    .toList()) + " FROM " + t.table() + " " + a);
            Row parent = ensure(m, row, link.parentFields());
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

        // -------------------------------------------------------------------------------------- lookups

        private Row findOne(QuerySchema.ModelInfo m, Filter where, boolean lock) {
            return findOne(m, where, lock, List.of());
        }

        private Row findOne(QuerySchema.ModelInfo m, Filter where, boolean lock, List<ScalarField> extra) {
            List<ScalarField> fields = new ArrayList<>(m.primaryKey());
            extra.stream().filter(f -> !fields.contains(f)).forEach(fields::add);
            List<Row> rows = find(m, where, fields, 1, lock);
            return rows.isEmpty() ? null : rows.get(0);
        }

        /** {@code SELECT fields FROM m WHERE where [LIMIT n] [FOR UPDATE]}. */
        private List<Row> find(QuerySchema.ModelInfo m, Filter where, List<ScalarField> fields, Integer limit,
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
        private Row ensure(QuerySchema.ModelInfo m, Row row, List<ScalarField> fields) {
            if (row.keySet().containsAll(fields)) {
                return row;
            }
            Row key = new Row();
            m.primaryKey().forEach(f -> key.put(f, row.get(f)));
            List<Row> found = find(m, keyFilter(m.primaryKey(), List.of(key)), fields, null, false);
            if (found.isEmpty()) {
                throw notFound("The " + m.name() + " record was not found.");
            }
            Row out = new Row(row);
            found.get(0).forEach(out::putIfAbsent);
            return out;
        }

        private Row readRow(java.sql.ResultSet rs, List<ScalarField> fields) throws SQLException {
            Row row = new Row();
            for (int i = 0; i < fields.size(); i++) {
                ScalarField f = fields.get(i);
                row.put(f, reads.typed(f, reads.codec().read(rs, i + 1, f)));
            }
            return row;
        }

        /** Runs {@code action} for chunks of rows with a {@code pk IN (...)} condition (by the bind limit). */
        private void forChunks(QuerySchema.ModelInfo m, List<Row> rows, int otherParams,
                               java.util.function.BiConsumer<List<Row>, Statement> action) {
            List<ScalarField> pk = m.primaryKey();
            int per = Math.max(1, (bindLimit - otherParams) / pk.size());
            for (int from = 0; from < rows.size(); from += per) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + per));
                Statement where = new Statement();
                keyCondition(m, pk, chunk, where);
                action.accept(chunk, where);
            }
        }

        private void keyCondition(QuerySchema.ModelInfo m, List<ScalarField> fields, List<Row> rows, Statement st) {
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

        // -------------------------------------------------------------------------------------- results

        private Map<String, Object> readOne(QuerySchema.ModelInfo m, Row row, Query.Selection selection) {
            List<Map<String, Object>> rows = readMany(m, List.of(row), selection);
            if (rows.isEmpty()) {
                throw notFound("The written " + m.name() + " record was not found again.");
            }
            return rows.get(0);
        }

        /** The records of {@code keys} through the read path, in the order of {@code keys}. */
        private List<Map<String, Object>> readMany(QuerySchema.ModelInfo m, List<Row> keys, Query.Selection sel) {
            if (keys.isEmpty()) {
                return List.of();
            }
            List<ScalarField> pk = m.primaryKey();
            List<ScalarField> scalars = new ArrayList<>(sel.scalars());
            pk.stream().filter(f -> !scalars.contains(f)).forEach(scalars::add);
            Query.Selection withKey = new Query.Selection(m.scalars().values().stream().filter(scalars::contains)
                    .toList(), sel.relations(), sel.counts());
            Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
            int per = Math.max(1, (bindLimit / 2) / pk.size());
            for (int from = 0; from < keys.size(); from += per) {
                List<Row> chunk = keys.subList(from, Math.min(keys.size(), from + per));
                Query.Read read = new Query.Read("findMany", m, keyFilter(pk, chunk), List.of(), null, null, null,
                        List.of(), withKey, null);
                for (Map<String, Object> r : reads.read(read)) {
                    List<Object> k = new ArrayList<>();
                    pk.forEach(f -> k.add(reads.typed(f, r.get(f.name())).value()));
                    if (!sel.scalars().containsAll(pk)) {
                        pk.stream().filter(f -> !sel.scalars().contains(f)).forEach(f -> r.remove(f.name()));
                    }
                    byKey.put(normalize(k), r);
                }
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Row key : keys) {
                List<Object> k = new ArrayList<>();
                pk.forEach(f -> k.add(key.get(f).value()));
                Map<String, Object> r = byKey.get(normalize(k));
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        }

        private Map<String, Object> count(int n) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("count", n);
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

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

    private static List<Object> normalize(List<Object> key) {
        List<Object> out = new ArrayList<>();
        for (Object v : key) {
            out.add(v instanceof Number n && !(v instanceof java.math.BigDecimal) ? (Object) n.longValue()
                    : v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v == null ? null : v.toString());
        }
        return out;
    }

    private static boolean sameKey(QuerySchema.ModelInfo m, Map<ScalarField, TypedValue> a,
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

    private boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && dialect.isUniqueViolation(s)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static PrismaException notFound(String detail) {
        return PrismaException.of("P2025", "An operation failed because it depends on one or more records that "
                + "were required but not found. " + detail, Map.of("cause", detail), null);
    }

    private static PrismaException inlineNotFound(QuerySchema.RelationLink link, String op) {
        return notFound("No '" + link.target().name() + "' record(s) (needed to inline the relation on '"
                + link.parent().name() + "' record(s)) was found for a nested " + op + " on " + kind(link)
                + " relation '" + link.field().relationName() + "'.");
    }

    private static PrismaException nestedNotFound(QuerySchema.RelationLink link, String op) {
        return notFound("No '" + link.target().name() + "' record was found for a nested " + op + " on relation '"
                + link.field().relationName() + "'.");
    }

    private static String kind(QuerySchema.RelationLink link) {
        return switch (link.field().kind()) {
            case ONE_TO_ONE -> "one-to-one";
            case ONE_TO_MANY -> "one-to-many";
            case MANY_TO_MANY -> "many-to-many";
        };
    }

    private static PrismaException requiredRelation(Datamodel.RelationField rf, QuerySchema.ModelInfo a,
                                                    QuerySchema.ModelInfo b) {
        String first = a.name().compareTo(b.name()) <= 0 ? a.name() : b.name();
        String second = first.equals(a.name()) ? b.name() : a.name();
        return PrismaException.of("P2014", "The change you are trying to make would violate the required relation '"
                + rf.relationName() + "' between the `" + first + "` and `" + second + "` models.",
                Map.of("relation_name", rf.relationName(), "model_a_name", first, "model_b_name", second), null);
    }
}
