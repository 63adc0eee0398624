package dev.prismaspring.query.fuzz;

import dev.prismaspring.query.ArgumentParser;
import dev.prismaspring.query.QuerySchema;
import dev.prismaspring.query.QuerySchema.ModelInfo;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argument trees for the read operations, built from the schema: filters on real fields with values of the right
 * type (scalar operators, {@code AND}/{@code OR}/{@code NOT}, relation filters {@code some}/{@code every}/
 * {@code none}/{@code is}/{@code isNot}), {@code orderBy} (scalars, to-one relation fields, to-many counts),
 * {@code cursor}/{@code skip}/{@code take}/{@code distinct}, nested {@code select}/{@code include}/{@code omit} with
 * {@code _count}, and the aggregate arguments. Its filter and selection builders are public so that a generator
 * for writes can reuse them for {@code where} and {@code select}.
 */
public final class ReadArgumentGenerator implements ArgumentTreeGenerator {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final List<String> LOGICAL = List.of("AND", "OR", "NOT");
    private static final List<String> AGGREGATES = List.of("_count", "_avg", "_sum", "_min", "_max");

    /**
     * Relation hops in the deep filters. PostgreSQL's planner takes minutes over ~15 nested EXISTS (found by this
     * fuzzer; see docs/reliability.md), so the deep chains nest mostly through AND/OR/NOT.
     */
    private static final int MAX_DEEP_HOPS = 3;

    /** Nesting depth of generated filters and selections (relations, logical operators). */
    private final int depth;

    public ReadArgumentGenerator(int depth) {
        this.depth = depth;
    }

    @Override
    public List<String> operations() {
        return List.of("findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count",
                "aggregate", "groupBy");
    }

    @Override
    public ObjectNode arguments(FuzzContext c, ModelInfo m, String operation) {
        ObjectNode args = switch (operation) {
            case "findUnique", "findUniqueOrThrow" -> findUnique(c, m);
            case "findFirst", "findFirstOrThrow", "findMany" -> findMany(c, m);
            case "count" -> count(c, m);
            case "aggregate" -> aggregate(c, m);
            case "groupBy" -> groupBy(c, m);
            default -> throw new IllegalArgumentException(operation);
        };
        if (c.faultHere()) {
            topLevelFault(c, m, operation, args);
        }
        return args;
    }

    private void topLevelFault(FuzzContext c, ModelInfo m, String operation, ObjectNode args) {
        switch (c.nextInt(3)) {
            case 0 -> c.addUnknownKey(args, new ArrayList<>(args.propertyNames()).isEmpty() ? List.of("where")
                    : new ArrayList<>(args.propertyNames()), operation + " arguments");
            case 1 -> {
                if (operation.startsWith("find")) {
                    args.put("relationLoadStrategy", c.pick("lateral", "JOIN", ""));
                    c.fault("unknown relationLoadStrategy");
                } else {
                    args.put("relationLoadStrategy", "join");
                    c.fault("relationLoadStrategy on " + operation);
                }
            }
            default -> {
                String key = c.pick("take", "skip");
                args.set(key, c.pick(N.numberNode(1.5), N.stringNode("10"), N.numberNode(2147483648L),
                        N.booleanNode(true), N.objectNode()));
                if (key.equals("skip") && c.chance(0.5)) {
                    args.put("skip", -1);
                }
                c.fault("invalid " + key);
                if (operation.equals("groupBy") && !args.has("orderBy")) {
                    args.set("orderBy", N.objectNode().put(byNames(args).get(0), "asc"));
                }
                if (operation.startsWith("findUnique")) {
                    args.remove(key);
                    args.set("orderBy", N.objectNode().put(m.primaryKey().get(0).name(), "asc"));
                    c.fault("findUnique with orderBy");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- operations

    private ObjectNode findUnique(FuzzContext c, ModelInfo m) {
        ObjectNode args = c.object();
        if (c.faultHere()) {
            c.fault("findUnique without where");
        } else {
            args.set("where", whereUnique(c, m, depth - 1, "where"));
        }
        selection(c, m, depth, args, "");
        return args;
    }

    private ObjectNode findMany(FuzzContext c, ModelInfo m) {
        ObjectNode args = c.object();
        listArguments(c, m, depth, args, "", true);
        selection(c, m, depth, args, "");
        return args;
    }

    /** where, orderBy, cursor, skip, take (and distinct) of a list read, each present by chance. */
    private void listArguments(FuzzContext c, ModelInfo m, int d, ObjectNode args, String at, boolean distinct) {
        if (c.chance(0.6)) {
            args.set("where", where(c, m, d, at + "where"));
        }
        if (c.chance(0.4)) {
            args.set("orderBy", orderBy(c, m, d, at + "orderBy"));
        }
        if (c.chance(0.15)) {
            args.set("cursor", cursor(c, m, at + "cursor"));
        }
        if (c.chance(0.25)) {
            args.set("skip", skip(c, at + "skip"));
        }
        if (c.chance(0.3)) {
            args.set("take", take(c, at + "take"));
        }
        if (distinct && c.chance(0.15)) {
            args.set("distinct", distinct(c, m, at + "distinct"));
        }
    }

    private ObjectNode count(FuzzContext c, ModelInfo m) {
        ObjectNode args = c.object();
        listArguments(c, m, depth, args, "", false);
        if (c.chance(0.4)) {
            ObjectNode select = c.object();
            select.put("_all", c.chance(0.7));
            for (ScalarField f : c.subset(scalars(m), 0)) {
                select.put(f.name(), c.chance(0.8));
            }
            if (c.faultHere()) {
                faultInCountSelect(c, m, select);
            }
            args.set("select", select);
        }
        return args;
    }

    private void faultInCountSelect(FuzzContext c, ModelInfo m, ObjectNode select) {
        if (c.chance(0.5)) {
            c.addUnknownKey(select, fieldNamesWith(m, "_all"), "count select");
        } else {
            String rel = relations(m).isEmpty() ? "_count" : relations(m).get(0).name();
            select.put(rel, true);
            c.fault("relation '" + rel + "' in count select");
        }
    }

    private ObjectNode aggregate(FuzzContext c, ModelInfo m) {
        ObjectNode args = c.object();
        listArguments(c, m, depth, args, "", false);
        aggregates(c, m, args, "");
        return args;
    }

    private void aggregates(FuzzContext c, ModelInfo m, ObjectNode args, String at) {
        for (String fn : AGGREGATES) {
            if (!c.chance(0.35)) {
                continue;
            }
            List<ScalarField> candidates = scalars(m).stream().filter(f -> aggregatable(fn, f)).toList();
            if (fn.equals("_count") && c.chance(0.3)) {
                args.put("_count", true);
                continue;
            }
            ObjectNode sel = c.object();
            if (fn.equals("_count") && c.chance(0.5)) {
                sel.put("_all", true);
            }
            for (ScalarField f : c.subset(candidates, 1)) {
                sel.put(f.name(), c.chance(0.85));
            }
            if (c.faultHere()) {
                List<ScalarField> wrong = scalars(m).stream().filter(f -> !aggregatable(fn, f)).toList();
                if (!wrong.isEmpty() && c.chance(0.6)) {
                    ScalarField f = c.pick(wrong);
                    sel.put(f.name(), true);
                    c.fault(fn + " of " + f.name() + " (not aggregatable that way)");
                } else if (c.chance(0.5)) {
                    sel.put(candidates.isEmpty() ? "id" : candidates.get(0).name(), "yes");
                    c.fault(fn + " with a non-boolean");
                } else {
                    args.put(fn, c.pick(1, 0));
                    c.fault(fn + " as a number");
                    continue;
                }
            }
            if (!sel.isEmpty()) {
                args.set(fn, sel);
            }
        }
    }

    private ObjectNode groupBy(FuzzContext c, ModelInfo m) {
        ObjectNode args = c.object();
        List<ScalarField> by = c.subset(scalars(m), 1).subList(0, 1);
        if (c.chance(0.4)) {
            by = c.subset(scalars(m), 2);
        }
        ArrayNode byNode = c.array();
        by.forEach(f -> byNode.add(f.name()));
        args.set("by", by.size() == 1 && c.chance(0.3) ? N.stringNode(by.get(0).name()) : byNode);
        if (c.chance(0.5)) {
            args.set("where", where(c, m, depth, "where"));
        }
        if (c.chance(0.4)) {
            args.set("having", having(c, m, by, "having"));
        }
        aggregates(c, m, args, "");
        boolean ordered = false;
        if (c.chance(0.5)) {
            ArrayNode order = c.array();
            for (ScalarField f : c.subset(by, 1)) {
                order.add(N.objectNode().put(f.name(), c.pick("asc", "desc")));
            }
            if (c.chance(0.4)) {
                String fn = c.pick(AGGREGATES);
                List<ScalarField> candidates = scalars(m).stream().filter(f -> aggregatable(fn, f)).toList();
                if (!candidates.isEmpty()) {
                    ObjectNode agg = N.objectNode().put(c.pick(candidates).name(), c.pick("asc", "desc"));
                    order.add(N.objectNode().set(fn, agg));
                }
            }
            args.set("orderBy", order);
            ordered = true;
        }
        if (ordered && c.chance(0.4)) {
            args.set("skip", skip(c, "skip"));
        }
        if (ordered && c.chance(0.4)) {
            args.set("take", take(c, "take"));
        }
        if (c.faultHere()) {
            List<ScalarField> notBy = scalars(m).stream().filter(f -> !byNames(args).contains(f.name())).toList();
            switch (c.nextInt(5)) {
                case 0 -> {
                    args.remove("by");
                    c.fault("groupBy without by");
                }
                case 1 -> {
                    args.set("by", c.pick(N.arrayNode().add(relationOrAny(m)), N.arrayNode().add(7),
                            N.stringNode(c.misspell(by.get(0).name()))));
                    c.fault("by names no scalar field");
                }
                case 2 -> {
                    if (notBy.isEmpty()) {
                        args.remove("by");
                        c.fault("groupBy without by");
                    } else {
                        args.set("orderBy", N.objectNode().put(c.pick(notBy).name(), "asc"));
                        c.fault("orderBy field not in by");
                    }
                }
                case 3 -> {
                    args.remove("orderBy");
                    args.put(c.pick("skip", "take"), 1);
                    c.fault("skip/take without orderBy in groupBy");
                }
                default -> {
                    if (notBy.isEmpty()) {
                        args.remove("by");
                        c.fault("groupBy without by");
                    } else {
                        ScalarField f = c.pick(notBy);
                        ObjectNode having = args.has("having") ? (ObjectNode) args.get("having") : c.object();
                        having.set(f.name(), N.objectNode().set("equals", c.values().valid(c, m, f)));
                        args.set("having", having);
                        c.fault("having filters on '" + f.name() + "', which is not in by and not aggregated");
                    }
                }
            }
        }
        return args;
    }

    private static List<String> byNames(ObjectNode args) {
        JsonNode by = args.get("by");
        List<String> out = new ArrayList<>();
        if (by == null) {
            return out;
        }
        if (by.isString()) {
            out.add(by.stringValue());
        } else {
            by.values().forEach(v -> out.add(v.asString()));
        }
        return out;
    }

    private String relationOrAny(ModelInfo m) {
        return m.relations().isEmpty() ? "nope" : m.relations().keySet().iterator().next();
    }

    private ObjectNode having(FuzzContext c, ModelInfo m, List<ScalarField> by, String at) {
        ObjectNode having = c.object();
        for (int i = c.between(1, 2); i > 0; i--) {
            if (c.chance(0.5)) {
                ScalarField f = c.pick(by);
                if (having.has(f.name())) {
                    continue;
                }
                having.set(f.name(), scalarFilter(c, m, f, 0, at + "." + f.name()));
            } else {
                String fn = c.pick(AGGREGATES);
                List<ScalarField> candidates = scalars(m).stream().filter(f -> aggregatable(fn, f)
                        && f.type() instanceof Datamodel.BuiltIn b && b.type() == ScalarType.Int).toList();
                if (candidates.isEmpty()) {
                    continue;
                }
                ScalarField f = c.pick(candidates);
                if (having.has(f.name())) {
                    continue;
                }
                ObjectNode inner = N.objectNode();
                inner.set(c.pick("gt", "lte", "equals", "not"), N.numberNode(c.between(0, 5)));
                having.set(f.name(), N.objectNode().set(fn, inner));
            }
        }
        if (c.chance(0.2)) {
            having.set(c.pick(LOGICAL), N.arrayNode().add(having.deepCopy()));
        }
        return having;
    }

    // ---------------------------------------------------------------------------------------------- filters

    /** A WhereInput of {@code m}, nested up to {@code d} levels through relations and logical operators. */
    public ObjectNode where(FuzzContext c, ModelInfo m, int d, String at) {
        return where(c, m, d, at, java.util.Set.of());
    }

    /** As {@link #where(FuzzContext, ModelInfo, int, String)}, without filters on the fields {@code exclude}. */
    public ObjectNode where(FuzzContext c, ModelInfo m, int d, String at, java.util.Set<String> exclude) {
        ObjectNode w = c.object();
        if (d > 0 && c.chance(0.03)) {
            return deepWhere(c, m, c.between(20, 40), at);
        }
        for (int i = c.between(0, 3); i > 0; i--) {
            int kind = c.nextInt(10);
            if (kind < 6 || d <= 0) {
                ScalarField f = c.pick(scalars(m));
                if (w.has(f.name()) || exclude.contains(f.name())) {
                    continue;
                }
                w.set(f.name(), scalarFilter(c, m, f, d, at + "." + f.name()));
            } else if (kind < 8 && !m.relations().isEmpty()) {
                Datamodel.RelationField rf = c.pick(relations(m));
                if (w.has(rf.name())) {
                    continue;
                }
                w.set(rf.name(), relationFilter(c, m, rf, d - 1, at + "." + rf.name()));
            } else {
                String op = c.pick(LOGICAL);
                if (w.has(op)) {
                    continue;
                }
                if (c.chance(0.5)) {
                    w.set(op, where(c, m, d - 1, at + "." + op));
                } else {
                    ArrayNode list = c.array();
                    for (int j = c.between(0, 2); j > 0; j--) {
                        list.add(where(c, m, d - 1, at + "." + op));
                    }
                    w.set(op, list);
                }
            }
        }
        if (c.faultHere()) {
            List<String> known = new ArrayList<>(m.fieldNames());
            known.addAll(LOGICAL);
            c.addUnknownKey(w, known, at);
        }
        return w;
    }

    /**
     * A filter nested {@code levels} deep (NOT/AND/OR and relation hops) ending in a scalar filter, or, as the fault,
     * in an unknown field at the bottom.
     */
    private ObjectNode deepWhere(FuzzContext c, ModelInfo m, int levels, String at) {
        boolean fault = c.faultHere();
        if (fault && c.chance(0.5)) {
            levels = ArgumentParser.MAX_DEPTH + c.between(1, 100);
            c.fault(levels + "-level filter, deeper than the parser's limit, at " + at);
        }
        ModelInfo cur = m;
        List<String> keys = new ArrayList<>();
        int hops = 0;
        for (int i = 0; i < levels; i++) {
            if (!cur.relations().isEmpty() && hops < MAX_DEEP_HOPS && c.chance(0.3)) {
                hops++;
                Datamodel.RelationField rf = c.pick(relations(cur));
                QuerySchema.RelationLink link = cur.link(rf);
                keys.add(rf.name() + "|" + (link.toMany() ? c.pick("some", "every", "none") : c.pick("is", "isNot")));
                cur = link.target();
            } else {
                keys.add(c.pick(LOGICAL));
            }
        }
        ScalarField f = c.pick(scalars(cur));
        ObjectNode node = fault && c.fault() == null ? N.objectNode().put(c.misspell(f.name()), 1)
                : N.objectNode().set(f.name(), c.values().valid(c, cur, f));
        if (fault && c.fault() == null) {
            c.fault("unknown field at the bottom of a " + levels + "-level filter at " + at);
        }
        for (int i = levels - 1; i >= 0; i--) {
            String k = keys.get(i);
            ObjectNode outer = N.objectNode();
            if (k.contains("|")) {
                String[] parts = k.split("\\|");
                outer.set(parts[0], N.objectNode().set(parts[1], node));
            } else {
                outer.set(k, c.chance(0.5) ? node : N.arrayNode().add(node));
            }
            node = outer;
        }
        return node;
    }

    /** A filter on a scalar field: a value, null, or an object of operators fitting the field's type. */
    public JsonNode scalarFilter(FuzzContext c, ModelInfo m, ScalarField f, int d, String at) {
        if (c.faultHere()) {
            return scalarFault(c, m, f, at);
        }
        boolean optional = f.arity() == Datamodel.Arity.OPTIONAL;
        if (c.chance(0.35)) {
            return optional && c.chance(0.15) ? N.nullNode() : c.values().valid(c, m, f);
        }
        ObjectNode ops = c.object();
        List<String> names = operators(c, f);
        for (int i = c.between(1, 2); i > 0; i--) {
            String op = c.pick(names);
            if (ops.has(op)) {
                continue;
            }
            switch (op) {
                case "in", "notIn" -> {
                    ArrayNode list = c.array();
                    for (int j = c.between(0, 3); j > 0; j--) {
                        list.add(c.values().valid(c, m, f));
                    }
                    ops.set(op, list);
                }
                case "not" -> {
                    if (optional && c.chance(0.2)) {
                        ops.set("not", N.nullNode());
                    } else if (d > 0 && c.chance(0.4)) {
                        ops.set("not", scalarFilter(c, m, f, d - 1, at + ".not"));
                    } else {
                        ops.set("not", c.values().valid(c, m, f));
                    }
                }
                case "equals" -> ops.set("equals", optional && c.chance(0.2) ? N.nullNode() : c.values().valid(c, m, f));
                default -> ops.set(op, c.values().valid(c, m, f));
            }
        }
        if (isString(f) && c.schema().dialect().supportsInsensitiveMode() && c.chance(0.3)) {
            ops.put("mode", c.pick("insensitive", "default"));
        }
        return ops;
    }

    private JsonNode scalarFault(FuzzContext c, ModelInfo m, ScalarField f, String at) {
        boolean optional = f.arity() == Datamodel.Arity.OPTIONAL;
        switch (c.nextInt(6)) {
            case 0 -> {
                FuzzValues.Wrong w = c.values().wrong(c, m, f);
                c.fault(w.what() + " at " + at);
                return w.value();
            }
            case 1 -> {
                FuzzValues.Wrong w = c.values().wrong(c, m, f);
                String op = c.pick("equals", "not", "in", "notIn");
                c.fault(w.what() + " at " + at + "." + op);
                return N.objectNode().set(op, op.endsWith("n") || op.equals("notIn")
                        ? N.arrayNode().add(c.values().valid(c, m, f)).add(w.value()) : w.value());
            }
            case 2 -> {
                String op = misplacedOperator(c, f);
                c.fault("operator '" + op + "' does not apply to " + f.name() + " at " + at);
                return N.objectNode().set(op, c.values().valid(c, m, f));
            }
            case 3 -> {
                if (!optional) {
                    c.fault("null for required field at " + at);
                    return c.chance(0.5) ? N.nullNode() : N.objectNode().putNull("equals");
                }
                c.fault("'in' with a boolean at " + at);
                return N.objectNode().put("in", true);
            }
            case 4 -> {
                if (isString(f) && !c.schema().dialect().supportsInsensitiveMode()) {
                    c.fault("mode on a database without insensitive mode at " + at);
                    return N.objectNode().put("contains", "a").put("mode", "insensitive");
                }
                c.fault(isString(f) ? "unknown mode value at " + at : "mode on a non-String field at " + at);
                return N.objectNode().put("equals", c.values().valid(c, m, f).toString())
                        .put("mode", isString(f) ? "sensitive" : "insensitive");
            }
            default -> {
                c.fault("relation filter operator on scalar field at " + at);
                return N.objectNode().set(c.pick("some", "is", "has", "isEmpty"), N.objectNode());
            }
        }
    }

    private static String misplacedOperator(FuzzContext c, ScalarField f) {
        if (isString(f)) {
            return c.pick("has", "hasSome", "isEmpty", "path", "search", "like");
        }
        if (f.type() instanceof Datamodel.EnumRef || isType(f, ScalarType.Boolean)) {
            return c.pick("gt", "lte", "contains", "startsWith");
        }
        return c.pick("contains", "startsWith", "endsWith", "has");
    }

    private List<String> operators(FuzzContext c, ScalarField f) {
        if (isString(f)) {
            return List.of("equals", "in", "notIn", "lt", "lte", "gt", "gte", "contains", "startsWith", "endsWith",
                    "not");
        }
        if (f.type() instanceof Datamodel.EnumRef || isType(f, ScalarType.Boolean) || isType(f, ScalarType.Bytes)) {
            return List.of("equals", "in", "notIn", "not");
        }
        return List.of("equals", "in", "notIn", "lt", "lte", "gt", "gte", "not");
    }

    /** A relation filter: some/every/none for to-many, is/isNot/direct/null for to-one. */
    public JsonNode relationFilter(FuzzContext c, ModelInfo m, Datamodel.RelationField rf, int d, String at) {
        QuerySchema.RelationLink link = m.link(rf);
        ModelInfo target = link.target();
        boolean optional = rf.arity() == Datamodel.Arity.OPTIONAL;
        if (c.faultHere()) {
            if (link.toMany()) {
                switch (c.nextInt(3)) {
                    case 0 -> {
                        c.fault("to-one operator on to-many relation at " + at);
                        return N.objectNode().set(c.pick("is", "isNot"), N.objectNode());
                    }
                    case 1 -> {
                        c.fault("to-many relation filter not an object at " + at);
                        return c.pick(N.nullNode(), N.booleanNode(true), N.arrayNode());
                    }
                    default -> {
                        c.fault("target's field directly on a to-many relation at " + at);
                        ScalarField f = c.pick(scalars(target));
                        return N.objectNode().set(f.name(), c.values().valid(c, target, f));
                    }
                }
            }
            if (c.chance(0.5)) {
                c.fault("to-many operator on to-one relation at " + at);
                return N.objectNode().set(c.pick("some", "every", "none"), N.objectNode());
            }
            c.fault("to-one relation filter not an object at " + at);
            return c.pick(N.booleanNode(true), N.numberNode(1), N.arrayNode().add(N.objectNode()));
        }
        if (link.toMany()) {
            ObjectNode f = c.object();
            for (String op : c.subset(List.of("some", "every", "none"), 1)) {
                f.set(op, c.chance(0.2) ? N.objectNode() : where(c, target, d, at + "." + op));
            }
            return f;
        }
        int choice = c.nextInt(optional ? 5 : 3);
        return switch (choice) {
            case 0 -> N.objectNode().set("is", where(c, target, d, at + ".is"));
            case 1 -> N.objectNode().set("isNot", where(c, target, d, at + ".isNot"));
            case 2 -> where(c, target, d, at);
            case 3 -> N.objectNode().set(c.pick("is", "isNot"), N.nullNode());
            default -> N.nullNode();
        };
    }

    /** A WhereUniqueInput: one unique criterion, sometimes with more filters. */
    public ObjectNode whereUnique(FuzzContext c, ModelInfo m, int d, String at) {
        ObjectNode w = c.object();
        QuerySchema.UniqueKey key = c.pick(m.uniqueKeys());
        if (c.chance(0.3)) {
            java.util.Set<String> keyFields = new java.util.HashSet<>();
            key.fields().forEach(f -> keyFields.add(f.name()));
            w.setAll(where(c, m, d, at, keyFields));
        }
        if (c.faultHere()) {
            List<ScalarField> plain = scalars(m).stream().filter(f -> !isUnique(m, f)).toList();
            ScalarField kf = key.fields().get(0);
            switch (c.nextInt(3)) {
                case 0 -> {
                    w.removeAll();
                    c.fault("empty unique where at " + at);
                }
                case 1 -> {
                    w.removeAll();
                    if (plain.isEmpty()) {
                        c.fault("empty unique where at " + at);
                    } else {
                        ScalarField f = c.pick(plain);
                        w.set(f.name(), c.values().valid(c, m, f));
                        c.fault("unique where on non-unique '" + f.name() + "' at " + at);
                    }
                }
                default -> {
                    w.removeAll();
                    w.set(kf.name(), c.chance(0.5) ? N.nullNode()
                            : N.objectNode().set(c.pick("gt", "in", "not"), c.values().valid(c, m, kf)));
                    c.fault("unique field without an equality at " + at);
                }
            }
            return w;
        }
        if (key.fields().size() == 1) {
            ScalarField f = key.fields().get(0);
            w.set(f.name(), c.chance(0.8) ? c.values().valid(c, m, f)
                    : N.objectNode().set("equals", c.values().valid(c, m, f)));
        } else {
            ObjectNode compound = c.object();
            key.fields().forEach(f -> compound.set(f.name(), c.values().valid(c, m, f)));
            w.set(key.name(), compound);
        }
        return w;
    }

    private static boolean isUnique(ModelInfo m, ScalarField f) {
        return m.uniqueKeys().stream().anyMatch(k -> k.fields().contains(f));
    }

    // ---------------------------------------------------------------------------------------------- ordering, paging

    /** orderBy: an object with one key or a list of such. */
    public JsonNode orderBy(FuzzContext c, ModelInfo m, int d, String at) {
        if (c.chance(0.5)) {
            return orderItem(c, m, d, at);
        }
        ArrayNode list = c.array();
        for (int i = c.between(1, 3); i > 0; i--) {
            list.add(orderItem(c, m, d, at));
        }
        return list;
    }

    private ObjectNode orderItem(FuzzContext c, ModelInfo m, int d, String at) {
        ObjectNode o = c.object();
        if (c.faultHere()) {
            ScalarField f = c.pick(scalars(m));
            switch (c.nextInt(5)) {
                case 0 -> {
                    o.set(f.name(), c.pick(N.stringNode("ascending"), N.stringNode("ASC"), N.numberNode(1),
                            N.booleanNode(true), N.nullNode()));
                    c.fault("invalid sort direction at " + at);
                }
                case 1 -> {
                    o.set(f.name(), N.objectNode().put("nulls", "last"));
                    c.fault("sort order without sort at " + at);
                }
                case 2 -> {
                    o.set(f.name(), N.objectNode().put("sort", "asc").put("nulls", "middle"));
                    c.fault("invalid nulls at " + at);
                }
                case 3 -> {
                    QuerySchema.RelationLink link = relations(m).isEmpty() ? null : m.link(c.pick(relations(m)));
                    if (link != null && link.toMany()) {
                        o.set(link.field().name(), N.objectNode().put(scalars(link.target()).get(0).name(), "asc"));
                        c.fault("to-many relation ordered by a field at " + at);
                    } else if (link != null) {
                        o.set(link.field().name(), N.objectNode().put("_count", "asc"));
                        c.fault("to-one relation ordered by _count at " + at);
                    } else {
                        c.addUnknownKey(o, m.fieldNames(), at);
                    }
                }
                default -> c.addUnknownKey(o, m.fieldNames(), at);
            }
            return o;
        }
        int kind = c.nextInt(10);
        if (kind < 6 || d <= 0 || m.relations().isEmpty()) {
            ScalarField f = c.pick(scalars(m));
            if (f.arity() == Datamodel.Arity.OPTIONAL && c.chance(0.4)) {
                o.set(f.name(), N.objectNode().put("sort", c.pick("asc", "desc")).put("nulls", c.pick("first", "last")));
            } else {
                o.put(f.name(), c.pick("asc", "desc"));
            }
            return o;
        }
        Datamodel.RelationField rf = c.pick(relations(m));
        QuerySchema.RelationLink link = m.link(rf);
        if (link.toMany()) {
            o.set(rf.name(), N.objectNode().put("_count", c.pick("asc", "desc")));
        } else {
            o.set(rf.name(), orderItem(c, link.target(), d - 1, at + "." + rf.name()));
        }
        return o;
    }

    /** A cursor: a unique criterion with plain values. */
    public ObjectNode cursor(FuzzContext c, ModelInfo m, String at) {
        ObjectNode cur = c.object();
        QuerySchema.UniqueKey key = c.pick(m.uniqueKeys());
        if (c.faultHere()) {
            ScalarField f = key.fields().get(0);
            if (c.chance(0.5)) {
                cur.set(f.name(), N.objectNode().set(c.pick("gt", "in", "contains"), c.values().valid(c, m, f)));
                c.fault("cursor with an operator at " + at);
            } else {
                c.fault("empty cursor at " + at);
            }
            return cur;
        }
        if (key.fields().size() == 1) {
            cur.set(key.fields().get(0).name(), c.values().valid(c, m, key.fields().get(0)));
        } else {
            ObjectNode compound = c.object();
            key.fields().forEach(f -> compound.set(f.name(), c.values().valid(c, m, f)));
            cur.set(key.name(), compound);
        }
        return cur;
    }

    public JsonNode skip(FuzzContext c, String at) {
        if (c.faultHere()) {
            c.fault("invalid skip at " + at);
            return c.pick(N.numberNode(-1), N.numberNode(Integer.MIN_VALUE), N.numberNode(0.5), N.stringNode("1"));
        }
        return N.numberNode((int) (c.chance(0.9) ? c.between(0, 6) : c.pick(1000, Integer.MAX_VALUE)));
    }

    public JsonNode take(FuzzContext c, String at) {
        if (c.faultHere()) {
            c.fault("invalid take at " + at);
            return c.pick(N.numberNode(2147483648L), N.numberNode(-2147483649L), N.numberNode(1.5),
                    N.stringNode("10"), N.booleanNode(false), N.arrayNode().add(1));
        }
        return N.numberNode((int) (c.chance(0.85) ? c.between(-4, 6)
                : c.pick(Integer.MAX_VALUE, Integer.MIN_VALUE, -Integer.MAX_VALUE, 100000)));
    }

    public JsonNode distinct(FuzzContext c, ModelInfo m, String at) {
        if (c.faultHere()) {
            c.fault("distinct on no scalar field at " + at);
            return c.pick(N.stringNode(relationOrAny(m)), N.stringNode(c.misspell(scalars(m).get(0).name())),
                    N.numberNode(1), N.arrayNode().add(N.objectNode()));
        }
        List<ScalarField> fs = c.subset(scalars(m), 1);
        if (fs.size() == 1 && c.chance(0.5)) {
            return N.stringNode(fs.get(0).name());
        }
        ArrayNode a = c.array();
        fs.forEach(f -> a.add(f.name()));
        return a;
    }

    // ---------------------------------------------------------------------------------------------- selection

    /** Sets select, include and/or omit (or none) on {@code args}. */
    public void selection(FuzzContext c, ModelInfo m, int d, ObjectNode args, String at) {
        int mode = c.nextInt(6);
        switch (mode) {
            case 0, 1 -> args.set("select", select(c, m, d, at + "select"));
            case 2 -> args.set("include", include(c, m, d, at + "include"));
            case 3 -> args.set("omit", omit(c, m));
            case 4 -> {
                args.set("include", include(c, m, d, at + "include"));
                args.set("omit", omit(c, m));
            }
            default -> {
            }
        }
        if (c.faultHere()) {
            switch (c.nextInt(4)) {
                case 0 -> {
                    args.set("select", select(c, m, 0, at + "select"));
                    args.set(c.pick("include", "omit"), c.chance(0.5) && !m.relations().isEmpty()
                            ? include(c, m, 0, at + "include") : omit(c, m));
                    c.fault("select together with include/omit at " + (at.isEmpty() ? "top level" : at));
                }
                case 1 -> {
                    ObjectNode empty = c.object();
                    if (c.chance(0.5)) {
                        scalars(m).forEach(f -> empty.put(f.name(), false));
                    }
                    args.remove(List.of("include", "omit"));
                    args.set("select", empty);
                    c.fault("empty selection at " + at + "select");
                }
                case 2 -> {
                    args.remove(List.of("include", "omit"));
                    args.set("select", c.pick(N.stringNode(scalars(m).get(0).name()), N.booleanNode(true),
                            N.arrayNode().add(scalars(m).get(0).name())));
                    c.fault("select not an object at " + at);
                }
                default -> {
                    args.remove(List.of("select"));
                    args.set("include", N.objectNode().put(scalars(m).get(0).name(), true));
                    c.fault("include of a scalar field at " + at);
                }
            }
        }
    }

    private ObjectNode select(FuzzContext c, ModelInfo m, int d, String at) {
        ObjectNode s = c.object();
        for (ScalarField f : scalars(m)) {
            if (c.chance(0.4)) {
                s.put(f.name(), c.chance(0.85));
            }
        }
        relationSelections(c, m, d, s, at);
        if (!s.properties().stream().anyMatch(e -> !e.getValue().isBoolean() || e.getValue().booleanValue())) {
            s.put(c.pick(scalars(m)).name(), true);
        }
        if (c.faultHere()) {
            if (c.chance(0.5)) {
                ScalarField f = c.pick(scalars(m));
                s.set(f.name(), N.objectNode().set("select", N.objectNode().put("x", true)));
                c.fault("selection set on scalar '" + f.name() + "' at " + at);
            } else {
                List<String> known = new ArrayList<>(m.fieldNames());
                known.add("_count");
                c.addUnknownKey(s, known, at);
            }
        }
        return s;
    }

    private ObjectNode include(FuzzContext c, ModelInfo m, int d, String at) {
        ObjectNode s = c.object();
        relationSelections(c, m, d, s, at);
        if (c.faultHere()) {
            List<String> known = new ArrayList<>(m.relations().keySet());
            known.add("_count");
            c.addUnknownKey(s, known, at);
        }
        return s;
    }

    private void relationSelections(FuzzContext c, ModelInfo m, int d, ObjectNode s, String at) {
        if (d <= 0) {
            return;
        }
        for (Datamodel.RelationField rf : relations(m)) {
            if (c.chance(0.4)) {
                s.set(rf.name(), c.chance(0.3) ? N.booleanNode(c.chance(0.8))
                        : relationArgs(c, m.link(rf), d - 1, at + "." + rf.name()));
            }
        }
        List<Datamodel.RelationField> toMany = relations(m).stream().filter(r -> m.link(r).toMany()).toList();
        if (!toMany.isEmpty() && c.chance(0.2)) {
            if (c.chance(0.4)) {
                s.put("_count", true);
            } else {
                ObjectNode counts = c.object();
                for (Datamodel.RelationField rf : c.subset(toMany, 1)) {
                    counts.set(rf.name(), c.chance(0.5) ? N.booleanNode(true)
                            : N.objectNode().set("where", where(c, m.link(rf).target(), d - 1,
                            at + "._count.select." + rf.name() + ".where")));
                }
                if (c.faultHere()) {
                    c.addUnknownKey(counts, m.relations().keySet().stream().toList(), at + "._count.select");
                }
                s.set("_count", N.objectNode().set("select", counts));
            }
        }
    }

    private ObjectNode relationArgs(FuzzContext c, QuerySchema.RelationLink link, int d, String at) {
        ObjectNode args = c.object();
        ModelInfo target = link.target();
        if (link.toMany()) {
            listArguments(c, target, d, args, at + ".", true);
        }
        selection(c, target, d, args, at + ".");
        if (c.faultHere()) {
            if (!link.toMany()) {
                args.set(c.pick("where", "take", "orderBy", "skip"), c.pick(N.objectNode(), N.numberNode(1)));
                c.fault("list argument on to-one relation at " + at);
            } else {
                c.addUnknownKey(args, List.of("where", "orderBy", "cursor", "take", "skip", "distinct", "select",
                        "include", "omit"), at);
            }
        }
        return args;
    }

    private ObjectNode omit(FuzzContext c, ModelInfo m) {
        ObjectNode o = c.object();
        List<ScalarField> fs = scalars(m);
        int trues = 0;
        for (ScalarField f : fs) {
            if (c.chance(0.3)) {
                boolean on = trues < fs.size() - 1 && c.chance(0.8);
                trues += on ? 1 : 0;
                o.put(f.name(), on);
            }
        }
        if (c.faultHere()) {
            if (!m.relations().isEmpty() && c.chance(0.5)) {
                o.put(relationOrAny(m), true);
                c.fault("omit of a relation");
            } else {
                c.addUnknownKey(o, fs.stream().map(ScalarField::name).toList(), "omit");
            }
        }
        return o;
    }

    // ---------------------------------------------------------------------------------------------- schema facts

    static List<ScalarField> scalars(ModelInfo m) {
        return List.copyOf(m.scalars().values());
    }

    static List<Datamodel.RelationField> relations(ModelInfo m) {
        return List.copyOf(m.relations().values());
    }

    private static List<String> fieldNamesWith(ModelInfo m, String extra) {
        List<String> out = new ArrayList<>(m.fieldNames());
        out.add(extra);
        return out;
    }

    static boolean isString(ScalarField f) {
        return isType(f, ScalarType.String);
    }

    static boolean isType(ScalarField f, ScalarType t) {
        return f.type() instanceof Datamodel.BuiltIn b && b.type() == t && f.arity() != Datamodel.Arity.LIST;
    }

    static boolean aggregatable(String fn, ScalarField f) {
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
}
