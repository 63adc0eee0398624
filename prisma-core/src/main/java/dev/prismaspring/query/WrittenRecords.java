package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a write returns: the written records read back by key through the read path (honouring {@code select},
 * {@code include} and {@code omit}, in the order of the keys), or {@code {count: n}}.
 */
final class WrittenRecords {

    private final QueryEngine reads;
    private final int bindLimit;

    WrittenRecords(QueryEngine reads, int bindLimit) {
        this.reads = reads;
        this.bindLimit = bindLimit;
    }

    Map<String, Object> readOne(QuerySchema.ModelInfo m, WriteRow row, Query.Selection selection) {
        List<Map<String, Object>> rows = readMany(m, List.of(row), selection);
        if (rows.isEmpty()) {
            throw WriteErrors.notFound("The written " + m.name() + " record was not found again.");
        }
        return rows.get(0);
    }

    /** The records of {@code keys} through the read path, in the order of {@code keys}. */
    List<Map<String, Object>> readMany(QuerySchema.ModelInfo m, List<WriteRow> keys, Query.Selection sel) {
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
            List<WriteRow> chunk = keys.subList(from, Math.min(keys.size(), from + per));
            Query.Read read = new Query.Read("findMany", m, RecordLookup.keyFilter(pk, chunk), List.of(), null, null,
                    null,
                    List.of(), withKey, null);
            for (Map<String, Object> r : reads.read(read)) {
                List<Object> k = new ArrayList<>();
                pk.forEach(f -> k.add(reads.typed(f, r.get(f.name())).value()));
                if (!sel.scalars().containsAll(pk)) {
                    pk.stream().filter(f -> !sel.scalars().contains(f)).forEach(f -> r.remove(f.name()));
                }
                byKey.put(RecordLookup.normalize(k), r);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (WriteRow key : keys) {
            List<Object> k = new ArrayList<>();
            pk.forEach(f -> k.add(key.get(f).value()));
            Map<String, Object> r = byKey.get(RecordLookup.normalize(k));
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    Map<String, Object> count(int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", n);
        return out;
    }
}
