package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a selection's result maps in schema field order, worked out once per read, then its counts.
 *
 * @param slots       entry index by key (nested levels only: the top level never looks keys up)
 * @param countSlots  count index by the count's column key ({@link #COUNT_PREFIX} + relation name)
 * @param loadOrder   the relations in selection order (the order their statements run in)
 * @param streamed    whether {@code join} results of this level can be decoded straight into result maps
 *                    (no nested distinct or cursor, which need the full rows)
 */
record ShapePlan(List<ShapePlan.Entry> entries, List<Query.CountRead> counts, Map<String, Integer> slots,
                 Map<String, Integer> countSlots, Map<String, ShapePlan.Entry> relations,
                 List<Query.RelationRead> loadOrder, boolean streamed) {

    /** The column key (and JSON key) of a relation count: this prefix and the relation's name. */
    static final String COUNT_PREFIX = "_c_";

    /** One key of a result map: a selected scalar ({@code field}) or a relation with its own plan. */
    record Entry(String name, ScalarField field, Query.RelationRead relation, ShapePlan nested) {
    }

    /** The plan of a read; {@code slots} only for nested levels (which {@code join} results are decoded into). */
    static ShapePlan of(Query.Read r, boolean nested) {
        QuerySchema.ModelInfo m = r.model();
        Query.Selection sel = r.selection();
        Set<String> selected = new HashSet<>();
        for (ScalarField f : sel.scalars()) {
            selected.add(f.name());
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> slots = nested ? new HashMap<>() : Map.of();
        Map<String, Entry> relations = sel.relations().isEmpty() ? Map.of() : new HashMap<>();
        for (String name : m.fieldNames()) {
            ScalarField f = m.scalar(name);
            if (f != null) {
                if (selected.contains(name)) {
                    if (nested) {
                        slots.put(name, entries.size());
                    }
                    entries.add(new Entry(name, f, null, null));
                }
                continue;
            }
            for (Query.RelationRead rr : sel.relations()) {
                if (rr.link().field().name().equals(name)) {
                    Entry e = new Entry(name, null, rr, of(rr.read(), true));
                    if (nested) {
                        slots.put(name, entries.size());
                    }
                    relations.put(name, e);
                    entries.add(e);
                }
            }
        }
        Map<String, Integer> countSlots = sel.counts().isEmpty() ? Map.of() : new HashMap<>();
        for (int i = 0; i < sel.counts().size(); i++) {
            countSlots.put(COUNT_PREFIX + sel.counts().get(i).link().field().name(), i);
        }
        boolean streamed = r.distinct().isEmpty() && r.cursor() == null;
        return new ShapePlan(List.copyOf(entries), sel.counts(), slots, countSlots, relations, sel.relations(),
                streamed);
    }
}
