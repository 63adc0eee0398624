package dev.prismaspring.client.typed;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prisma's {@code XListRelationFilter} on a to-many relation: {@code some}, {@code every}, {@code none}.
 *
 * @param <W> the related model's generated {@code WhereInput}
 */
public final class ListRelationFilter<W extends PrismaInput> extends PrismaInput {

    private final Supplier<W> where;

    /** A filter whose lambda forms create related where-inputs with {@code where}. */
    public ListRelationFilter(Supplier<W> where) {
        this.where = Objects.requireNonNull(where);
    }

    /** {@code some: where}: at least one related record matches. */
    public ListRelationFilter<W> some(W filter) {
        arg("some", filter);
        return this;
    }

    /** {@code some: where}, built in a lambda. */
    public ListRelationFilter<W> some(Consumer<W> filter) {
        return some(Inputs.build(where.get(), filter));
    }

    /** {@code every: where}: every related record matches. */
    public ListRelationFilter<W> every(W filter) {
        arg("every", filter);
        return this;
    }

    /** {@code every: where}, built in a lambda. */
    public ListRelationFilter<W> every(Consumer<W> filter) {
        return every(Inputs.build(where.get(), filter));
    }

    /** {@code none: where}: no related record matches. */
    public ListRelationFilter<W> none(W filter) {
        arg("none", filter);
        return this;
    }

    /** {@code none: where}, built in a lambda. */
    public ListRelationFilter<W> none(Consumer<W> filter) {
        return none(Inputs.build(where.get(), filter));
    }
}
