package dev.prismaspring.client.typed;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prisma's {@code XRelationFilter} / {@code XNullableScalarRelationFilter} on a to-one relation: {@code is},
 * {@code isNot}, and {@code is: null} / {@code isNot: null} for optional relations.
 *
 * @param <W> the related model's generated {@code WhereInput}
 */
public final class RelationFilter<W extends PrismaInput> extends PrismaInput {

    private final Supplier<W> where;

    /** A filter whose lambda forms create related where-inputs with {@code where}. */
    public RelationFilter(Supplier<W> where) {
        this.where = Objects.requireNonNull(where);
    }

    /** {@code is: where}. */
    public RelationFilter<W> is(W filter) {
        arg("is", filter);
        return this;
    }

    /** {@code is: where}, built in a lambda. */
    public RelationFilter<W> is(Consumer<W> filter) {
        return is(Inputs.build(where.get(), filter));
    }

    /** {@code isNot: where}. */
    public RelationFilter<W> isNot(W filter) {
        arg("isNot", filter);
        return this;
    }

    /** {@code isNot: where}, built in a lambda. */
    public RelationFilter<W> isNot(Consumer<W> filter) {
        return isNot(Inputs.build(where.get(), filter));
    }

    /** {@code is: null}: there is no related record. */
    public RelationFilter<W> isNull() {
        arg("is", null);
        return this;
    }

    /** {@code isNot: null}: there is a related record. */
    public RelationFilter<W> isNotNull() {
        arg("isNot", null);
        return this;
    }
}
