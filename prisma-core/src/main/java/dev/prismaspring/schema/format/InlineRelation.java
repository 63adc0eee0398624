package dev.prismaspring.schema.format;

import dev.prismaspring.schema.format.RelationSchema.Model;
import dev.prismaspring.schema.format.RelationSchema.RelationField;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-to-one or one-to-many relation, possibly declared on one side only.
 *
 * @param referencing the model that holds (or should hold) the foreign key ("model A")
 * @param referenced  the model it points to ("model B")
 * @param forward     the relation field on the referencing model, or {@code null} if missing
 * @param back        the relation field on the referenced model, or {@code null} if missing
 * @param oneToOne    whether at most one record is on each side
 */
record InlineRelation(Model referencing, Model referenced, RelationField forward, RelationField back,
                      boolean oneToOne) {

    /**
     * Pairs up relation fields as Prisma's parser database does, in its order (by model, then
     * field, of the field that introduces each relation); many-to-many relations are left out.
     */
    static List<InlineRelation> infer(RelationSchema schema) {
        List<InlineRelation> relations = new ArrayList<>();
        for (RelationField field : schema.relationFields()) {
            InlineRelation relation = ingest(field, opposite(schema, field), schema);
            if (relation != null) {
                relations.add(relation);
            }
        }
        return relations;
    }

    private static RelationField opposite(RelationSchema schema, RelationField field) {
        boolean selfRelation = field.model() == field.referenced();
        for (RelationField candidate : schema.relationFields()) {
            if (candidate.model() == field.referenced() && candidate.referenced() == field.model()
                    && !(selfRelation && candidate == field)
                    && java.util.Objects.equals(candidate.relationName(), field.relationName())) {
                return candidate;
            }
        }
        return null;
    }

    /** One relation per pair of fields: returns {@code null} for the side that does not introduce it. */
    private static InlineRelation ingest(RelationField field, RelationField opposite, RelationSchema schema) {
        Model model = field.model();
        Model other = field.referenced();
        if (opposite == null) {
            if (field.field().isList()) {
                return new InlineRelation(other, model, null, field, false); // back side only
            }
            boolean unique = field.fields() != null && schema.isUniqueIndex(model, field.fields());
            return new InlineRelation(model, other, field, null, unique);
        }
        var arity = field.field().arity();
        var oppositeArity = opposite.field().arity();
        String[] here = {model.name(), field.name()};
        String[] there = {other.name(), opposite.name()};
        switch (arity) {
            case LIST:
                return null; // many-to-many, or the virtual side of a one-to-many
            case REQUIRED:
                if (oppositeArity == dev.prismaspring.psl.ast.FieldArity.OPTIONAL) {
                    return both(field, opposite, true);
                }
                if (oppositeArity == dev.prismaspring.psl.ast.FieldArity.REQUIRED) {
                    return greater(here, there) ? null : both(field, opposite, true);
                }
                return both(field, opposite, false);
            case OPTIONAL:
            default:
                if (oppositeArity == dev.prismaspring.psl.ast.FieldArity.REQUIRED) {
                    return null;
                }
                if (oppositeArity == dev.prismaspring.psl.ast.FieldArity.OPTIONAL) {
                    if (field.fields() != null) {
                        return both(field, opposite, true);
                    }
                    if (opposite.fields() == null) {
                        return greater(here, there) ? null : both(field, opposite, true);
                    }
                    return null;
                }
                return both(field, opposite, false);
        }
    }

    private static InlineRelation both(RelationField forward, RelationField back, boolean oneToOne) {
        return new InlineRelation(forward.model(), forward.referenced(), forward, back, oneToOne);
    }

    /** Rust's lexicographic comparison of {@code [model name, field name]} arrays (byte order). */
    private static boolean greater(String[] a, String[] b) {
        int c = compareBytes(a[0], b[0]);
        return c != 0 ? c > 0 : compareBytes(a[1], b[1]) > 0;
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
