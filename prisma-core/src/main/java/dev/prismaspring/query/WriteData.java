package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated {@code data} of a write for one record: scalar assignments (in argument order) and nested writes on
 * relation fields.
 */
public record WriteData(Map<ScalarField, ScalarWrite> scalars, List<NestedWrite> relations) {

    public WriteData {
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        relations = List.copyOf(relations);
    }

    /** No fields set. */
    public static WriteData empty() {
        return new WriteData(Map.of(), List.of());
    }

    /** What a write does to one scalar field. */
    public sealed interface ScalarWrite {
    }

    /** {@code field: value} or {@code field: {set: value}}; a null value writes SQL NULL. */
    public record Set(TypedValue value) implements ScalarWrite {
    }

    /** {@code increment}, {@code decrement}, {@code multiply} or {@code divide} by {@code value}. */
    public record Atomic(String op, TypedValue value) implements ScalarWrite {
    }

    /** {@code push} onto a scalar list (PostgreSQL); {@code value} is a list value. */
    public record Push(TypedValue value) implements ScalarWrite {
    }

    /**
     * A nested write on a relation: {@code operation} is one of {@code create, createMany, connect,
     * connectOrCreate, disconnect, set, update, updateMany, upsert, delete, deleteMany}. Each item carries what its
     * operation needs: {@code where} (a unique criterion for connect/set/update/delete, a filter for
     * updateMany/deleteMany/disconnect; {@code null} for to-one {@code true} forms), {@code create} data and update
     * {@code data}.
     */
    public record NestedWrite(QuerySchema.RelationLink link, String operation, List<Item> items,
                              boolean skipDuplicates) {
        public NestedWrite {
            items = List.copyOf(items);
        }
    }

    /** One item of a nested write. */
    public record Item(Filter where, WriteData create, WriteData data) {
    }
}
