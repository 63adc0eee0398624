package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses Prisma Client arguments (a JSON string, a {@code Map} or a Jackson tree) into a validated {@link Query}
 * against the schema. Every problem is a {@link PrismaValidationException} naming the argument path and, for an
 * unknown name, the closest known one; nothing reaches SQL unvalidated.
 */
public final class ArgumentParser {

    /** The mapper used for arguments: floats as BigDecimal so that no precision is lost. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final List<String> READ_ONE_ARGS = List.of("where", "select", "include", "omit",
            "relationLoadStrategy");
    private static final List<String> READ_MANY_ARGS = List.of("where", "orderBy", "cursor", "take", "skip",
            "distinct", "select", "include", "omit", "relationLoadStrategy");
    private static final List<String> COUNT_ARGS = List.of("where", "orderBy", "cursor", "take", "skip",
            "select");
    private static final List<String> AGGREGATES = List.of("_count", "_avg", "_sum", "_min", "_max");
    private static final List<String> WRITE_OPERATIONS = List.of("create", "createMany", "createManyAndReturn",
            "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany", "upsertMany");

    /** The read operations this parser knows. */
    public static final List<String> READ_OPERATIONS = List.of("findUnique", "findUniqueOrThrow", "findFirst",
            "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy");

    private final QuerySchema schema;

    public ArgumentParser(QuerySchema schema) {
        this.schema = schema;
    }

    /** Arguments as a tree: {@code null} is {@code {}}; a String is parsed as JSON; Maps go through Jackson. */
    public static JsonNode toTree(Object args) {
        if (args == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (args instanceof JsonNode n) {
            return n.isNull() || n.isMissingNode() ? JsonNodeFactory.instance.objectNode() : n;
        }
        if (args instanceof CharSequence s) {
            try {
                return s.toString().isBlank() ? JsonNodeFactory.instance.objectNode() : JSON.readTree(s.toString());
            } catch (tools.jackson.core.JacksonException e) {
                throw new PrismaValidationException("P2009", "InvalidJson", List.of(),
                        "The arguments are not valid JSON: " + e.getOriginalMessage());
            }
        }
        return tree(args);
    }

    /**
     * A Map/List argument as a tree, walked directly (a full {@code valueToTree} serialisation pass costs far more);
     * values other than strings, ints, longs, booleans, nulls and nodes, and maps with non-String keys, still go
     * through Jackson, so the result equals {@code JSON.valueToTree(value)}.
     */
    private static JsonNode tree(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof String s) {
            return f.stringNode(s);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i.intValue());
        }
        if (value instanceof Long l) {
            return f.numberNode(l.longValue());
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Map<?, ?> map && stringKeys(map)) {
            ObjectNode o = f.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                o.set((String) e.getKey(), tree(e.getValue()));
            }
            return o;
        }
        if (value instanceof List<?> list) {
            tools.jackson.databind.node.ArrayNode a = f.arrayNode(list.size());
            list.forEach(v -> a.add(tree(v)));
            return a;
        }
        return JSON.valueToTree(value);
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** Parses and validates the arguments of {@code operation} on {@code model}. */
    public Query parse(String model, String operation, Object args) {
        QuerySchema.ModelInfo m = schema.model(model);
        JsonNode node = toTree(args);
        checkDepth(node);
        List<String> root = List.of();
        if (!node.isObject()) {
            throw invalidType(root, operation + " arguments", "Object", node);
        }
        return switch (operation) {
            case "findUnique", "findUniqueOrThrow" -> {
                checkArgs(node, READ_ONE_ARGS, operation);
                if (!node.has("where")) {
                    throw new PrismaValidationException("P2012", "RequiredArgumentMissing", List.of("where"),
                            "`where`: A value is required but not set");
                }
                yield read(operation, m, node, root, true);
            }
            case "findFirst", "findFirstOrThrow", "findMany" -> {
                checkArgs(node, READ_MANY_ARGS, operation);
                yield read(operation, m, node, root, false);
            }
            case "count" -> count(m, node);
            case "aggregate" -> aggregate(m, node);
            case "groupBy" -> groupBy(m, node);
            default -> {
                if (WRITE_OPERATIONS.contains(operation)) {
                    yield new WriteParser(schema, this).parse(m, operation, node);
                }
                List<String> known = new ArrayList<>(READ_OPERATIONS);
                known.addAll(WRITE_OPERATIONS);
                throw new PrismaValidationException("P2009", "UnknownOperation", List.of(),
                        "Unknown operation '" + operation + "'." + Suggest.didYouMean(operation, known));
            }
        };
    }

    /**
     * How deep argument trees may nest (objects and arrays). Deeper trees would overflow the parser's stack or the
     * database's expression depth (SQLite: 1000) and plan for minutes on PostgreSQL. (Prisma's engine reads its
     * requests with serde_json, which stops at 128 levels.)
     */
    public static final int MAX_DEPTH = 100;

    private static void checkDepth(JsonNode root) {
        if (depth(root, 0) > MAX_DEPTH) {
            List<String> path = deepPath(root, new ArrayList<>());
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "The arguments nest "
                    + "deeper than " + MAX_DEPTH + " levels (at " + String.join(".", path.subList(0, 6))
                    + "...." + path.get(path.size() - 1) + ").");
        }
    }

    /** The depth of the deepest node under {@code n}, counting stops just past the limit (recursion stays bounded). */
    private static int depth(JsonNode n, int depth) {
        int max = depth;
        if (depth <= MAX_DEPTH && n.isContainer()) {
            for (JsonNode child : n.values()) {
                max = Math.max(max, depth(child, depth + 1));
                if (max > MAX_DEPTH) {
                    break;
                }
            }
        }
        return max;
    }

    /** The path to the first node deeper than the limit (only built when there is one). */
    private static List<String> deepPath(JsonNode n, List<String> path) {
        if (path.size() > MAX_DEPTH) {
            return path;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                path.add(e.getKey());
                if (depth(e.getValue(), path.size()) > MAX_DEPTH) {
                    return deepPath(e.getValue(), path);
                }
                path.remove(path.size() - 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                path.add(String.valueOf(i));
                if (depth(n.get(i), path.size()) > MAX_DEPTH) {
                    return deepPath(n.get(i), path);
                }
                path.remove(path.size() - 1);
            }
        }
        return path;
    }

    // ------------------------------------------------------------------------------------------ operations

    static void checkArgs(JsonNode node, List<String> allowed, String operation) {
        for (String k : node.propertyNames()) {
            if (!allowed.contains(k)) {
                throw new PrismaValidationException("P2009", "UnknownArgument", List.of(k),
                        "Unknown argument '" + k + "' in " + operation + "." + Suggest.didYouMean(k, allowed));
            }
        }
    }

    private Query.Read read(String operation, QuerySchema.ModelInfo m, JsonNode node, List<String> path,
                            boolean unique) {
        Filter where = node.has("where") ? parseWhere(m, node.get("where"), append(path, "where"), unique)
                : new Filter.Const(true);
        List<OrderBy> orderBy = node.has("orderBy") ? orderBy(m, node.get("orderBy"), append(path, "orderBy"))
                : List.of();
        Map<ScalarField, TypedValue> cursor = node.has("cursor")
                ? cursor(m, node.get("cursor"), append(path, "cursor")) : null;
        Integer skip = node.has("skip") ? intArg(node.get("skip"), append(path, "skip"), true) : null;
        Integer take = node.has("take") ? intArg(node.get("take"), append(path, "take"), false) : null;
        List<ScalarField> distinct = node.has("distinct")
                ? distinct(m, node.get("distinct"), append(path, "distinct")) : List.of();
        RelationLoadStrategy strategy = null;
        if (node.has("relationLoadStrategy")) {
            JsonNode s = node.get("relationLoadStrategy");
            String v = s.isString() ? s.stringValue() : "";
            if (!v.equals("query") && !v.equals("join")) {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", append(path,
                        "relationLoadStrategy"), "Invalid value for relationLoadStrategy: expected 'query' or "
                        + "'join', got " + s + ".");
            }
            strategy = RelationLoadStrategy.valueOf(v);
        }
        Query.Selection selection = selection(m, node, path);
        return new Query.Read(operation, m, where, orderBy, cursor, skip, take, distinct, selection, strategy);
    }

    private Query count(QuerySchema.ModelInfo m, JsonNode node) {
        checkArgs(node, COUNT_ARGS, "count");
        ObjectNode base = (ObjectNode) node.deepCopy();
        base.remove("select");
        Query.Read read = read("findMany", m, base, List.of(), false);
        if (!node.has("select") || node.get("select").isBoolean()) {
            return new Query.Count("count", m, read, true, List.of(), true);
        }
        JsonNode select = node.get("select");
        if (!select.isObject()) {
            throw invalidType(List.of("select"), "select", "Object", select);
        }
        boolean all = false;
        List<ScalarField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : select.properties()) {
            List<String> p = List.of("select", e.getKey());
            boolean on = bool(e.getValue(), p);
            if (e.getKey().equals("_all")) {
                all = on;
            } else if (m.scalar(e.getKey()) != null) {
                if (on) {
                    fields.add(m.scalar(e.getKey()));
                }
            } else {
                throw unknownField(p, e.getKey(), withFirst("_all", m.scalars().keySet()), "select");
            }
        }
        return new Query.Count("count", m, read, all, orderFields(m, fields), false);
    }

    private Query aggregate(QuerySchema.ModelInfo m, JsonNode node) {
        List<String> allowed = new ArrayList<>(List.of("where", "orderBy", "cursor", "take", "skip"));
        allowed.addAll(AGGREGATES);
        checkArgs(node, allowed, "aggregate");
        ObjectNode base = (ObjectNode) node.deepCopy();
        AGGREGATES.forEach(base::remove);
        Query.Read read = read("findMany", m, base, List.of(), false);
        return new Query.Aggregate("aggregate", m, read, aggregateFields(m, node, List.of()));
    }

    private List<Query.AggregateField> aggregateFields(QuerySchema.ModelInfo m, JsonNode node, List<String> path) {
        List<Query.AggregateField> out = new ArrayList<>();
        for (String fn : AGGREGATES) {
            if (!node.has(fn)) {
                continue;
            }
            JsonNode v = node.get(fn);
            List<String> p = append(path, fn);
            if (fn.equals("_count") && v.isBoolean()) {
                if (v.booleanValue()) {
                    out.add(new Query.AggregateField(fn, null, true));
                }
                continue;
            }
            if (!v.isObject()) {
                throw invalidType(p, fn, "Object", v);
            }
            Set<String> candidates = new LinkedHashSet<>();
            if (fn.equals("_count")) {
                candidates.add("_all");
            }
            for (ScalarField f : m.scalars().values()) {
                if (aggregatable(fn, f)) {
                    candidates.add(f.name());
                }
            }
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                List<String> fp = append(p, e.getKey());
                if (!candidates.contains(e.getKey())) {
                    throw unknownField(fp, e.getKey(), candidates, String.join(".", p));
                }
                if (bool(e.getValue(), fp)) {
                    out.add(new Query.AggregateField(fn, e.getKey().equals("_all") ? null : m.scalar(e.getKey()),
                            false));
                }
            }
        }
        return out;
    }

    private static boolean aggregatable(String fn, ScalarField f) {
        if (f.arity() == Datamodel.Arity.LIST) {
            return fn.equals("_count");
        }
        ScalarType t = f.type() instanceof Datamodel.BuiltIn b ? b.type() : null;
        return switch (fn) {
            case "_count" -> true;
            case "_avg", "_sum" -> t == ScalarType.Int || t == ScalarType.BigInt || t == ScalarType.Float
                    || t == ScalarType.Decimal;
            default -> t != ScalarType.Json && t != ScalarType.Bytes;
        };
    }

    private Query groupBy(QuerySchema.ModelInfo m, JsonNode node) {
        List<String> allowed = new ArrayList<>(List.of("by", "where", "having", "orderBy", "take", "skip"));
        allowed.addAll(AGGREGATES);
        checkArgs(node, allowed, "groupBy");
        if (!node.has("by")) {
            throw new PrismaValidationException("P2012", "RequiredArgumentMissing", List.of("by"),
                    "`by`: A value is required but not set");
        }
        List<ScalarField> by = distinct(m, node.get("by"), List.of("by"));
        Filter where = node.has("where") ? parseWhere(m, node.get("where"), List.of("where"), false)
                : new Filter.Const(true);
        Filter having = node.has("having") ? having(m, by, node.get("having"), List.of("having"))
                : new Filter.Const(true);
        List<OrderBy> orderBy = node.has("orderBy") ? groupOrderBy(m, node.get("orderBy"), List.of("orderBy"))
                : List.of();
        for (OrderBy o : orderBy) {
            if (o instanceof OrderBy.Field f && !by.contains(f.field())) {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", List.of("orderBy"),
                        "Every field used for orderBy must be included in the by-arguments of the query. "
                                + "Missing fields: " + f.field().name());
            }
        }
        Integer skip = node.has("skip") ? intArg(node.get("skip"), List.of("skip"), true) : null;
        Integer take = node.has("take") ? intArg(node.get("take"), List.of("take"), false) : null;
        if ((skip != null || take != null) && orderBy.isEmpty()) {
            throw new PrismaValidationException("P2009", "RequiredArgumentMissing", List.of("orderBy"),
                    "`orderBy` is required when using `skip` or `take` in groupBy.");
        }
        return new Query.GroupBy("groupBy", m, by, where, having, orderBy, skip, take,
                aggregateFields(m, node, List.of()));
    }

    private Filter having(QuerySchema.ModelInfo m, List<ScalarField> by, JsonNode node, List<String> path) {
        if (!node.isObject()) {
            throw invalidType(path, last(path), m.name() + "ScalarWhereWithAggregatesInput", node);
        }
        List<Filter> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            List<String> p = append(path, k);
            JsonNode v = e.getValue();
            switch (k) {
                case "AND" -> parts.add(new Filter.And(list(v).stream().map(x -> having(m, by, x, p)).toList()));
                case "OR" -> parts.add(new Filter.Or(list(v).stream().map(x -> having(m, by, x, p)).toList()));
                case "NOT" -> parts.add(new Filter.Not(list(v).stream().map(x -> having(m, by, x, p)).toList()));
                default -> {
                    ScalarField f = m.scalar(k);
                    if (f == null) {
                        Set<String> c = new LinkedHashSet<>(List.of("AND", "OR", "NOT"));
                        c.addAll(m.scalars().keySet());
                        throw unknownInput(p, k, c);
                    }
                    if (!v.isObject()) {
                        requireGrouped(by, f, p);
                        parts.add(scalarFilter(m, f, null, v, p));
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> a : v.properties()) {
                        List<String> ap = append(p, a.getKey());
                        if (!AGGREGATES.contains(a.getKey())) {
                            requireGrouped(by, f, p);
                        }
                        if (AGGREGATES.contains(a.getKey())) {
                            if (!aggregatable(a.getKey(), f)) {
                                throw unknownInput(ap, a.getKey(), List.of());
                            }
                            parts.add(scalarFilter(m, f, a.getKey(), a.getValue(), ap));
                        } else {
                            ObjectNode one = JsonNodeFactory.instance.objectNode();
                            one.set(a.getKey(), a.getValue());
                            parts.add(scalarFilter(m, f, null, one, p));
                        }
                    }
                }
            }
        }
        return and(parts);
    }

    /** A plain (not aggregated) filter in {@code having} is on a grouped field, or the SQL would be invalid. */
    private static void requireGrouped(List<ScalarField> by, ScalarField f, List<String> path) {
        if (!by.contains(f)) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Every field used in `having` "
                    + "filters must either be an aggregation filter or be included in the selection of the query "
                    + "(at " + String.join(".", path) + "). Missing fields: " + f.name());
        }
    }

    private List<OrderBy> groupOrderBy(QuerySchema.ModelInfo m, JsonNode node, List<String> path) {
        List<OrderBy> out = new ArrayList<>();
        for (JsonNode item : list(node)) {
            if (!item.isObject()) {
                throw invalidType(path, "orderBy", m.name() + "OrderByWithAggregationInput", item);
            }
            for (Map.Entry<String, JsonNode> e : item.properties()) {
                List<String> p = append(path, e.getKey());
                if (AGGREGATES.contains(e.getKey())) {
                    if (!e.getValue().isObject()) {
                        throw invalidType(p, e.getKey(), "Object", e.getValue());
                    }
                    for (Map.Entry<String, JsonNode> a : e.getValue().properties()) {
                        List<String> ap = append(p, a.getKey());
                        ScalarField f = a.getKey().equals("_all") ? null : m.scalar(a.getKey());
                        if (f == null && !(a.getKey().equals("_all") && e.getKey().equals("_count"))) {
                            throw unknownInput(ap, a.getKey(), m.scalars().keySet());
                        }
                        out.add(new OrderBy.Aggregate(e.getKey(), f, direction(a.getValue(), ap)));
                    }
                } else {
                    ScalarField f = m.scalar(e.getKey());
                    if (f == null) {
                        Set<String> c = new LinkedHashSet<>(m.scalars().keySet());
                        c.addAll(AGGREGATES);
                        throw unknownInput(p, e.getKey(), c);
                    }
                    out.add(scalarOrder(List.of(), f, e.getValue(), p));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ selection

    Query.Selection selection(QuerySchema.ModelInfo m, JsonNode node, List<String> path) {
        JsonNode select = node.get("select");
        JsonNode include = node.get("include");
        JsonNode omit = node.get("omit");
        if (select != null && !select.isNull() && include != null && !include.isNull()) {
            throw new PrismaValidationException("P2009", "MutuallyExclusiveFields", append(path, "select"),
                    "Please either use `include` or `select`, but not both at the same time (at "
                            + pathString(path, "select") + ").");
        }
        if (select != null && !select.isNull() && omit != null && !omit.isNull()) {
            throw new PrismaValidationException("P2009", "MutuallyExclusiveFields", append(path, "select"),
                    "Please either use `omit` or `select`, but not both at the same time (at "
                            + pathString(path, "select") + ").");
        }
        List<ScalarField> scalars = new ArrayList<>();
        List<Query.RelationRead> relations = new ArrayList<>();
        List<Query.CountRead> counts = new ArrayList<>();
        Set<String> omitted = new LinkedHashSet<>();
        if (omit != null && !omit.isNull()) {
            List<String> op = append(path, "omit");
            if (!omit.isObject()) {
                throw invalidType(op, "omit", m.name() + "Omit", omit);
            }
            for (Map.Entry<String, JsonNode> e : omit.properties()) {
                if (m.scalar(e.getKey()) == null) {
                    throw unknownField(append(op, e.getKey()), e.getKey(), m.scalars().keySet(), m.name());
                }
                if (bool(e.getValue(), append(op, e.getKey()))) {
                    omitted.add(e.getKey());
                }
            }
        }
        if (select != null && !select.isNull()) {
            List<String> sp = append(path, "select");
            if (!select.isObject()) {
                throw invalidType(sp, "select", m.name() + "Select", select);
            }
            boolean any = false;
            for (Map.Entry<String, JsonNode> e : select.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                List<String> p = append(sp, k);
                if (m.scalar(k) != null) {
                    if (v.isObject()) {
                        throw new PrismaValidationException("P2009", "SelectionSetOnScalar", p,
                                "Cannot select over scalar field '" + k + "' (at " + String.join(".", p) + ").");
                    }
                    if (bool(v, p)) {
                        scalars.add(m.scalar(k));
                        any = true;
                    }
                } else if (m.relations().containsKey(k)) {
                    Query.RelationRead r = relation(m, k, v, p);
                    if (r != null) {
                        relations.add(r);
                        any = true;
                    }
                } else if (k.equals("_count")) {
                    counts.addAll(countSelection(m, v, p));
                    any = any || !counts.isEmpty();
                } else {
                    throw unknownField(p, k, selectable(m), m.name());
                }
            }
            if (!any) {
                throw new PrismaValidationException("P2009", "EmptySelection", sp,
                        "Expected a minimum of 1 field to be present, got 0 (at " + String.join(".", sp) + ").");
            }
            return new Query.Selection(orderFields(m, scalars), orderRelations(m, relations), counts);
        }
        for (ScalarField f : m.scalars().values()) {
            if (!omitted.contains(f.name())) {
                scalars.add(f);
            }
        }
        if (include != null && !include.isNull()) {
            List<String> ip = append(path, "include");
            if (!include.isObject()) {
                throw invalidType(ip, "include", m.name() + "Include", include);
            }
            for (Map.Entry<String, JsonNode> e : include.properties()) {
                String k = e.getKey();
                List<String> p = append(ip, k);
                if (m.relations().containsKey(k)) {
                    Query.RelationRead r = relation(m, k, e.getValue(), p);
                    if (r != null) {
                        relations.add(r);
                    }
                } else if (k.equals("_count")) {
                    counts.addAll(countSelection(m, e.getValue(), p));
                } else {
                    Set<String> c = new LinkedHashSet<>(m.relations().keySet());
                    c.add("_count");
                    throw unknownField(p, k, c, m.name());
                }
            }
        }
        return new Query.Selection(scalars, orderRelations(m, relations), counts);
    }

    private static Set<String> selectable(QuerySchema.ModelInfo m) {
        Set<String> c = new LinkedHashSet<>(m.fieldNames());
        c.add("_count");
        return c;
    }

    private Query.RelationRead relation(QuerySchema.ModelInfo m, String name, JsonNode v, List<String> path) {
        QuerySchema.RelationLink link = m.link(m.relations().get(name));
        if (v.isBoolean()) {
            if (!v.booleanValue()) {
                return null;
            }
            v = JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw invalidType(path, name, "Boolean | " + link.target().name() + "DefaultArgs", v);
        }
        List<String> allowed = link.toMany() ? List.of("where", "orderBy", "cursor", "take", "skip", "distinct",
                "select", "include", "omit") : List.of("select", "include", "omit");
        for (String k : v.propertyNames()) {
            if (!allowed.contains(k)) {
                throw new PrismaValidationException("P2009", "UnknownArgument", append(path, k),
                        "Unknown argument '" + k + "' in " + String.join(".", path) + "."
                                + Suggest.didYouMean(k, allowed));
            }
        }
        return new Query.RelationRead(link, read("nested", link.target(), v, path, false));
    }

    private List<Query.CountRead> countSelection(QuerySchema.ModelInfo m, JsonNode v, List<String> path) {
        Set<String> names = new LinkedHashSet<>();
        m.relations().values().stream().filter(r -> r.arity() == Datamodel.Arity.LIST)
                .forEach(r -> names.add(r.name()));
        List<Query.CountRead> out = new ArrayList<>();
        if (v.isBoolean()) {
            if (v.booleanValue()) {
                names.forEach(n -> out.add(new Query.CountRead(m.link(m.relations().get(n)), new Filter.Const(true))));
            }
            return out;
        }
        if (!v.isObject() || !v.has("select") || v.size() != 1) {
            throw invalidType(path, "_count", "Boolean | " + m.name() + "CountOutputTypeDefaultArgs", v);
        }
        JsonNode select = v.get("select");
        List<String> sp = append(path, "select");
        if (!select.isObject()) {
            throw invalidType(sp, "select", m.name() + "CountOutputTypeSelect", select);
        }
        for (Map.Entry<String, JsonNode> e : select.properties()) {
            List<String> p = append(sp, e.getKey());
            if (!names.contains(e.getKey())) {
                throw unknownField(p, e.getKey(), names, m.name() + "CountOutputType");
            }
            QuerySchema.RelationLink link = m.link(m.relations().get(e.getKey()));
            JsonNode c = e.getValue();
            if (c.isBoolean()) {
                if (c.booleanValue()) {
                    out.add(new Query.CountRead(link, new Filter.Const(true)));
                }
            } else if (c.isObject()) {
                for (String k : c.propertyNames()) {
                    if (!k.equals("where")) {
                        throw unknownInput(append(p, k), k, List.of("where"));
                    }
                }
                out.add(new Query.CountRead(link, c.has("where")
                        ? parseWhere(link.target(), c.get("where"), append(p, "where"), false)
                        : new Filter.Const(true)));
            } else {
                throw invalidType(p, e.getKey(), "Boolean | Object", c);
            }
        }
        return out;
    }

    private static List<ScalarField> orderFields(QuerySchema.ModelInfo m, List<ScalarField> fields) {
        return m.scalars().values().stream().filter(fields::contains).toList();
    }

    private static List<Query.RelationRead> orderRelations(QuerySchema.ModelInfo m, List<Query.RelationRead> rs) {
        List<Query.RelationRead> out = new ArrayList<>();
        for (String name : m.relations().keySet()) {
            rs.stream().filter(r -> r.link().field().name().equals(name)).forEach(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ where

    /** Parses a where object of {@code m}; with {@code unique}, it must name a unique key (WhereUniqueInput). */
    public Filter parseWhere(QuerySchema.ModelInfo m, JsonNode node, List<String> path, boolean unique) {
        if (node == null || !node.isObject()) {
            throw invalidType(path, last(path), m.name() + (unique ? "WhereUniqueInput" : "WhereInput"), node);
        }
        List<Filter> parts = new ArrayList<>();
        boolean uniqueHit = false;
        Map<String, QuerySchema.UniqueKey> compound = new LinkedHashMap<>();
        if (unique) {
            m.uniqueKeys().stream().filter(k -> k.fields().size() > 1).forEach(k -> compound.put(k.name(), k));
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            List<String> p = append(path, k);
            switch (k) {
                case "AND" -> parts.add(and(list(v).stream().map(x -> parseWhere(m, x, p, false)).toList()));
                case "OR" -> parts.add(new Filter.Or(list(v).stream().map(x -> parseWhere(m, x, p, false)).toList()));
                case "NOT" -> parts.add(new Filter.Not(list(v).stream().map(x -> parseWhere(m, x, p, false))
                        .toList()));
                default -> {
                    if (compound.containsKey(k)) {
                        QuerySchema.UniqueKey key = compound.get(k);
                        if (!v.isObject()) {
                            throw invalidType(p, k, m.name() + key.name() + "CompoundUniqueInput", v);
                        }
                        for (String f : v.propertyNames()) {
                            if (key.fields().stream().noneMatch(x -> x.name().equals(f))) {
                                throw unknownInput(append(p, f), f,
                                        key.fields().stream().map(ScalarField::name).toList());
                            }
                        }
                        for (ScalarField f : key.fields()) {
                            if (!v.has(f.name())) {
                                throw new PrismaValidationException("P2012", "RequiredArgumentMissing",
                                        append(p, f.name()), "`" + String.join(".", append(p, f.name()))
                                        + "`: A value is required but not set");
                            }
                            parts.add(new Filter.Scalar(Filter.FieldRef.of(f), "equals",
                                    coerce(m, f, v.get(f.name()), append(p, f.name())), false));
                        }
                        uniqueHit = true;
                    } else if (m.scalar(k) != null) {
                        ScalarField f = m.scalar(k);
                        parts.add(scalarFilter(m, f, null, v, p));
                        if (unique && isUniqueField(m, f) && (!v.isObject() || v.has("equals")) && !v.isNull()) {
                            uniqueHit = true;
                        }
                    } else if (m.relations().containsKey(k)) {
                        parts.add(relationFilter(m, m.relations().get(k), v, p));
                    } else {
                        Set<String> c = new LinkedHashSet<>();
                        if (unique) {
                            m.uniqueKeys().forEach(x -> c.add(x.name()));
                        }
                        c.addAll(List.of("AND", "OR", "NOT"));
                        c.addAll(m.fieldNames());
                        throw unknownInput(p, k, c);
                    }
                }
            }
        }
        if (unique && !uniqueHit) {
            List<String> keys = m.uniqueKeys().stream().map(QuerySchema.UniqueKey::name).toList();
            throw new PrismaValidationException("P2009", "SomeFieldsMissing", path,
                    "Some fields are missing in " + String.join(".", path) + ": Expected a minimum of 1 fields of ("
                            + String.join(", ", keys) + ") to be present, got 0.");
        }
        return and(parts);
    }

    private static boolean isUniqueField(QuerySchema.ModelInfo m, ScalarField f) {
        return m.uniqueKeys().stream().anyMatch(k -> k.fields().size() == 1 && k.fields().get(0).equals(f));
    }

    private static Filter and(List<Filter> parts) {
        List<Filter> kept = parts.stream().filter(f -> !(f instanceof Filter.Const c && c.value())).toList();
        if (kept.isEmpty()) {
            return new Filter.Const(true);
        }
        return kept.size() == 1 ? kept.get(0) : new Filter.And(kept);
    }

    private Filter relationFilter(QuerySchema.ModelInfo m, Datamodel.RelationField rf, JsonNode v,
                                  List<String> path) {
        QuerySchema.RelationLink link = m.link(rf);
        QuerySchema.ModelInfo target = link.target();
        if (link.toMany()) {
            if (!v.isObject()) {
                throw invalidType(path, rf.name(), target.name() + "ListRelationFilter", v);
            }
            List<Filter> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                List<String> p = append(path, e.getKey());
                if (!List.of("some", "every", "none").contains(e.getKey())) {
                    throw unknownInput(p, e.getKey(), List.of("every", "some", "none"));
                }
                parts.add(new Filter.Relation(link, e.getKey(), parseWhere(target, e.getValue(), p, false)));
            }
            return and(parts);
        }
        if (v.isNull()) {
            return new Filter.Relation(link, "is", null);
        }
        if (!v.isObject()) {
            throw invalidType(path, rf.name(), target.name() + "RelationFilter | " + target.name() + "WhereInput", v);
        }
        boolean explicit = !v.isEmpty() && v.propertyNames().stream().allMatch(k -> k.equals("is") || k.equals("isNot"));
        if (!explicit) {
            return new Filter.Relation(link, "is", parseWhere(target, v, path, false));
        }
        List<Filter> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            List<String> p = append(path, e.getKey());
            Filter inner = e.getValue().isNull() ? null : parseWhere(target, e.getValue(), p, false);
            parts.add(new Filter.Relation(link, e.getKey(), inner));
        }
        return and(parts);
    }

    private static final List<String> COMMON_OPS = List.of("equals", "in", "notIn", "lt", "lte", "gt", "gte", "not");
    private static final List<String> STRING_OPS = List.of("equals", "in", "notIn", "lt", "lte", "gt", "gte",
            "contains", "startsWith", "endsWith", "not");
    private static final List<String> EQUALITY_OPS = List.of("equals", "in", "notIn", "not");
    private static final List<String> LIST_OPS = List.of("equals", "has", "hasEvery", "hasSome", "isEmpty");
    private static final List<String> JSON_OPS = List.of("equals", "path", "string_contains", "string_starts_with",
            "string_ends_with", "array_contains", "array_starts_with", "array_ends_with", "not");

    private Filter scalarFilter(QuerySchema.ModelInfo m, ScalarField f, String aggregate, JsonNode v,
                                List<String> path) {
        Filter.FieldRef ref = new Filter.FieldRef(f, aggregate);
        ScalarType type = f.type() instanceof Datamodel.BuiltIn b ? b.type() : null;
        if (f.arity() == Datamodel.Arity.LIST && aggregate == null) {
            return listFilter(m, f, v, path);
        }
        if (type == ScalarType.Json && aggregate == null) {
            return jsonFilter(ref, v, path);
        }
        if (v.isNull()) {
            if (f.arity() != Datamodel.Arity.OPTIONAL && aggregate == null) {
                throw new PrismaValidationException("P2009", "InvalidArgumentType", path, "Argument `"
                        + f.name() + "` must not be null (at " + String.join(".", path) + "). " + filterTypes(f));
            }
            return new Filter.Scalar(ref, "equals", null, false);
        }
        if (!v.isObject()) {
            return new Filter.Scalar(ref, "equals", coerceAgg(m, f, aggregate, v, path), false);
        }
        List<String> ops = type == ScalarType.String ? new ArrayList<>(STRING_OPS)
                : type == ScalarType.Boolean || type == ScalarType.Bytes || type == null
                ? new ArrayList<>(EQUALITY_OPS) : new ArrayList<>(COMMON_OPS);
        if (type == ScalarType.String && schema.dialect().supportsInsensitiveMode()) {
            ops.add("mode");
        }
        boolean insensitive = false;
        if (v.has("mode")) {
            if (!ops.contains("mode")) {
                throw unknownInput(append(path, "mode"), "mode", ops);
            }
            JsonNode mode = v.get("mode");
            String s = mode.isString() ? mode.stringValue() : "";
            if (!s.equals("insensitive") && !s.equals("default")) {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", append(path, "mode"),
                        "Invalid value for mode at " + String.join(".", path) + ": expected 'default' or "
                                + "'insensitive', got " + mode + ".");
            }
            insensitive = s.equals("insensitive");
        }
        List<Filter> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String op = e.getKey();
            List<String> p = append(path, op);
            JsonNode x = e.getValue();
            if (op.equals("mode")) {
                continue;
            }
            if (!ops.contains(op)) {
                throw unknownInput(p, op, ops);
            }
            if (x.isNull() && (op.equals("equals") || op.equals("not")) && f.arity() != Datamodel.Arity.OPTIONAL
                    && aggregate == null) {
                throw new PrismaValidationException("P2009", "InvalidArgumentType", p, "Argument `" + op
                        + "` must not be null (at " + String.join(".", p) + "): `" + f.name() + "` is required.");
            }
            switch (op) {
                case "in", "notIn" -> {
                    List<TypedValue> values = new ArrayList<>();
                    for (JsonNode item : list(x)) {
                        values.add(coerceAgg(m, f, aggregate, item, p));
                    }
                    parts.add(new Filter.Scalar(ref, op, values, insensitive));
                }
                case "not" -> {
                    if (x.isObject()) {
                        ObjectNode inner = ((ObjectNode) x).deepCopy();
                        if (insensitive && !inner.has("mode")) {
                            inner.put("mode", "insensitive");
                        }
                        parts.add(new Filter.Not(List.of(scalarFilter(m, f, aggregate, inner, p))));
                    } else {
                        parts.add(new Filter.Scalar(ref, "not", x.isNull() ? null : coerceAgg(m, f, aggregate, x, p),
                                insensitive));
                    }
                }
                default -> {
                    if (x.isNull() && op.equals("equals")) {
                        parts.add(new Filter.Scalar(ref, "equals", null, false));
                    } else {
                        parts.add(new Filter.Scalar(ref, op, coerceAgg(m, f, aggregate, x, p), insensitive));
                    }
                }
            }
        }
        return and(parts);
    }

    private TypedValue coerceAgg(QuerySchema.ModelInfo m, ScalarField f, String aggregate, JsonNode v,
                                 List<String> path) {
        if ("_count".equals(aggregate)) {
            if (!v.isIntegralNumber()) {
                throw invalidType(path, f.name(), "Int", v);
            }
            return TypedValue.integer(v.longValue());
        }
        if ("_avg".equals(aggregate)) {
            if (!v.isNumber()) {
                throw invalidType(path, f.name(), "Float", v);
            }
            return TypedValue.of(v.doubleValue(), ScalarType.Float);
        }
        return coerce(m, f, v, path);
    }

    private Filter listFilter(QuerySchema.ModelInfo m, ScalarField f, JsonNode v, List<String> path) {
        Filter.FieldRef ref = Filter.FieldRef.of(f);
        if (!schema.dialect().supportsScalarLists()) {
            throw new PrismaValidationException("P2009", "UnknownInputField", path,
                    "Scalar lists are not supported on " + schema.provider() + " (at " + String.join(".", path)
                            + ").");
        }
        if (v.isArray()) {
            return new Filter.ScalarList(ref, "equals", listValue(m, f, v, path));
        }
        if (!v.isObject()) {
            throw invalidType(path, f.name(), typeName(f) + "NullableListFilter", v);
        }
        List<Filter> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            List<String> p = append(path, e.getKey());
            JsonNode x = e.getValue();
            switch (e.getKey()) {
                case "equals" -> parts.add(x.isNull() ? new Filter.Scalar(ref, "equals", null, false)
                        : new Filter.ScalarList(ref, "equals", listValue(m, f, x, p)));
                case "has" -> parts.add(new Filter.ScalarList(ref, "has", coerce(m, f, x, p)));
                case "hasEvery", "hasSome" -> parts.add(new Filter.ScalarList(ref, e.getKey(), listValue(m, f, x, p)));
                case "isEmpty" -> parts.add(new Filter.ScalarList(ref, "isEmpty",
                        TypedValue.of(bool(x, p), ScalarType.Boolean)));
                default -> throw unknownInput(p, e.getKey(), LIST_OPS);
            }
        }
        return and(parts);
    }

    TypedValue listValue(QuerySchema.ModelInfo m, ScalarField f, JsonNode v, List<String> path) {
        List<Object> values = new ArrayList<>();
        for (JsonNode item : list(v)) {
            values.add(coerce(m, f, item, path).value());
        }
        TypedValue one = coerce(m, f, JsonNodeFactory.instance.nullNode(), path);
        return new TypedValue(values, one.type(), one.enumName(), true);
    }

    private Filter jsonFilter(Filter.FieldRef ref, JsonNode v, List<String> path) {
        if (!v.isObject()) {
            throw invalidType(path, ref.field().name(), "JsonFilter", v);
        }
        List<String> jsonPath = new ArrayList<>();
        if (v.has("path")) {
            JsonNode p = v.get("path");
            if (p.isArray()) {
                p.values().forEach(x -> jsonPath.add(x.asString()));
            } else if (p.isString()) {
                jsonPath.addAll(parseJsonPath(p.stringValue()));
            } else {
                throw invalidType(append(path, "path"), "path", "String[] | String", p);
            }
        }
        List<Filter> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String op = e.getKey();
            List<String> p = append(path, op);
            if (op.equals("path") || op.equals("mode")) {
                continue;
            }
            if (!JSON_OPS.contains(op)) {
                throw unknownInput(p, op, JSON_OPS);
            }
            if (op.startsWith("string_") && !e.getValue().isString()) {
                throw invalidType(p, op, "String", e.getValue());
            }
            parts.add(new Filter.Json(ref, jsonPath, op, e.getValue()));
        }
        return and(parts);
    }

    /** {@code $.a.b[0]} (MySQL form) as keys/indexes. */
    private static List<String> parseJsonPath(String path) {
        List<String> out = new ArrayList<>();
        String s = path.startsWith("$") ? path.substring(1) : path;
        for (String part : s.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int b = part.indexOf('[');
            if (b < 0) {
                out.add(part);
            } else {
                if (b > 0) {
                    out.add(part.substring(0, b));
                }
                for (String idx : part.substring(b).split("[\\[\\]]")) {
                    if (!idx.isEmpty()) {
                        out.add(idx);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ values

    /** The value of {@code node} for field {@code f}, or a validation error naming the path. */
    public TypedValue coerce(QuerySchema.ModelInfo m, ScalarField f, JsonNode node, List<String> path) {
        if (f.type() instanceof Datamodel.EnumRef e) {
            Datamodel.EnumType enumType = schema.enumType(e.enumName()).orElseThrow();
            if (node == null || node.isNull()) {
                return new TypedValue(null, null, e.enumName(), false);
            }
            if (!node.isString()) {
                throw invalidType(path, f.name(), e.enumName(), node);
            }
            for (Datamodel.EnumValueDef d : enumType.values()) {
                if (d.name().equals(node.stringValue())) {
                    return new TypedValue(d.dbName(), null, e.enumName(), false);
                }
            }
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                    + String.join(".", path) + ": '" + node.stringValue() + "' is not a value of enum " + e.enumName()
                    + "." + Suggest.didYouMean(node.stringValue(),
                    enumType.values().stream().map(Datamodel.EnumValueDef::name).toList()));
        }
        ScalarType type = ((Datamodel.BuiltIn) f.type()).type();
        if (node == null || node.isNull()) {
            return TypedValue.of(null, type);
        }
        Object value = switch (type) {
            case String -> node.isString() ? node.stringValue() : null;
            case Boolean -> node.isBoolean() ? node.booleanValue() : null;
            case Int -> integral(node, path, f, false);
            case BigInt -> node.isString() && node.stringValue().matches("-?\\d+")
                    ? parseLong(node.stringValue(), path, f) : integral(node, path, f, true);
            case Float -> node.isNumber() ? node.doubleValue() : null;
            case Decimal -> decimal(node);
            case DateTime -> node.isString() ? dateTime(node.stringValue(), path, f) : null;
            case Json -> node;
            case Bytes -> node.isString() ? base64(node.stringValue(), path, f) : null;
        };
        if (value == null) {
            throw invalidType(path, f.name(), filterTypes(f), node);
        }
        return TypedValue.of(value, type);
    }

    private static Object integral(JsonNode node, List<String> path, ScalarField f, boolean big) {
        if (!node.isNumber()) {
            return null;
        }
        BigDecimal d = node.decimalValue();
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            return null;
        }
        if (i.bitLength() > 63 || !big && i.bitLength() > 31) {
            throw new PrismaValidationException("P2009", "ValueTooLarge", path, "Unable to fit value '" + node
                    + "' into a " + (big ? 64 : 32) + "-bit signed integer for field '" + f.name() + "' (at "
                    + String.join(".", path) + ")." + (big ? "" : " If you're trying to store large integers, "
                    + "consider using `BigInt`."));
        }
        return big ? (Object) i.longValue() : (Object) i.intValue();
    }

    private static Long parseLong(String s, List<String> path, ScalarField f) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new PrismaValidationException("P2009", "ValueTooLarge", path, "Unable to fit value '" + s
                    + "' into a 64-bit signed integer for field '" + f.name() + "'.");
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.stringValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An ISO-8601 date-time (with offset or {@code Z}); a date alone means midnight UTC. */
    public static Instant parseDateTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }

    private static Instant dateTime(String s, List<String> path, ScalarField f) {
        try {
            return parseDateTime(s);
        } catch (DateTimeParseException e) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                    + String.join(".", path) + ": `" + s + "` is not a valid `ISO-8601 DateTime`. Underlying "
                    + "error: input contains invalid characters");
        }
    }

    private static byte[] base64(String s, List<String> path, ScalarField f) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                    + String.join(".", path) + ": not a base64 string.");
        }
    }

    // ------------------------------------------------------------------------------------------ orderBy etc.

    private List<OrderBy> orderBy(QuerySchema.ModelInfo m, JsonNode node, List<String> path) {
        List<OrderBy> out = new ArrayList<>();
        for (JsonNode item : list(node)) {
            if (!item.isObject()) {
                throw invalidType(path, "orderBy", m.name() + "OrderByWithRelationInput", item);
            }
            orderByObject(m, List.of(), item, path, out);
        }
        return out;
    }

    private void orderByObject(QuerySchema.ModelInfo m, List<QuerySchema.RelationLink> via, JsonNode item,
                               List<String> path, List<OrderBy> out) {
        for (Map.Entry<String, JsonNode> e : item.properties()) {
            String k = e.getKey();
            List<String> p = append(path, k);
            if (m.scalar(k) != null) {
                out.add(scalarOrder(via, m.scalar(k), e.getValue(), p));
            } else if (m.relations().containsKey(k)) {
                QuerySchema.RelationLink link = m.link(m.relations().get(k));
                List<QuerySchema.RelationLink> next = new ArrayList<>(via);
                next.add(link);
                JsonNode v = e.getValue();
                if (!v.isObject()) {
                    throw invalidType(p, k, link.target().name() + "OrderByWithRelationInput", v);
                }
                if (link.toMany()) {
                    for (Map.Entry<String, JsonNode> c : v.properties()) {
                        if (!c.getKey().equals("_count")) {
                            throw unknownInput(append(p, c.getKey()), c.getKey(), List.of("_count"));
                        }
                        out.add(new OrderBy.RelationCount(via, link, direction(c.getValue(), append(p, "_count"))));
                    }
                } else {
                    orderByObject(link.target(), next, v, p, out);
                }
            } else {
                throw unknownInput(p, k, m.fieldNames());
            }
        }
    }

    private OrderBy.Field scalarOrder(List<QuerySchema.RelationLink> via, ScalarField f, JsonNode v,
                                      List<String> path) {
        if (v.isObject()) {
            boolean desc = false;
            String nulls = null;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                List<String> p = append(path, e.getKey());
                switch (e.getKey()) {
                    case "sort" -> desc = direction(e.getValue(), p);
                    case "nulls" -> {
                        String s = e.getValue().isString() ? e.getValue().stringValue() : "";
                        if (!s.equals("first") && !s.equals("last")) {
                            throw new PrismaValidationException("P2009", "InvalidArgumentValue", p,
                                    "Invalid value for " + String.join(".", p) + ": expected 'first' or 'last'.");
                        }
                        nulls = s;
                    }
                    default -> throw unknownInput(p, e.getKey(), List.of("sort", "nulls"));
                }
            }
            if (!v.has("sort")) {
                throw new PrismaValidationException("P2012", "RequiredArgumentMissing", append(path, "sort"),
                        "`" + String.join(".", append(path, "sort")) + "`: A value is required but not set");
            }
            return new OrderBy.Field(via, f, desc, nulls);
        }
        return new OrderBy.Field(via, f, direction(v, path), null);
    }

    private static boolean direction(JsonNode v, List<String> path) {
        String s = v.isString() ? v.stringValue() : "";
        if (!s.equals("asc") && !s.equals("desc")) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                    + String.join(".", path) + ": expected 'asc' or 'desc', got " + v + ".");
        }
        return s.equals("desc");
    }

    private Map<ScalarField, TypedValue> cursor(QuerySchema.ModelInfo m, JsonNode node, List<String> path) {
        Filter f = parseWhere(m, node, path, true);
        Map<ScalarField, TypedValue> out = new LinkedHashMap<>();
        List<Filter> parts = f instanceof Filter.And a ? a.filters() : List.of(f);
        for (Filter part : parts) {
            if (part instanceof Filter.Scalar s && s.op().equals("equals") && s.value() instanceof TypedValue v) {
                out.put(s.field().field(), v);
            } else {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", path,
                        "A cursor takes only unique field values (at " + String.join(".", path) + ").");
            }
        }
        return out;
    }

    private static List<ScalarField> distinct(QuerySchema.ModelInfo m, JsonNode node, List<String> path) {
        List<ScalarField> out = new ArrayList<>();
        for (JsonNode item : list(node)) {
            String name = item.isString() ? item.stringValue() : null;
            if (name == null || m.scalar(name) == null) {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                        + String.join(".", path) + ": " + item + " is not a scalar field of " + m.name() + "."
                        + (name == null ? "" : Suggest.didYouMean(name, m.scalars().keySet())));
            }
            out.add(m.scalar(name));
        }
        return out;
    }

    static Integer intArg(JsonNode v, List<String> path, boolean nonNegative) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw invalidType(path, last(path), "Int", v);
        }
        if (nonNegative && v.intValue() < 0) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                    + String.join(".", path) + ": must be a non-negative integer, got " + v + ".");
        }
        // take: -2147483648 has no positive counterpart in an int; -2147483647 means the same on any real table
        return v.intValue() == Integer.MIN_VALUE ? -Integer.MAX_VALUE : v.intValue();
    }

    static boolean bool(JsonNode v, List<String> path) {
        if (!v.isBoolean()) {
            throw invalidType(path, last(path), "Boolean", v);
        }
        return v.booleanValue();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<JsonNode> list(JsonNode v) {
        if (v.isArray()) {
            return new ArrayList<>(v.values());
        }
        return List.of(v);
    }

    static List<String> append(List<String> path, String key) {
        String[] out = path.toArray(new String[path.size() + 1]);
        out[path.size()] = key;
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    static String last(List<String> path) {
        return path.isEmpty() ? "arguments" : path.get(path.size() - 1);
    }

    private static String pathString(List<String> path, String key) {
        return String.join(".", append(path, key));
    }

    private static Set<String> withFirst(String first, java.util.Collection<String> rest) {
        Set<String> out = new LinkedHashSet<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static String typeName(ScalarField f) {
        if (f.type() instanceof Datamodel.EnumRef e) {
            return "Enum" + e.enumName();
        }
        return ((Datamodel.BuiltIn) f.type()).type().name();
    }

    private static String filterTypes(ScalarField f) {
        String t = f.type() instanceof Datamodel.EnumRef e ? e.enumName() : typeName(f);
        String filter = typeName(f) + (f.arity() == Datamodel.Arity.OPTIONAL ? "Nullable" : "") + "Filter";
        return "`" + f.name() + "` should be of any of the following types: `" + filter + "`, `" + t + "`";
    }

    private static String inferred(JsonNode v) {
        if (v == null || v.isNull()) {
            return "Null";
        }
        if (v.isString()) {
            return "String";
        }
        if (v.isBoolean()) {
            return "Boolean";
        }
        if (v.isIntegralNumber()) {
            return "Int";
        }
        if (v.isNumber()) {
            return "Float";
        }
        return v.isArray() ? "List" : "Object";
    }

    static PrismaValidationException invalidType(List<String> path, String name, String expected,
                                                         JsonNode v) {
        String exp = expected.startsWith("`") ? expected : "`" + name + "` should be of any of the following "
                + "types: `" + expected + "`";
        return new PrismaValidationException("P2009", "InvalidArgumentType", path, "Invalid argument type at "
                + (path.isEmpty() ? "the top level" : String.join(".", path)) + ": " + exp + ", got "
                + inferred(v) + ".");
    }

    static PrismaValidationException unknownInput(List<String> path, String name,
                                                          java.util.Collection<String> candidates) {
        List<String> parent = path.subList(0, path.size() - 1);
        return new PrismaValidationException("P2009", "UnknownInputField", path, "Unknown argument '" + name
                + "' in " + (parent.isEmpty() ? "arguments" : String.join(".", parent)) + "."
                + Suggest.didYouMean(name, candidates));
    }

    private static PrismaValidationException unknownField(List<String> path, String name,
                                                          java.util.Collection<String> candidates, String type) {
        List<String> parent = path.subList(0, path.size() - 1);
        return new PrismaValidationException("P2009", "UnknownSelectionField", path, "Unknown field '" + name
                + "' in " + String.join(".", parent) + ": field '" + name + "' not found in enclosing type '" + type
                + "'." + Suggest.didYouMean(name, candidates));
    }
}
