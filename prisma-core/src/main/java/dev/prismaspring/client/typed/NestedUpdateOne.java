package dev.prismaspring.client.typed;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The nested write of a to-one relation inside an update (Prisma's {@code XUpdateOneWithoutYNestedInput}): what
 * a create allows, plus {@code update}, {@code upsert}, {@code disconnect} and {@code delete}.
 *
 * @param <C> the related model's {@code CreateInput}
 * @param <U> the related model's {@code UpdateInput}
 * @param <W> the related model's {@code WhereUniqueInput}
 */
public final class NestedUpdateOne<C extends PrismaInput, U extends PrismaInput, W extends PrismaInput>
        extends NestedCreateOne<C, W> {

    private final Supplier<U> updates;

    /** A nested write whose lambda forms use these factories. */
    public NestedUpdateOne(Supplier<C> creates, Supplier<U> updates, Supplier<W> uniques) {
        super(creates, uniques);
        this.updates = updates;
    }

    /** {@code update: data}. */
    public NestedUpdateOne<C, U, W> update(U data) {
        arg("update", data);
        return this;
    }

    /** {@code update: data}, built in a lambda. */
    public NestedUpdateOne<C, U, W> update(Consumer<U> data) {
        return update(Inputs.build(updates.get(), data));
    }

    /** {@code upsert: { create, update }}. */
    public NestedUpdateOne<C, U, W> upsert(C create, U update) {
        arg("upsert", NestedWriteItem.upsert(create, update));
        return this;
    }

    /** {@code disconnect: true} (optional relations). */
    public NestedUpdateOne<C, U, W> disconnect() {
        arg("disconnect", true);
        return this;
    }

    /** {@code delete: true} (optional relations). */
    public NestedUpdateOne<C, U, W> delete() {
        arg("delete", true);
        return this;
    }
}
