package dev.prismaspring.query;

import static dev.prismaspring.query.ArgumentParser.append;
import static dev.prismaspring.query.ArgumentParser.invalidType;
import static dev.prismaspring.query.ArgumentParser.list;
import static dev.prismaspring.query.ArgumentParser.unknownInput;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Validates the arguments of write operations into a {@link Query.Write}: {@code data} (scalar values, atomic
 * operations, scalar-list operations, Json null sentinels, nested writes per relation kind), unique criteria and
 * selections. Every problem is a {@link PrismaValidationException} naming the path, raised before any SQL runs.
 */
final class WriteParser {

    private static final List<String> NUMERIC_OPS = List.of("set", "increment", "decrement", "multiply", "divide");

    private final QuerySchema schema;
    private final ArgumentParser reads;

    WriteParser(QuerySchema schema, ArgumentParser reads) {
        this.schema = schema;
        this.reads = reads;
    }

    /** How a relation is stored, seen from the model that declares the relation field. */
    enum Side {
        /** The other model holds the foreign key (1-n from the "one" side, or the back side of 1-1). */
        CHILD_HOLDS_FK,
        /** This model holds the foreign key ({@code @relation(fields: ...)}). */
        PARENT_HOLDS_FK,
        /** An implicit many-to-many join table. */
        JOIN_TABLE
    }

    static Side side(QuerySchema.RelationLink link) {
        if (link.manyToMany()) {
            return Side.JOIN_TABLE;
        }
        return link.field().fields().isEmpty() ? Side.CHILD_HOLDS_FK : Side.PARENT_HOLDS_FK;
    }

    Query.Write parse(QuerySchema.ModelInfo m, String op, JsonNode node) {
        List<String> sel = List.of("select", "include", "omit");
        switch (op) {
            case "create" -> {
                ArgumentParser.checkArgs(node, with(sel, "data"), op);
                JsonNode data = required(node, "data");
                return write(op, m, null, createData(m, data, List.of("data"), null, true), null, null, false, null,
                        null, reads.selection(m, node, List.of()));
            }
            case "createMany", "createManyAndReturn" -> {
                boolean returning = op.equals("createManyAndReturn");
                if (returning && !schema.dialect().supportsReturning()) {
                    throw new PrismaValidationException("P2009", "UnknownOperation", List.of(), "The operation '"
                            + op + "' is not available for provider " + schema.provider().name().toLowerCase()
                            + " (it has no INSERT ... RETURNING), as in Prisma. Use createMany, then findMany.");
                }
                ArgumentParser.checkArgs(node, returning ? with(sel, "data", "skipDuplicates")
                        : List.of("data", "skipDuplicates"), op);
                List<WriteData> rows = rows(m, required(node, "data"), List.of("data"), null);
                boolean skip = node.has("skipDuplicates") && ArgumentParser.bool(node.get("skipDuplicates"),
                        List.of("skipDuplicates"));
                return write(op, m, null, null, rows, null, skip, null, null,
                        returning ? reads.selection(m, node, List.of()) : null);
            }
            case "update" -> {
                ArgumentParser.checkArgs(node, with(sel, "where", "data"), op);
                Filter where = reads.parseWhere(m, required(node, "where"), List.of("where"), true);
                WriteData data = updateData(m, required(node, "data"), List.of("data"), null, true);
                return write(op, m, where, data, null, null, false, null, null, reads.selection(m, node, List.of()));
            }
            case "updateMany", "updateManyAndReturn" -> {
                boolean returning = op.equals("updateManyAndReturn");
                if (returning && !schema.dialect().supportsReturning()) {
                    throw new PrismaValidationException("P2009", "UnknownOperation", List.of(), "The operation '"
                            + op + "' is not available for provider " + schema.provider().name().toLowerCase()
                            + ", as in Prisma. Use updateMany, then findMany.");
                }
                ArgumentParser.checkArgs(node, returning ? with(sel, "where", "data", "limit")
                        : List.of("where", "data", "limit"), op);
                Filter where = node.has("where") ? reads.parseWhere(m, node.get("where"), List.of("where"), false)
                        : new Filter.Const(true);
                WriteData data = updateData(m, required(node, "data"), List.of("data"), null, false);
                Integer limit = limit(node);
                return write(op, m, where, data, null, null, false, limit, null,
                        returning ? reads.selection(m, node, List.of()) : null);
            }
            case "upsert" -> {
                ArgumentParser.checkArgs(node, with(sel, "where", "create", "update"), op);
                JsonNode whereNode = required(node, "where");
                Filter where = reads.parseWhere(m, whereNode, List.of("where"), true);
                WriteData create = createData(m, required(node, "create"), List.of("create"), null, true);
                WriteData update = updateData(m, required(node, "update"), List.of("update"), null, true);
                List<ScalarField> conflict = nativeUpsertKey(m, whereNode, required(node, "create"), create, update);
                return write(op, m, where, create, null, update, false, null, conflict,
                        reads.selection(m, node, List.of()));
            }
            case "delete" -> {
                ArgumentParser.checkArgs(node, with(sel, "where"), op);
                Filter where = reads.parseWhere(m, required(node, "where"), List.of("where"), true);
                return write(op, m, where, null, null, null, false, null, null, reads.selection(m, node, List.of()));
            }
            case "deleteMany" -> {
                ArgumentParser.checkArgs(node, List.of("where", "limit"), op);
                Filter where = node.has("where") ? reads.parseWhere(m, node.get("where"), List.of("where"), false)
                        : new Filter.Const(true);
                return write(op, m, where, null, null, null, false, limit(node), null, null);
            }
            case "upsertMany" -> {
                ArgumentParser.checkArgs(node, List.of("data", "where", "update"), op);
                List<WriteData> rows = rows(m, required(node, "data"), List.of("data"), null);
                List<ScalarField> key = upsertManyKey(m, node.get("where"));
                for (int i = 0; i < rows.size(); i++) {
                    for (ScalarField f : key) {
                        if (!(rows.get(i).scalars().get(f) instanceof WriteData.Set)) {
                            throw missing(List.of("data", String.valueOf(i), f.name()), f.name(),
                                    " (it is part of the unique criterion the upsert matches on)");
                        }
                    }
                }
                WriteData update = node.has("update") && !node.get("update").isNull()
                        ? updateData(m, node.get("update"), List.of("update"), null, false) : null;
                return write(op, m, null, null, rows, update, false, null, key, null);
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    private static Query.Write write(String op, QuerySchema.ModelInfo m, Filter where, WriteData data,
                                     List<WriteData> rows, WriteData update, boolean skip, Integer limit,
                                     List<ScalarField> conflict, Query.Selection selection) {
        return new Query.Write(op, m, where, data, rows, update, skip, limit, conflict, selection);
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> out = new ArrayList<>(List.of(more));
        out.addAll(base);
        return out;
    }

    private static JsonNode required(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new PrismaValidationException("P2012", "RequiredArgumentMissing", List.of(name),
                    "`" + name + "`: A value is required but not set");
        }
        return v;
    }

    private static Integer limit(JsonNode node) {
        return node.has("limit") && !node.get("limit").isNull()
                ? ArgumentParser.intArg(node.get("limit"), List.of("limit"), true) : null;
    }

    private List<WriteData> rows(QuerySchema.ModelInfo m, JsonNode node, List<String> path,
                                 QuerySchema.RelationLink from) {
        List<WriteData> rows = new ArrayList<>();
        List<JsonNode> items = list(node);
        for (int i = 0; i < items.size(); i++) {
            rows.add(createData(m, items.get(i), node.isArray() ? append(path, String.valueOf(i)) : path, from,
                    false));
        }
        return rows;
    }

    /** {@code where: "email"} (a unique criterion name) or absent (the id). */
    private static List<ScalarField> upsertManyKey(QuerySchema.ModelInfo m, JsonNode where) {
        List<QuerySchema.UniqueKey> keys = m.uniqueKeys();
        if (where == null || where.isNull()) {
            if (keys.isEmpty()) {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", List.of("where"),
                        "Model " + m.name() + " has no unique criterion to upsert on.");
            }
            return keys.get(0).fields();
        }
        List<String> names = keys.stream().map(QuerySchema.UniqueKey::name).toList();
        if (!where.isString()) {
            throw invalidType(List.of("where"), "where", "`where` should be the name of a unique criterion ("
                    + String.join(", ", names) + ")", where);
        }
        return keys.stream().filter(k -> k.name().equals(where.stringValue())).findFirst()
                .map(QuerySchema.UniqueKey::fields)
                .orElseThrow(() -> new PrismaValidationException("P2009", "InvalidArgumentValue", List.of("where"),
                        "Unknown unique criterion '" + where.stringValue() + "' of " + m.name() + "."
                                + Suggest.didYouMean(where.stringValue(), names)
                                + " Known: " + String.join(", ", names) + "."));
    }

    // ------------------------------------------------------------------------------------------ native upsert rule

    /**
     * Prisma's rule for a native upsert: no nested writes in create or update, the where has exactly one unique
     * criterion (and nothing else) whose values equal the create data; here also: update does not change those
     * fields (so that the record is found again by them).
     */
    private List<ScalarField> nativeUpsertKey(QuerySchema.ModelInfo m, JsonNode whereNode, JsonNode createNode,
                                              WriteData create, WriteData update) {
        if (!create.relations().isEmpty() || !update.relations().isEmpty() || whereNode.size() != 1) {
            return null;
        }
        String name = whereNode.propertyNames().iterator().next();
        QuerySchema.UniqueKey key = m.uniqueKeys().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElse(null);
        if (key == null) {
            return null;
        }
        JsonNode v = whereNode.get(name);
        for (ScalarField f : key.fields()) {
            JsonNode wv = key.fields().size() == 1 ? v : v.get(f.name());
            if (wv == null || wv.isObject() && !wv.has("equals")) {
                return null;
            }
            if (wv.isObject()) {
                if (wv.size() != 1) {
                    return null;
                }
                wv = wv.get("equals");
            }
            if (!(create.scalars().get(f) instanceof WriteData.Set s) || s.value().value() == null
                    || !s.value().equals(reads.coerce(m, f, wv, List.of("where", name)))
                    || update.scalars().containsKey(f)) {
                return null;
            }
        }
        return key.fields();
    }

    // ------------------------------------------------------------------------------------------ data

    /**
     * Create data of {@code m}. {@code from} is the relation through which a nested create reaches {@code m}: its back
     * relation field (and, when {@code m} holds the foreign key, the key fields) are set by the parent and may not
     * appear. {@code nested} allows relation fields (createMany data allows none).
     */
    WriteData createData(QuerySchema.ModelInfo m, JsonNode node, List<String> path, QuerySchema.RelationLink from,
                         boolean nested) {
        return data(m, node, path, from, nested, true);
    }

    /** Update data of {@code m}; {@code nested} allows relation fields (updateMany data allows none). */
    WriteData updateData(QuerySchema.ModelInfo m, JsonNode node, List<String> path, QuerySchema.RelationLink from,
                         boolean nested) {
        return data(m, node, path, from, nested, false);
    }

    /** Create or update data: the same fields are allowed; values, nested operations and required checks differ. */
    private WriteData data(QuerySchema.ModelInfo m, JsonNode node, List<String> path, QuerySchema.RelationLink from,
                           boolean nested, boolean create) {
        if (!node.isObject()) {
            throw invalidType(path, ArgumentParser.last(path), m.name() + (create ? "CreateInput" : "UpdateInput"),
                    node);
        }
        Set<String> excluded = excludedFields(from);
        Map<ScalarField, WriteData.ScalarWrite> scalars = new LinkedHashMap<>();
        List<WriteData.NestedWrite> relations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            List<String> p = append(path, k);
            ScalarField f = m.scalar(k);
            if (f != null && !excluded.contains(k)) {
                scalars.put(f, create ? new WriteData.Set(createValue(m, f, e.getValue(), p))
                        : updateValue(m, f, e.getValue(), p));
            } else if (nested && m.relations().containsKey(k) && !excluded.contains(k)) {
                relations.addAll(nested(m, m.relations().get(k), e.getValue(), p, create));
            } else {
                throw unknownInput(p, k, allowed(m, excluded, nested));
            }
        }
        if (create) {
            checkRequired(m, scalars, relations, excluded, path);
        }
        checkCheckedUnchecked(m, scalars.keySet(), relations, path);
        return new WriteData(scalars, relations);
    }

    private static Set<String> excludedFields(QuerySchema.RelationLink from) {
        Set<String> out = new LinkedHashSet<>();
        if (from == null) {
            return out;
        }
        if (from.field().backRelationField() != null) {
            out.add(from.field().backRelationField());
        }
        if (side(from) == Side.CHILD_HOLDS_FK) {
            from.childFields().forEach(f -> out.add(f.name()));
        }
        return out;
    }

    private static List<String> allowed(QuerySchema.ModelInfo m, Set<String> excluded, boolean nested) {
        List<String> out = new ArrayList<>();
        for (String n : m.fieldNames()) {
            if (!excluded.contains(n) && (nested || m.scalar(n) != null)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Required scalars without default and required relations must be given (Prisma: "Argument `x` is missing."). */
    private static void checkRequired(QuerySchema.ModelInfo m, Map<ScalarField, WriteData.ScalarWrite> scalars,
                                      List<WriteData.NestedWrite> relations, Set<String> excluded,
                                      List<String> path) {
        Set<ScalarField> viaRelation = new LinkedHashSet<>();
        for (WriteData.NestedWrite n : relations) {
            if (side(n.link()) == Side.PARENT_HOLDS_FK) {
                viaRelation.addAll(n.link().parentFields());
            }
        }
        for (Datamodel.RelationField rf : m.relations().values()) {
            if (excluded.contains(rf.name()) || rf.arity() != Datamodel.Arity.REQUIRED || rf.fields().isEmpty()) {
                continue;
            }
            boolean given = relations.stream().anyMatch(n -> n.link().field().name().equals(rf.name()))
                    || rf.fields().stream().allMatch(n -> scalars.containsKey(m.scalar(n)) || excluded.contains(n));
            if (!given) {
                throw missing(append(path, rf.name()), rf.name(), "");
            }
        }
        for (ScalarField f : m.scalars().values()) {
            if (f.arity() == Datamodel.Arity.REQUIRED && f.defaultValue() == null && !f.updatedAt()
                    && !scalars.containsKey(f) && !viaRelation.contains(f) && !excluded.contains(f.name())) {
                boolean fkOfGivenRelation = m.relations().values().stream().anyMatch(rf -> rf.fields()
                        .contains(f.name()) && relations.stream().anyMatch(n -> n.link().field() == rf));
                if (!fkOfGivenRelation) {
                    throw missing(append(path, f.name()), f.name(), "");
                }
            }
        }
    }

    /** A relation written through its field may not also be written through its foreign key scalars. */
    private static void checkCheckedUnchecked(QuerySchema.ModelInfo m, Set<ScalarField> scalars,
                                              List<WriteData.NestedWrite> relations, List<String> path) {
        for (WriteData.NestedWrite n : relations) {
            if (side(n.link()) == Side.PARENT_HOLDS_FK) {
                for (ScalarField f : n.link().parentFields()) {
                    if (scalars.contains(f)) {
                        throw new PrismaValidationException("P2009", "UnknownArgument", append(path, f.name()),
                                "Unknown argument '" + f.name() + "' in " + String.join(".", path) + ": the relation '"
                                        + n.link().field().name() + "' is written too; set either the relation or "
                                        + "its foreign key field '" + f.name() + "', not both.");
                    }
                }
            }
        }
    }

    static PrismaValidationException missing(List<String> path, String name, String why) {
        return new PrismaValidationException("P2012", "RequiredArgumentMissing", path,
                "Argument `" + name + "` is missing" + why + " (at " + String.join(".", path) + ").");
    }

    // ------------------------------------------------------------------------------------------ scalar values

    private TypedValue createValue(QuerySchema.ModelInfo m, ScalarField f, JsonNode v, List<String> path) {
        if (f.arity() == Datamodel.Arity.LIST) {
            JsonNode items = v.isObject() && v.has("set") && v.size() == 1 ? v.get("set") : v;
            return listValue(m, f, items, path);
        }
        return value(m, f, v, path);
    }

    private WriteData.ScalarWrite updateValue(QuerySchema.ModelInfo m, ScalarField f, JsonNode v,
                                              List<String> path) {
        if (f.arity() == Datamodel.Arity.LIST) {
            if (v.isObject()) {
                if (v.size() != 1 || !(v.has("set") || v.has("push"))) {
                    String k = v.size() == 0 ? "set" : v.propertyNames().iterator().next();
                    throw v.size() == 1 ? unknownInput(append(path, k), k, List.of("set", "push"))
                            : new PrismaValidationException("P2009", "TooManyFieldsGiven", path, "Expected exactly "
                            + "one field of (set, push) in " + String.join(".", path) + ", got " + v.size() + ".");
                }
                if (v.has("push")) {
                    return new WriteData.Push(listValue(m, f, v.get("push"), append(path, "push")));
                }
                return new WriteData.Set(listValue(m, f, v.get("set"), append(path, "set")));
            }
            return new WriteData.Set(listValue(m, f, v, path));
        }
        boolean json = f.type() instanceof Datamodel.BuiltIn b && b.type() == ScalarType.Json;
        if (v.isObject() && !json && !isNullSentinel(v)) {
            boolean numeric = f.type() instanceof Datamodel.BuiltIn b && switch (b.type()) {
                case Int, BigInt, Float, Decimal -> true;
                default -> false;
            };
            List<String> ops = numeric ? NUMERIC_OPS : List.of("set");
            if (v.size() != 1) {
                throw new PrismaValidationException("P2009", "TooManyFieldsGiven", path, "Expected exactly one "
                        + "field of (" + String.join(", ", ops) + ") in " + String.join(".", path) + ", got "
                        + v.size() + ".");
            }
            String op = v.propertyNames().iterator().next();
            if (!ops.contains(op)) {
                throw unknownInput(append(path, op), op, ops);
            }
            JsonNode arg = v.get(op);
            if (op.equals("set")) {
                return new WriteData.Set(value(m, f, arg, append(path, op)));
            }
            if (arg.isNull()) {
                throw invalidType(append(path, op), op, ((Datamodel.BuiltIn) f.type()).type().name(), arg);
            }
            return new WriteData.Atomic(op, reads.coerce(m, f, arg, append(path, op)));
        }
        return new WriteData.Set(value(m, f, v, path));
    }

    private static boolean isNullSentinel(JsonNode v) {
        return v.isObject() && v.size() == 2 && v.path("$type").asString("").equals("Enum")
                && List.of("DbNull", "JsonNull").contains(v.path("value").asString(""));
    }

    /** A single value for a write: nulls only on optional fields; Json takes DbNull / JsonNull sentinels. */
    private TypedValue value(QuerySchema.ModelInfo m, ScalarField f, JsonNode v, List<String> path) {
        boolean json = f.type() instanceof Datamodel.BuiltIn b && b.type() == ScalarType.Json;
        if (json) {
            String sentinel = isNullSentinel(v) ? v.get("value").asString() : v.isString() ? v.stringValue() : null;
            if ("DbNull".equals(sentinel)) {
                if (f.arity() != Datamodel.Arity.OPTIONAL) {
                    throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                            + String.join(".", path) + ": DbNull (SQL NULL) is only allowed on an optional Json "
                            + "field; use JsonNull for a JSON null.");
                }
                return TypedValue.of(null, ScalarType.Json);
            }
            if ("JsonNull".equals(sentinel)) {
                return TypedValue.of(JsonNodeFactory.instance.nullNode(), ScalarType.Json);
            }
            if (v.isNull()) {
                throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Invalid value for "
                        + String.join(".", path) + ": a Json field takes no plain null. Use \"DbNull\" for SQL NULL "
                        + "or \"JsonNull\" for a JSON null value.");
            }
            return TypedValue.of(v, ScalarType.Json);
        }
        if (v.isNull() && f.arity() == Datamodel.Arity.REQUIRED) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path, "Argument `" + f.name()
                    + "` must not be null (at " + String.join(".", path) + ").");
        }
        if (v.isObject() || v.isArray()) {
            throw invalidType(path, f.name(), typeName(f), v);
        }
        return reads.coerce(m, f, v, path);
    }

    private TypedValue listValue(QuerySchema.ModelInfo m, ScalarField f, JsonNode v, List<String> path) {
        if (!schema.dialect().supportsScalarLists()) {
            throw new PrismaValidationException("P2009", "InvalidArgumentValue", path,
                    "Scalar lists are not supported by provider " + schema.provider() + ".");
        }
        if (v.isNull()) {
            throw invalidType(path, f.name(), typeName(f) + "[]", v);
        }
        return reads.listValue(m, f, v, path);
    }

    private static String typeName(ScalarField f) {
        return f.type() instanceof Datamodel.EnumRef e ? e.enumName() : ((Datamodel.BuiltIn) f.type()).type().name();
    }

    // ------------------------------------------------------------------------------------------ nested writes

    /**
     * The order in which several nested operations on one to-many relation field run: removals first, then
     * changes, then additions (so that {@code set} never undoes a {@code connect} of the same write).
     */
    static final List<String> NESTED_ORDER = List.of("set", "disconnect", "delete", "deleteMany", "update",
            "updateMany", "upsert", "create", "createMany", "connectOrCreate", "connect");

    private List<WriteData.NestedWrite> nested(QuerySchema.ModelInfo m, Datamodel.RelationField rf, JsonNode v,
                                               List<String> path, boolean creating) {
        if (!v.isObject() || v.size() <= 1 || rf.arity() != Datamodel.Arity.LIST) {
            return List.of(nestedOne(m, rf, v, path, creating));
        }
        List<WriteData.NestedWrite> out = new ArrayList<>();
        for (String k : v.propertyNames()) {
            if (!NESTED_ORDER.contains(k)) {
                // reported with the available operations
                nestedOne(m, rf, JsonNodeFactory.instance.objectNode().set(k, v.get(k)), path, creating);
            }
        }
        for (String op : NESTED_ORDER) {
            if (v.has(op)) {
                out.add(nestedOne(m, rf, JsonNodeFactory.instance.objectNode().set(op, v.get(op)), path, creating));
            }
        }
        return out;
    }

    private WriteData.NestedWrite nestedOne(QuerySchema.ModelInfo m, Datamodel.RelationField rf, JsonNode v,
                                            List<String> path, boolean creating) {
        QuerySchema.RelationLink link = m.link(rf);
        QuerySchema.ModelInfo t = link.target();
        Side side = side(link);
        boolean toMany = link.toMany();
        boolean optional = switch (side) {
            case PARENT_HOLDS_FK -> rf.arity() == Datamodel.Arity.OPTIONAL;
            case CHILD_HOLDS_FK -> link.childFields().stream().allMatch(f -> f.arity() == Datamodel.Arity.OPTIONAL);
            case JOIN_TABLE -> true;
        };
        List<String> ops = new ArrayList<>(List.of("create"));
        if (side == Side.CHILD_HOLDS_FK && toMany) {
            ops.add("createMany");
        }
        ops.addAll(List.of("connect", "connectOrCreate"));
        if (!creating) {
            if (toMany) {
                if (optional) {
                    ops.addAll(List.of("set", "disconnect"));
                }
                ops.addAll(List.of("update", "updateMany", "upsert", "delete", "deleteMany"));
            } else {
                ops.addAll(List.of("update", "upsert"));
                if (optional || side == Side.CHILD_HOLDS_FK) {
                    if (optional) {
                        ops.add("disconnect");
                    }
                    ops.add("delete");
                }
            }
        }
        if (!v.isObject()) {
            throw invalidType(path, rf.name(), t.name() + (creating ? "CreateNestedInput" : "UpdateNestedInput"), v);
        }
        if (v.size() != 1) {
            throw new PrismaValidationException("P2009", v.isEmpty() ? "SomeFieldsMissing" : "TooManyFieldsGiven",
                    path, "Expected exactly one nested operation on the to-one relation " + String.join(".", path)
                    + ", got " + v.size() + ". Available: " + String.join(", ", ops) + ".");
        }
        String op = v.propertyNames().iterator().next();
        if (!ops.contains(op)) {
            String why = List.of("set", "disconnect", "delete").contains(op)
                    && (side != Side.CHILD_HOLDS_FK || toMany || !op.equals("delete"))
                    ? " (the relation '" + rf.relationName() + "' is required)" : "";
            throw new PrismaValidationException("P2009", "UnknownInputField", append(path, op), "Unknown argument '"
                    + op + "' in " + String.join(".", path) + why + "." + Suggest.didYouMean(op, ops)
                    + " Available: " + String.join(", ", ops) + ".");
        }
        List<String> p = append(path, op);
        JsonNode arg = v.get(op);
        List<WriteData.Item> items = new ArrayList<>();
        boolean skip = false;
        switch (op) {
            case "create" -> {
                for (IndexedNode x : many(arg, p, toMany)) {
                    items.add(new WriteData.Item(null, createData(t, x.node, x.path, link, true), null));
                }
            }
            case "createMany" -> {
                if (!arg.isObject()) {
                    throw invalidType(p, op, t.name() + "CreateManyInputEnvelope", arg);
                }
                ArgumentParser.checkArgs(arg, List.of("data", "skipDuplicates"), String.join(".", p));
                for (WriteData d : rows(t, required(arg, "data"), append(p, "data"), link)) {
                    items.add(new WriteData.Item(null, d, null));
                }
                skip = arg.has("skipDuplicates") && ArgumentParser.bool(arg.get("skipDuplicates"),
                        append(p, "skipDuplicates"));
            }
            case "connect", "set" -> {
                for (IndexedNode x : many(arg, p, toMany || op.equals("set"))) {
                    items.add(new WriteData.Item(reads.parseWhere(t, x.node, x.path, true), null, null));
                }
            }
            case "connectOrCreate" -> {
                for (IndexedNode x : many(arg, p, toMany)) {
                    ArgumentParser.checkArgs(x.node, List.of("where", "create"), String.join(".", x.path));
                    items.add(new WriteData.Item(
                            reads.parseWhere(t, required(x.node, "where", x.path), append(x.path, "where"), true),
                            createData(t, required(x.node, "create", x.path), append(x.path, "create"), link, true),
                            null));
                }
            }
            case "disconnect", "delete" -> {
                if (!toMany) {
                    if (arg.isBoolean()) {
                        if (arg.booleanValue()) {
                            items.add(new WriteData.Item(null, null, null));
                        }
                    } else {
                        items.add(new WriteData.Item(reads.parseWhere(t, arg, p, false), null, null));
                    }
                } else {
                    for (IndexedNode x : many(arg, p, true)) {
                        items.add(new WriteData.Item(reads.parseWhere(t, x.node, x.path, true), null, null));
                    }
                }
            }
            case "deleteMany" -> {
                for (IndexedNode x : many(arg, p, true)) {
                    items.add(new WriteData.Item(reads.parseWhere(t, x.node, x.path, false), null, null));
                }
            }
            case "update" -> {
                for (IndexedNode x : many(arg, p, toMany)) {
                    boolean wrapped = toMany || x.node.has("data") && t.scalar("data") == null
                            && !t.relations().containsKey("data");
                    if (wrapped) {
                        ArgumentParser.checkArgs(x.node, List.of("where", "data"), String.join(".", x.path));
                        Filter where = toMany
                                ? reads.parseWhere(t, required(x.node, "where", x.path), append(x.path, "where"), true)
                                : x.node.has("where") ? reads.parseWhere(t, x.node.get("where"),
                                append(x.path, "where"), false) : null;
                        items.add(new WriteData.Item(where, null, updateData(t, required(x.node, "data", x.path),
                                append(x.path, "data"), link, true)));
                    } else {
                        items.add(new WriteData.Item(null, null, updateData(t, x.node, x.path, link, true)));
                    }
                }
            }
            case "updateMany" -> {
                for (IndexedNode x : many(arg, p, true)) {
                    ArgumentParser.checkArgs(x.node, List.of("where", "data"), String.join(".", x.path));
                    Filter where = x.node.has("where") ? reads.parseWhere(t, x.node.get("where"),
                            append(x.path, "where"), false) : new Filter.Const(true);
                    items.add(new WriteData.Item(where, null, updateData(t, required(x.node, "data", x.path),
                            append(x.path, "data"), link, false)));
                }
            }
            case "upsert" -> {
                for (IndexedNode x : many(arg, p, toMany)) {
                    ArgumentParser.checkArgs(x.node, toMany ? List.of("where", "create", "update")
                            : List.of("where", "create", "update"), String.join(".", x.path));
                    Filter where = toMany
                            ? reads.parseWhere(t, required(x.node, "where", x.path), append(x.path, "where"), true)
                            : x.node.has("where") ? reads.parseWhere(t, x.node.get("where"), append(x.path, "where"),
                            false) : null;
                    items.add(new WriteData.Item(where,
                            createData(t, required(x.node, "create", x.path), append(x.path, "create"), link, true),
                            updateData(t, required(x.node, "update", x.path), append(x.path, "update"), link, true)));
                }
            }
            default -> throw new IllegalStateException(op);
        }
        return new WriteData.NestedWrite(link, op, items, skip);
    }

    private record IndexedNode(JsonNode node, List<String> path) {
    }

    /** An object, or (when {@code many}) a list of objects, with their paths. */
    private static List<IndexedNode> many(JsonNode arg, List<String> path, boolean many) {
        List<IndexedNode> out = new ArrayList<>();
        if (arg.isArray()) {
            if (!many) {
                throw invalidType(path, ArgumentParser.last(path), "Object", arg);
            }
            int i = 0;
            for (JsonNode x : arg.values()) {
                List<String> p = append(path, String.valueOf(i++));
                if (!x.isObject()) {
                    throw invalidType(p, ArgumentParser.last(path), "Object", x);
                }
                out.add(new IndexedNode(x, p));
            }
            return out;
        }
        if (!arg.isObject()) {
            throw invalidType(path, ArgumentParser.last(path), "Object", arg);
        }
        out.add(new IndexedNode(arg, path));
        return out;
    }

    private static JsonNode required(JsonNode node, String name, List<String> path) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            List<String> p = append(path, name);
            throw new PrismaValidationException("P2012", "RequiredArgumentMissing", p,
                    "`" + String.join(".", p) + "`: A value is required but not set");
        }
        return v;
    }
}
