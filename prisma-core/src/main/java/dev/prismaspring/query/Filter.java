package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import java.util.List;

/** A validated {@code where} (or {@code having}) condition. */
public sealed interface Filter {

    /** Always true ({@code {}}) or always false. */
    record Const(boolean value) implements Filter {
    }

    record And(List<Filter> filters) implements Filter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    record Or(List<Filter> filters) implements Filter {
        public Or {
            filters = List.copyOf(filters);
        }
    }

    /** NOT (f1 AND f2 ...). */
    record Not(List<Filter> filters) implements Filter {
        public Not {
            filters = List.copyOf(filters);
        }
    }

    /**
     * A scalar comparison. {@code op} is one of {@code equals, not, lt, lte, gt, gte, in, notIn, contains,
     * startsWith, endsWith}; {@code value} is a TypedValue, a list of them (in/notIn), or {@code null} (IS NULL).
     */
    record Scalar(FieldRef field, String op, Object value, boolean insensitive) implements Filter {
    }

    /** A scalar-list filter (PostgreSQL): {@code has, hasEvery, hasSome, isEmpty, equals}. */
    record ScalarList(FieldRef field, String op, TypedValue value) implements Filter {
    }

    /**
     * A Json filter: {@code path} (keys/indexes, may be empty), {@code op} one of {@code equals, not,
     * string_contains, string_starts_with, string_ends_with, array_contains, array_starts_with, array_ends_with}.
     */
    record Json(FieldRef field, List<String> path, String op, tools.jackson.databind.JsonNode value)
            implements Filter {
        public Json {
            path = List.copyOf(path);
        }
    }

    /** A relation filter: {@code kind} is {@code some, every, none, is, isNot}; {@code filter} on the target. */
    record Relation(QuerySchema.RelationLink link, String kind, Filter filter) implements Filter {
    }

    /** A scalar field, or an aggregate over it ({@code aggregate} is {@code _avg}, {@code _count}, ...) in having. */
    record FieldRef(Datamodel.ScalarField field, String aggregate) {
        public static FieldRef of(Datamodel.ScalarField field) {
            return new FieldRef(field, null);
        }
    }
}
