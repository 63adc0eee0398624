package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles validated {@link Query} trees to SQL for the schema's dialect and runs them, shaping the rows into
 * nested maps in schema field order.
 *
 * <p>Relations are never loaded per parent row. With {@link RelationLoadStrategy#query}, each relation level is one
 * statement ({@code WHERE fk IN (...)}, chunked by the dialect's bind limit) and rows are stitched in memory; with
 * {@link RelationLoadStrategy#join}, the whole tree is one statement whose relations are JSON aggregates
 * (correlated subqueries). Nested {@code skip}/{@code take}/{@code cursor}/{@code distinct} are applied in memory
 * per parent, in both strategies, so both give identical results.
 */
public final class QueryEngine {

    private static final String PARENT_KEY = "\u0000parent";

    private final QuerySchema schema;
    private final ValueCodec codec;
    private final StatementRunner runner;
    private final RelationLoadStrategy defaultStrategy;
    private final int bindLimit;
    private final NestedPaging paging;
    private final JoinDecoder joins;

    public QueryEngine(QuerySchema schema, ValueCodec codec, StatementRunner runner,
                       RelationLoadStrategy defaultStrategy) {
        this(schema, codec, runner, defaultStrategy, schema.dialect().maxBindParameters());
    }

    /** With an explicit bind limit per statement (at most the dialect's), e.g. for a proxy with a lower one. */
    public QueryEngine(QuerySchema schema, ValueCodec codec, StatementRunner runner,
                       RelationLoadStrategy defaultStrategy, int bindLimit) {
        this.schema = schema;
        this.codec = codec;
        this.runner = runner;
        this.defaultStrategy = defaultStrategy == null ? RelationLoadStrategy.query : defaultStrategy;
        this.bindLimit = Math.min(bindLimit, schema.dialect().maxBindParameters());
        this.paging = new NestedPaging(codec);
        this.joins = new JoinDecoder(codec, paging);
    }

    /** The value codec of this engine's schema. */
    public ValueCodec codec() {
        return codec;
    }

    /**
     * Runs a query: a {@code List<Map>} for findMany and groupBy, a {@code Map} (or {@code null}) for findUnique and
     * findFirst, an Integer or a Map for count, a Map for aggregate.
     */
    public Object execute(Query query) {
        if (query instanceof Query.Write) {
            throw new IllegalArgumentException("writes run through the WriteEngine");
        }
        if (query instanceof Query.Read r) {
            List<Map<String, Object>> rows = read(r);
            if (r.operation().equals("findMany")) {
                return rows;
            }
            if (rows.isEmpty()) {
                if (r.operation().endsWith("OrThrow")) {
                    throw new PrismaException("P2025", "No " + r.model().name() + " found (" + r.operation()
                            + "): An operation failed because it depends on one or more records that were required "
                            + "but not found.");
                }
                return null;
            }
            return rows.get(0);
        }
        if (query instanceof Query.Count c) {
            return count(c);
        }
        if (query instanceof Query.Aggregate a) {
            return aggregate(a);
        }
        return groupBy((Query.GroupBy) query);
    }

    // ------------------------------------------------------------------------------------------ reads

    /**
     * The statement a read runs first, compiled and not run: with the {@code join} strategy the whole read, with
     * {@code query} its top level (nested levels are compiled once the parent rows are known). Reads only.
     */
    public Statement compile(Query query) {
        if (!(query instanceof Query.Read r)) {
            throw new IllegalArgumentException("only reads compile to a single statement, not " + query.operation());
        }
        return readStatement(r, new ArrayList<>());
    }

    List<Map<String, Object>> read(Query.Read r) {
        RelationLoadStrategy strategy = r.strategy() != null ? r.strategy() : defaultStrategy;
        boolean join = strategy == RelationLoadStrategy.join;
        Integer take = take(r);
        boolean flip = take != null && take < 0;
        List<ColumnRead> columns = new ArrayList<>();
        Statement st = readStatement(r, columns);
        ShapePlan plan = ShapePlan.of(r, false);
        // rows are mapped straight into their result maps; key columns the result does not select stay in them
        // (after the selected keys) while distinct and relation stitching need them, and are removed afterwards
        RowReader reader = new RowReader(plan, columns, !join || !r.distinct().isEmpty());
        List<Map<String, Object>> rows = runner.query(st, reader);
        if (!r.distinct().isEmpty()) {
            rows = NestedPaging.distinct(rows, r.distinct());
            rows = NestedPaging.page(rows, r.skip(), take == null ? null : Math.abs(take));
        }
        if (flip) {
            Collections.reverse(rows);
        }
        if (!join) {
            loadRelations(plan, rows);
        }
        reader.strip(rows);
        return rows;
    }

    private static Integer take(Query.Read r) {
        return r.operation().startsWith("findFirst") ? Integer.valueOf(r.take() != null && r.take() < 0 ? -1 : 1)
                : r.take();
    }

    private Statement readStatement(Query.Read r, List<ColumnRead> columns) {
        RelationLoadStrategy strategy = r.strategy() != null ? r.strategy() : defaultStrategy;
        boolean join = strategy == RelationLoadStrategy.join;
        SqlCompiler c = new SqlCompiler(schema);
        String a = c.alias();
        boolean unique = r.operation().startsWith("findUnique");
        Integer take = take(r);
        boolean flip = take != null && take < 0;
        List<OrderBy> order = unique ? List.of() : c.withTiebreaker(r);

        Statement st = new Statement().append("SELECT ");
        Statement laterals = new Statement();
        selectList(r, null, a, c, join, columns, st, laterals);
        st.append(" FROM " + r.model().table() + " " + a).append(laterals).append(" WHERE ");
        c.filter(r.where(), a, st);
        if (r.cursor() != null) {
            st.append(" AND ");
            c.cursor(r, r.cursor(), order, flip, a, st);
        }
        if (!order.isEmpty()) {
            st.append(" ORDER BY ");
            c.orderBy(order.stream().map(o -> c.term(o, a, flip)).toList(), st);
        }
        if (r.distinct().isEmpty()) {
            limit(take, r.skip(), st);
        }
        return st;
    }

    private void limit(Integer take, Integer skip, Statement st) {
        boolean hasLimit = take != null;
        boolean hasOffset = skip != null && skip > 0;
        st.append(schema.dialect().limitOffset(hasLimit, hasOffset));
        if (hasLimit) {
            st.values(List.of(TypedValue.integer(Math.abs(take))));
        }
        if (hasOffset) {
            st.values(List.of(TypedValue.integer(skip)));
        }
    }

    /** What one result column holds. */
    private record ColumnRead(String key, ScalarField field, Query.RelationRead relation, boolean count) {
    }

    /** The scalars a read needs: its selection, the keys to stitch and page by. */
    private static List<ScalarField> neededScalars(Query.Read r, QuerySchema.RelationLink fromParent) {
        // by name: a ScalarField record hashes all its components (type, default, native type...) on every call
        Set<String> needed = new HashSet<>();
        addNames(r.selection().scalars(), needed);
        addNames(r.model().primaryKey(), needed);
        r.selection().relations().forEach(rr -> addNames(rr.link().parentFields(), needed));
        if (fromParent != null && !fromParent.manyToMany()) {
            addNames(fromParent.childFields(), needed);
        }
        addNames(r.distinct(), needed);
        if (r.cursor() != null) {
            addNames(r.cursor().keySet(), needed);
        }
        List<ScalarField> out = new ArrayList<>(needed.size());
        for (ScalarField f : r.model().scalars().values()) {
            if (needed.contains(f.name())) {
                out.add(f);
            }
        }
        return out;
    }

    private static void addNames(java.util.Collection<ScalarField> fields, Set<String> names) {
        for (ScalarField f : fields) {
            names.add(f.name());
        }
    }

    private void selectList(Query.Read r, QuerySchema.RelationLink fromParent, String a, SqlCompiler c,
                            boolean join, List<ColumnRead> columns, Statement st, Statement laterals) {
        List<String> parts = new ArrayList<>();
        for (ScalarField f : neededScalars(r, fromParent)) {
            parts.add(c.col(a, f));
            columns.add(new ColumnRead(f.name(), f, null, false));
        }
        st.append(String.join(", ", parts));
        for (Query.CountRead cr : r.selection().counts()) {
            st.append(", ").append(countExpr(cr, a, c));
            columns.add(new ColumnRead(ShapePlan.COUNT_PREFIX + cr.link().field().name(), null, null, true));
        }
        if (join) {
            for (Query.RelationRead rr : r.selection().relations()) {
                st.append(", ").append(relationValue(rr, a, c, laterals));
                columns.add(new ColumnRead(rr.link().field().name(), null, rr, false));
            }
        }
    }

    private Statement countExpr(Query.CountRead cr, String parentAlias, SqlCompiler c) {
        String ca = c.alias();
        Statement s = new Statement().append("(SELECT COUNT(*)");
        c.relationFrom(cr.link(), parentAlias, ca, s);
        if (!(cr.where() instanceof Filter.Const k && k.value())) {
            s.append(" AND ");
            c.filter(cr.where(), ca, s);
        }
        return s.append(")");
    }

    /**
     * Maps the rows of one statement into result maps: selected scalars and relations in schema order (relations
     * decoded from their JSON column with the {@code join} strategy, else {@code null} until they are stitched),
     * then {@code _count}, then (when {@code keepHidden}) the key columns the selection leaves out.
     * Where each key comes from is worked out once per statement.
     */
    private final class RowReader implements StatementRunner.RowMapper<Map<String, Object>> {

        private final ShapePlan plan;
        /** Per plan entry: its column (1-based), or 0 for a relation that is stitched later. */
        private final int[] entryColumns;
        /** Per count: its column (1-based). */
        private final int[] countColumns;
        private final List<ColumnRead> hidden = new ArrayList<>();
        private final int[] hiddenColumns;
        private final int capacity;

        RowReader(ShapePlan plan, List<ColumnRead> columns, boolean keepHidden) {
            this.plan = plan;
            int n = columns.size();
            entryColumns = new int[plan.entries().size()];
            // columns and entries both follow schema order: look each key up from where the last one was found
            int from = 0;
            for (int i = 0; i < entryColumns.length; i++) {
                from = column(columns, plan.entries().get(i).name(), from);
                entryColumns[i] = from < 0 ? 0 : from + 1;
                from = Math.max(from, 0);
            }
            countColumns = new int[plan.counts().size()];
            for (int i = 0; i < countColumns.length; i++) {
                countColumns[i] = column(columns, ShapePlan.COUNT_PREFIX + plan.counts().get(i).link().field().name(), 0) + 1;
            }
            int[] idx = new int[n];
            int hiddenCount = 0;
            if (keepHidden) {
                boolean[] used = new boolean[n + 1];
                for (int c : entryColumns) {
                    used[c] = true;
                }
                for (int i = 0; i < n; i++) {
                    ColumnRead col = columns.get(i);
                    if (col.field() != null && !used[i + 1]) {
                        hidden.add(col);
                        idx[hiddenCount++] = i + 1;
                    }
                }
            }
            hiddenColumns = Arrays.copyOf(idx, hiddenCount);
            int keys = entryColumns.length + hiddenCount + (countColumns.length > 0 ? 1 : 0);
            capacity = keys * 4 / 3 + 1; // the smallest table that holds them without a resize
        }

        /** The index of the column with {@code key}, searched from {@code from} round to it; -1 if none. */
        private static int column(List<ColumnRead> columns, String key, int from) {
            int n = columns.size();
            for (int k = 0; k < n; k++) {
                int i = (from + k) % n;
                if (columns.get(i).key().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Map<String, Object> map(java.sql.ResultSet rs) throws java.sql.SQLException {
            Map<String, Object> row = new LinkedHashMap<>(capacity);
            List<ShapePlan.Entry> entries = plan.entries();
            for (int i = 0; i < entryColumns.length; i++) {
                ShapePlan.Entry e = entries.get(i);
                int col = entryColumns[i];
                if (e.field() != null) {
                    row.put(e.name(), codec.read(rs, col, e.field()));
                } else if (col > 0) {
                    row.put(e.name(), joins.relationFromText(e, rs.getString(col)));
                } else {
                    row.put(e.name(), null);
                }
            }
            if (countColumns.length > 0) {
                Map<String, Object> counts = new LinkedHashMap<>(countColumns.length * 4 / 3 + 1);
                for (int i = 0; i < countColumns.length; i++) {
                    counts.put(plan.counts().get(i).link().field().name(), rs.getInt(countColumns[i]));
                }
                row.put("_count", counts);
            }
            for (int i = 0; i < hiddenColumns.length; i++) {
                ColumnRead col = hidden.get(i);
                row.put(col.key(), codec.read(rs, hiddenColumns[i], col.field()));
            }
            return row;
        }

        /** Removes the key columns the selection leaves out, once the rows no longer need them. */
        void strip(List<Map<String, Object>> rows) {
            if (hidden.isEmpty()) {
                return;
            }
            for (Map<String, Object> row : rows) {
                for (ColumnRead col : hidden) {
                    row.remove(col.key());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ join strategy

    /**
     * The JSON value of a relation in a select list: the correlated subquery itself, or (on dialects with lateral
     * joins) a reference to {@code LEFT JOIN LATERAL (subquery) AS l ON true}, which is added to {@code laterals}.
     */
    private Statement relationValue(Query.RelationRead rr, String parentAlias, SqlCompiler c, Statement laterals) {
        Statement sub = jsonRelation(rr, parentAlias, c);
        if (!schema.dialect().lateralJoins()) {
            return sub;
        }
        String l = c.alias();
        String data = schema.dialect().quote("__prisma_data__");
        laterals.append(" LEFT JOIN LATERAL (SELECT ").append(sub).append(" AS " + data + ") " + l + " ON true");
        return new Statement().append(l + "." + data);
    }

    /** A relation as one JSON value: an array aggregate (to-many) or an object (to-one). */
    private Statement jsonRelation(Query.RelationRead rr, String parentAlias, SqlCompiler c) {
        Query.Read r = rr.read();
        String ca = c.alias();
        Statement laterals = new Statement();
        List<String> pairs = new ArrayList<>();
        Statement obj = new Statement();
        List<TypedValue> objParams = new ArrayList<>();
        for (ScalarField f : neededScalars(r, rr.link())) {
            pairs.add(schema.dialect().quoteString(f.name()));
            pairs.add(jsonScalar(c.col(ca, f), f));
        }
        for (Query.CountRead cr : r.selection().counts()) {
            Statement cs = countExpr(cr, ca, c);
            pairs.add(schema.dialect().quoteString(ShapePlan.COUNT_PREFIX + cr.link().field().name()));
            pairs.add(cs.sql());
            objParams.addAll(cs.params());
        }
        for (Query.RelationRead nested : r.selection().relations()) {
            Statement ns = relationValue(nested, ca, c, laterals);
            pairs.add(schema.dialect().quoteString(nested.link().field().name()));
            pairs.add(ns.sql());
            objParams.addAll(ns.params());
        }
        obj.append(schema.dialect().jsonObject(pairs)).values(objParams);
        Statement s = new Statement().append("(SELECT ");
        if (rr.link().toMany()) {
            Statement order = new Statement();
            c.orderBy(c.withTiebreaker(r).stream().map(o -> c.term(o, ca, false)).toList(), order);
            s.append(schema.dialect().jsonArrayAgg(obj.sql(), order.sql())).values(obj.params())
                    .values(order.params());
        } else {
            s.append(obj);
        }
        c.relationFrom(rr.link(), parentAlias, ca, s, laterals);
        if (!(r.where() instanceof Filter.Const k && k.value())) {
            s.append(" AND ");
            c.filter(r.where(), ca, s);
        }
        if (!rr.link().toMany()) {
            s.append(schema.dialect().limitOffset(true, false)).values(List.of(TypedValue.integer(1)));
        }
        return s.append(")");
    }

    private String jsonScalar(String column, ScalarField f) {
        if (f.type() instanceof Datamodel.BuiltIn b) {
            if (b.type() == ScalarType.Bytes) {
                return schema.dialect().jsonBytes(column);
            }
            if (b.type() == ScalarType.Json) {
                return schema.dialect().jsonText(column);
            }
        }
        return column;
    }

    // ------------------------------------------------------------------------------------------ query strategy

    /** The child rows of one parent key; {@code used} once a parent holds them (a second parent gets copies). */
    private static final class Group {
        final List<Map<String, Object>> rows = new ArrayList<>(4);
        boolean used;
    }

    private void loadRelations(ShapePlan plan, List<Map<String, Object>> parents) {
        for (Query.RelationRead rr : plan.loadOrder()) {
            ShapePlan.Entry entry = plan.relations().get(rr.link().field().name());
            QuerySchema.RelationLink link = rr.link();
            String name = link.field().name();
            boolean raw = comparableAsRead(link);
            // parents' key values as bound (deduplicated by their stitch key)
            Map<Object, List<Object>> keys = new LinkedHashMap<>(parents.size() * 4 / 3 + 1);
            for (Map<String, Object> p : parents) {
                List<Object> key = key(p, link.parentFields());
                if (key != null) {
                    keys.putIfAbsent(stitchKey(p, link.parentFields(), raw), key);
                }
            }
            Map<Object, Group> groups = new HashMap<>(keys.size() * 4 / 3 + 1);
            RowReader reader = null;
            if (!keys.isEmpty()) {
                List<ColumnRead> columns = new ArrayList<>();
                Statement probe = childStatement(rr, List.of(), columns);
                reader = new RowReader(entry.nested(), columns, true);
                for (Map<String, Object> child : fetchChildren(rr, new ArrayList<>(keys.values()), probe, reader)) {
                    Object key = link.manyToMany() ? stitchValue(child.get(PARENT_KEY), raw)
                            : stitchKey(child, link.childFields(), raw);
                    if (key != null) {
                        Group g = groups.get(key);
                        if (g == null) {
                            g = new Group();
                            groups.put(key, g);
                        }
                        g.rows.add(child);
                    }
                }
            }
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> p : parents) {
                Object key = stitchKey(p, link.parentFields(), raw);
                Group g = key == null ? null : groups.get(key);
                List<Map<String, Object>> children = g == null ? List.of() : g.rows;
                if (link.toMany()) {
                    List<Map<String, Object>> page = paging.apply(rr.read(), children);
                    if (g != null && g.used) {
                        page.replaceAll(LinkedHashMap::new);
                    }
                    p.put(name, page);
                    kept.addAll(page);
                } else {
                    Map<String, Object> one = children.isEmpty() ? null : children.get(0);
                    if (one != null && g.used) {
                        one = new LinkedHashMap<>(one);
                    }
                    p.put(name, one);
                    if (one != null) {
                        kept.add(one);
                    }
                }
                if (g != null) {
                    g.used = true;
                }
            }
            // every attached child is its own map (copied when several parents share a key), so its relations
            // are loaded per copy; its left-out key columns go once they are
            if (!kept.isEmpty()) {
                loadRelations(entry.nested(), kept);
                reader.strip(kept);
            }
        }
    }

    private static List<Object> key(Map<String, Object> row, List<ScalarField> fields) {
        List<Object> key = new ArrayList<>(fields.size());
        for (ScalarField f : fields) {
            Object v = row.get(f.name());
            if (v == null) {
                return null;
            }
            key.add(v);
        }
        return key;
    }

    private static final Set<ScalarType> KEYS_AS_READ = java.util.EnumSet.of(ScalarType.Int, ScalarType.BigInt,
            ScalarType.String, ScalarType.Boolean, ScalarType.DateTime);

    /**
     * Whether parent and child key values compare as read: both sides of each key column have the same type, one
     * whose values are read as one Java type with value equality (Int, BigInt, String, Boolean, DateTime, enums).
     * Otherwise (decimals, floats, bytes) they are normalised first ({@link NestedPaging#keyValue}).
     */
    private static boolean comparableAsRead(QuerySchema.RelationLink link) {
        for (int i = 0; i < link.parentFields().size(); i++) {
            Datamodel.FieldType parent = link.parentFields().get(i).type();
            if (!parent.equals(link.childFields().get(i).type())) {
                return false;
            }
            if (!(parent instanceof Datamodel.EnumRef
                    || parent instanceof Datamodel.BuiltIn b && KEYS_AS_READ.contains(b.type()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key that matches parent and child rows: the value itself for a one-column key (the usual case), a list of
     * them for a compound key, {@code null} when a part is null; normalised ({@link NestedPaging#keyValue}) unless
     * the values compare {@code asRead} ({@link #comparableAsRead}).
     */
    private static Object stitchKey(Map<String, Object> row, List<ScalarField> fields, boolean asRead) {
        if (fields.size() == 1) {
            return stitchValue(row.get(fields.get(0).name()), asRead);
        }
        List<Object> key = key(row, fields);
        return key == null || asRead ? key : NestedPaging.normalizeKey(key);
    }

    private static Object stitchValue(Object v, boolean asRead) {
        return asRead ? v : NestedPaging.keyValue(v);
    }

    /** The children of all parents, one statement per chunk of keys (chunked by the bind limit). */
    private List<Map<String, Object>> fetchChildren(Query.RelationRead rr, List<List<Object>> keys, Statement probe,
                                                    RowReader reader) {
        QuerySchema.RelationLink link = rr.link();
        // measure the parameters the rest of the statement uses
        int width = link.parentFields().size();
        int room = Math.max(1, (bindLimit - probe.paramCount()) / width);
        if (keys.size() <= room) {
            return runner.query(childStatement(rr, keys, new ArrayList<>()), reader);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += room) {
            Statement st = childStatement(rr, keys.subList(from, Math.min(keys.size(), from + room)),
                    new ArrayList<>());
            out.addAll(runner.query(st, reader));
        }
        return out;
    }

    private Statement childStatement(Query.RelationRead rr, List<List<Object>> keys, List<ColumnRead> columns) {
        QuerySchema.RelationLink link = rr.link();
        Query.Read r = rr.read();
        SqlCompiler c = new SqlCompiler(schema);
        String a = c.alias();
        Statement st = new Statement().append("SELECT ");
        selectList(r, link, a, c, false, columns, st, null);
        if (link.manyToMany()) {
            String j = c.alias();
            st.append(", " + j + "." + link.joinParentColumn());
            columns.add(new ColumnRead(PARENT_KEY, link.parentFields().get(0), null, false));
            st.append(" FROM " + link.joinTable() + " " + j + " JOIN " + r.model().table() + " " + a + " ON "
                    + c.col(a, link.childFields().get(0)) + " = " + j + "." + link.joinChildColumn() + " WHERE ");
            inList(List.of(j + "." + link.joinParentColumn()), link.parentFields(), keys, st);
        } else {
            st.append(" FROM " + r.model().table() + " " + a + " WHERE ");
            inList(link.childFields().stream().map(f -> c.col(a, f)).toList(), link.parentFields(), keys, st);
        }
        if (!(r.where() instanceof Filter.Const k && k.value())) {
            st.append(" AND ");
            c.filter(r.where(), a, st);
        }
        if (link.toMany()) {
            st.append(" ORDER BY ");
            c.orderBy(c.withTiebreaker(r).stream().map(o -> c.term(o, a, false)).toList(), st);
        }
        return st;
    }

    private void inList(List<String> columns, List<ScalarField> keyFields, List<List<Object>> keys, Statement st) {
        if (keys.isEmpty()) {
            st.append("1=1");
            return;
        }
        if (columns.size() == 1) {
            st.append(columns.get(0) + " IN (");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    st.append(", ");
                }
                st.param(typed(keyFields.get(0), keys.get(i).get(0)));
            }
            st.append(")");
            return;
        }
        st.append("(");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                st.append(" OR ");
            }
            st.append("(");
            for (int k = 0; k < columns.size(); k++) {
                if (k > 0) {
                    st.append(" AND ");
                }
                st.append(columns.get(k) + " = ").param(typed(keyFields.get(k), keys.get(i).get(k)));
            }
            st.append(")");
        }
        st.append(")");
    }

    /** A decoded value as a bind parameter of its field again. */
    TypedValue typed(ScalarField f, Object value) {
        if (f.type() instanceof Datamodel.EnumRef e) {
            String db = schema.enumType(e.enumName()).flatMap(t -> t.values().stream()
                    .filter(v -> v.name().equals(value)).findFirst().map(Datamodel.EnumValueDef::dbName))
                    .orElse(String.valueOf(value));
            return new TypedValue(db, null, e.enumName(), false);
        }
        return TypedValue.of(value, ((Datamodel.BuiltIn) f.type()).type());
    }

    // ------------------------------------------------------------------------------------------ aggregates

    /** {@code (SELECT t.* FROM T t WHERE ... ORDER BY ... LIMIT ...) sub} for count and aggregate. */
    private Statement subquery(Query.Read r, SqlCompiler c, String sub) {
        String a = c.alias();
        Integer take = r.take();
        boolean flip = take != null && take < 0;
        boolean paged = take != null || r.skip() != null || r.cursor() != null;
        List<OrderBy> order = c.withTiebreaker(r);
        Statement st = new Statement().append("(SELECT " + a + ".* FROM " + r.model().table() + " " + a + " WHERE ");
        c.filter(r.where(), a, st);
        if (r.cursor() != null) {
            st.append(" AND ");
            c.cursor(r, r.cursor(), order, flip, a, st);
        }
        if (paged) {
            st.append(" ORDER BY ");
            c.orderBy(order.stream().map(o -> c.term(o, a, flip)).toList(), st);
            limit(take, r.skip(), st);
        }
        return st.append(") " + sub);
    }

    private Object count(Query.Count q) {
        SqlCompiler c = new SqlCompiler(schema);
        String sub = "sub";
        Statement st = new Statement().append("SELECT COUNT(*)");
        for (ScalarField f : q.fields()) {
            st.append(", COUNT(" + c.col(sub, f) + ")");
        }
        st.append(" FROM ").append(subquery(q.base(), c, sub));
        List<Map<String, Object>> rows = runner.query(st, rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("_all", rs.getInt(1));
            for (int i = 0; i < q.fields().size(); i++) {
                m.put(q.fields().get(i).name(), rs.getInt(i + 2));
            }
            return m;
        });
        Map<String, Object> row = rows.get(0);
        if (q.plain()) {
            return row.get("_all");
        }
        if (!q.all()) {
            row.remove("_all");
        }
        return row;
    }

    private String aggregateExpr(Query.AggregateField f, String alias, SqlCompiler c) {
        String col = f.field() == null ? "*" : c.col(alias, f.field());
        if (f.field() != null && !f.function().equals("_count") && f.field().type() instanceof Datamodel.BuiltIn b
                && b.type() == ScalarType.Boolean) {
            // PostgreSQL has no MIN/MAX of booleans: aggregate 0/1 (read back as Boolean)
            col = "CASE WHEN " + col + " THEN 1 ELSE 0 END";
        }
        return switch (f.function()) {
            case "_count" -> "COUNT(" + col + ")";
            case "_avg" -> "AVG(" + col + ")";
            case "_sum" -> "SUM(" + col + ")";
            case "_min" -> "MIN(" + col + ")";
            default -> "MAX(" + col + ")";
        };
    }

    private void readAggregates(java.sql.ResultSet rs, int offset, List<Query.AggregateField> aggs,
                                Map<String, Object> out) throws java.sql.SQLException {
        for (int i = 0; i < aggs.size(); i++) {
            Query.AggregateField f = aggs.get(i);
            int idx = offset + i;
            Object value;
            if (f.function().equals("_count")) {
                value = rs.getInt(idx);
            } else if (f.function().equals("_avg")) {
                Object raw = rs.getObject(idx);
                boolean decimal = f.field().type() instanceof Datamodel.BuiltIn b && b.type() == ScalarType.Decimal;
                value = raw == null ? null : decimal ? ValueCodec.convert(raw.toString(), ScalarType.Decimal)
                        : ValueCodec.convert(raw, ScalarType.Float);
            } else {
                value = codec.read(rs, idx, f.field());
            }
            if (f.plainCount()) {
                out.put("_count", value);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) out.computeIfAbsent(f.function(),
                    k -> new LinkedHashMap<String, Object>());
            group.put(f.field() == null ? "_all" : f.field().name(), value);
        }
    }

    private Object aggregate(Query.Aggregate q) {
        SqlCompiler c = new SqlCompiler(schema);
        String sub = "sub";
        List<String> exprs = q.aggregates().stream().map(f -> aggregateExpr(f, sub, c)).toList();
        Statement st = new Statement().append("SELECT " + (exprs.isEmpty() ? "COUNT(*)" : String.join(", ", exprs))
                + " FROM ").append(subquery(q.base(), c, sub));
        return runner.query(st, rs -> {
            Map<String, Object> out = new LinkedHashMap<>();
            readAggregates(rs, 1, q.aggregates(), out);
            return out;
        }).get(0);
    }

    private Object groupBy(Query.GroupBy q) {
        SqlCompiler c = new SqlCompiler(schema);
        String a = c.alias();
        List<String> by = q.by().stream().map(f -> c.col(a, f)).toList();
        List<String> exprs = new ArrayList<>(by);
        q.aggregates().forEach(f -> exprs.add(aggregateExpr(f, a, c)));
        Statement st = new Statement().append("SELECT " + String.join(", ", exprs) + " FROM " + q.model().table()
                + " " + a + " WHERE ");
        c.filter(q.where(), a, st);
        st.append(" GROUP BY " + String.join(", ", by));
        if (!(q.having() instanceof Filter.Const k && k.value())) {
            st.append(" HAVING ");
            c.filter(q.having(), a, st);
        }
        if (!q.orderBy().isEmpty()) {
            st.append(" ORDER BY ");
            c.orderBy(q.orderBy().stream().map(o -> c.term(o, a, false)).toList(), st);
        }
        limit(q.take(), q.skip(), st);
        return runner.query(st, rs -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < q.by().size(); i++) {
                out.put(q.by().get(i).name(), codec.read(rs, i + 1, q.by().get(i)));
            }
            readAggregates(rs, q.by().size() + 1, q.aggregates(), out);
            return out;
        });
    }
}
