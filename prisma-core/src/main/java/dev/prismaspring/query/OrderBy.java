package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import java.util.List;

/** One {@code orderBy} entry. */
public sealed interface OrderBy {

    boolean desc();

    /**
     * A scalar field, possibly reached through to-one relations ({@code {author: {name: 'asc'}}}).
     *
     * @param nulls {@code first}, {@code last} or {@code null}
     */
    record Field(List<QuerySchema.RelationLink> path, Datamodel.ScalarField field, boolean desc, String nulls)
            implements OrderBy {
        public Field {
            path = List.copyOf(path);
        }
    }

    /** The number of related records of a to-many relation ({@code {posts: {_count: 'desc'}}}). */
    record RelationCount(List<QuerySchema.RelationLink> path, QuerySchema.RelationLink link, boolean desc)
            implements OrderBy {
        public RelationCount {
            path = List.copyOf(path);
        }
    }

    /** groupBy: an aggregate ({@code _count}, {@code _avg}, ...) of a field ({@code null} field: count(*)). */
    record Aggregate(String function, Datamodel.ScalarField field, boolean desc) implements OrderBy {
    }
}
