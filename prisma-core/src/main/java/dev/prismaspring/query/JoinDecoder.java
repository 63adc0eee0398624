package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the {@code join} strategy's JSON relation columns into result maps: streamed with a {@link JsonParser}
 * straight into each level's {@link ShapePlan}, or (for a level with nested {@code distinct} or {@code cursor}, which
 * page by keys the selection may leave out) read as full rows, paged, then shaped.
 */
final class JoinDecoder {

    private final ValueCodec codec;
    private final NestedPaging paging;

    JoinDecoder(ValueCodec codec, NestedPaging paging) {
        this.codec = codec;
        this.paging = paging;
    }

    /**
     * A relation's JSON column as its result value. The text is streamed straight into the result maps; a level
     * that pages by keys it may not select (nested {@code distinct} or {@code cursor}) is decoded into full rows
     * first, paged, then shaped.
     */
    Object relationFromText(ShapePlan.Entry e, String text) {
        if (!e.nested().streamed()) {
            return shapeValue(e, decodeRelation(e.relation(), text == null ? null : ArgumentParser.JSON.readTree(text)));
        }
        if (text == null) {
            return e.relation().link().toMany() ? paging.apply(e.relation().read(), new ArrayList<>()) : null;
        }
        try (JsonParser p = ArgumentParser.JSON.createParser(text)) {
            p.nextToken();
            return readRelation(p, e);
        }
    }

    /** The relation value at the parser's current token (an array, an object, null, or either as JSON text). */
    private Object readRelation(JsonParser p, ShapePlan.Entry e) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            // MySQL returns nested aggregates as JSON text
            try (JsonParser inner = ArgumentParser.JSON.createParser(p.getString())) {
                inner.nextToken();
                return readRelation(inner, e);
            }
        }
        if (!e.nested().streamed()) {
            return shapeValue(e, decodeRelation(e.relation(), p.readValueAsTree()));
        }
        if (e.relation().link().toMany()) {
            if (t != JsonToken.START_ARRAY && t != JsonToken.VALUE_NULL) {
                return shapeValue(e, decodeRelation(e.relation(), p.readValueAsTree()));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    rows.add(readObject(p, e.relation().read(), e.nested()));
                }
            }
            return paging.apply(e.relation().read(), rows);
        }
        return t == JsonToken.VALUE_NULL ? null : readObject(p, e.relation().read(), e.nested());
    }

    /** One related record at the parser's current token, as its result map. */
    private Map<String, Object> readObject(JsonParser p, Query.Read r, ShapePlan plan) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            try (JsonParser inner = ArgumentParser.JSON.createParser(p.getString())) {
                inner.nextToken();
                return readObject(inner, r, plan);
            }
        }
        if (t != JsonToken.START_OBJECT) {
            return shape(plan, decodeObject(r, p.readValueAsTree()));
        }
        List<ShapePlan.Entry> entries = plan.entries();
        Object[] values = new Object[entries.size()];
        Object[] counts = plan.counts().isEmpty() ? null : new Object[plan.counts().size()];
        String name;
        while ((name = p.nextName()) != null) {
            p.nextToken();
            Integer slot = plan.slots().get(name);
            if (slot != null) {
                ShapePlan.Entry e = entries.get(slot);
                values[slot] = e.field() != null ? codec.fromJson(p, e.field()) : readRelation(p, e);
                continue;
            }
            Integer count = counts == null ? null : plan.countSlots().get(name);
            if (count != null) {
                counts[count] = p.currentToken() == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() == JsonParser.NumberType.INT ? (Object) p.getIntValue()
                        : (Object) asNode(p.readValueAsTree()).asInt();
            } else {
                p.skipChildren();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(entries.size() * 4 / 3 + 2);
        for (int i = 0; i < values.length; i++) {
            ShapePlan.Entry e = entries.get(i);
            Object v = values[i];
            out.put(e.name(), v == null && e.relation() != null && e.relation().link().toMany() ? List.of() : v);
        }
        if (counts != null) {
            Map<String, Object> c = new LinkedHashMap<>(counts.length * 4 / 3 + 1);
            for (int i = 0; i < counts.length; i++) {
                c.put(plan.counts().get(i).link().field().name(), counts[i]);
            }
            out.put("_count", c);
        }
        return out;
    }

    private static JsonNode asNode(Object tree) {
        return tree == null ? tools.jackson.databind.node.NullNode.getInstance() : (JsonNode) tree;
    }

    private Object decodeRelation(Query.RelationRead rr, JsonNode node) {
        if (node != null && node.isString()) {
            node = ArgumentParser.JSON.readTree(node.stringValue());
        }
        if (rr.link().toMany()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            if (node != null && !node.isNull()) {
                for (JsonNode item : node.values()) {
                    rows.add(decodeObject(rr.read(), item));
                }
            }
            return paging.apply(rr.read(), rows);
        }
        return node == null || node.isNull() ? null : decodeObject(rr.read(), node);
    }

    private Map<String, Object> decodeObject(Query.Read r, JsonNode node) {
        if (node.isString()) {
            node = ArgumentParser.JSON.readTree(node.stringValue());
        }
        Map<String, Object> row = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            ScalarField f = r.model().scalar(k);
            if (f != null) {
                row.put(k, codec.fromJson(e.getValue(), f));
            } else if (k.startsWith(ShapePlan.COUNT_PREFIX)) {
                row.put(k, e.getValue().asInt());
            } else {
                for (Query.RelationRead nested : r.selection().relations()) {
                    if (nested.link().field().name().equals(k)) {
                        row.put(k, decodeRelation(nested, e.getValue()));
                    }
                }
            }
        }
        return row;
    }

    /** A relation value decoded as full rows (see {@link #decodeRelation}), shaped. */
    private Object shapeValue(ShapePlan.Entry e, Object v) {
        if (v instanceof List<?> list) {
            List<Map<String, Object>> children = new ArrayList<>(list.size());
            for (Object child : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ch = (Map<String, Object>) child;
                children.add(shape(e.nested(), ch));
            }
            return children;
        }
        if (v instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ch = (Map<String, Object>) map;
            return shape(e.nested(), ch);
        }
        return e.relation().link().toMany() ? List.of() : null;
    }

    /** The result map of a full row: selected fields in schema order, then {@code _count}. */
    private Map<String, Object> shape(ShapePlan plan, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(plan.entries().size() * 4 / 3 + 2);
        for (ShapePlan.Entry e : plan.entries()) {
            out.put(e.name(), e.relation() == null ? row.get(e.name()) : shapeValue(e, row.get(e.name())));
        }
        if (!plan.counts().isEmpty()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            for (Query.CountRead cr : plan.counts()) {
                counts.put(cr.link().field().name(), row.get(ShapePlan.COUNT_PREFIX + cr.link().field().name()));
            }
            out.put("_count", counts);
        }
        return out;
    }
}
