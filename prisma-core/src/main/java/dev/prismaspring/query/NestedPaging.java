package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A nested relation's {@code distinct}, {@code cursor}, {@code skip} and {@code take}, applied in memory to each
 * parent's related rows (both relation load strategies fetch all of them), and the top level's {@code distinct}.
 */
final class NestedPaging {

    private final ValueCodec codec;

    NestedPaging(ValueCodec codec) {
        this.codec = codec;
    }

    /** Nested distinct, cursor, skip and take, applied per parent. */
    List<Map<String, Object>> apply(Query.Read r, List<Map<String, Object>> rows) {
        List<Map<String, Object>> list = distinct(rows, r.distinct());
        Integer take = r.take();
        if (r.cursor() != null) {
            int idx = -1;
            for (int i = 0; i < list.size(); i++) {
                if (matches(list.get(i), r.cursor())) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0) {
                return new ArrayList<>();
            }
            list = take != null && take < 0 ? list.subList(0, idx + 1) : list.subList(idx, list.size());
        }
        if (take != null && take < 0) {
            List<Map<String, Object>> rev = new ArrayList<>(list);
            Collections.reverse(rev);
            rev = page(rev, r.skip(), -take);
            Collections.reverse(rev);
            return rev;
        }
        return page(list, r.skip(), take);
    }

    private boolean matches(Map<String, Object> row, Map<ScalarField, TypedValue> cursor) {
        for (Map.Entry<ScalarField, TypedValue> e : cursor.entrySet()) {
            Object v = row.get(e.getKey().name());
            Object c = codec.convert(e.getValue().value(), e.getKey());
            if (!Objects.equals(keyValue(v), keyValue(c))) {
                return false;
            }
        }
        return true;
    }

    static List<Map<String, Object>> distinct(List<Map<String, Object>> rows, List<ScalarField> fields) {
        if (fields.isEmpty()) {
            return rows;
        }
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> key = new ArrayList<>();
            fields.forEach(f -> key.add(row.get(f.name())));
            if (seen.add(normalizeKey(key))) {
                out.add(row);
            }
        }
        return out;
    }

    static List<Map<String, Object>> page(List<Map<String, Object>> rows, Integer skip, Integer take) {
        int from = Math.min(rows.size(), skip == null ? 0 : skip);
        int to = take == null ? rows.size() : Math.min(rows.size(), from + take);
        return new ArrayList<>(rows.subList(from, to));
    }

    /** A key whose parts compare by value ({@link #keyValue}). */
    static List<Object> normalizeKey(List<Object> key) {
        List<Object> out = new ArrayList<>(key.size());
        for (Object v : key) {
            out.add(keyValue(v));
        }
        return out;
    }

    /**
     * A key value that compares by value: numbers with an integral value that fits as {@code Long} (without a
     * BigDecimal per integer), other numbers as a normalised {@code BigDecimal}, byte arrays as hex, the rest as
     * they are.
     */
    static Object keyValue(Object v) {
        if (v instanceof Long || !(v instanceof Number || v instanceof byte[])) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        BigDecimal d;
        if (v instanceof BigDecimal big) {
            d = big;
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return x;
            }
            d = BigDecimal.valueOf(x);
        } else {
            d = new BigDecimal(v.toString()); // BigInteger and other integral types
        }
        BigDecimal norm = ValueCodec.normalize(d);
        return norm.scale() == 0 && norm.unscaledValue().bitLength() < 64 ? (Object) norm.longValueExact() : norm;
    }
}
