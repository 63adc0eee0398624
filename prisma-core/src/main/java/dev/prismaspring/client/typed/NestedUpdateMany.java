package dev.prismaspring.client.typed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The nested write of a to-many relation inside an update (Prisma's {@code XUpdateManyWithoutYNestedInput}):
 * what a create allows, plus {@code set}, {@code disconnect}, {@code delete}, {@code update}, {@code updateMany},
 * {@code deleteMany} and {@code upsert}. Calls add up.
 *
 * @param <C>  the related model's {@code CreateInput}
 * @param <U>  the related model's {@code UpdateInput}
 * @param <W>  the related model's {@code WhereUniqueInput}
 * @param <WI> the related model's {@code WhereInput}
 */
public final class NestedUpdateMany<C extends PrismaInput, U extends PrismaInput, W extends PrismaInput,
        WI extends PrismaInput> extends NestedCreateMany<C, W> {

    private final List<PrismaInput> set = new ArrayList<>();
    private final List<PrismaInput> disconnect = new ArrayList<>();
    private final List<PrismaInput> delete = new ArrayList<>();
    private final List<PrismaInput> update = new ArrayList<>();
    private final List<PrismaInput> updateMany = new ArrayList<>();
    private final List<PrismaInput> deleteMany = new ArrayList<>();
    private final List<PrismaInput> upsert = new ArrayList<>();

    /** A nested write whose lambda forms use these factories. */
    public NestedUpdateMany(Supplier<C> creates, Supplier<W> uniques) {
        super(creates, uniques);
    }

    /** {@code set: [...]}: exactly these records are related afterwards. */
    @SafeVarargs
    public final NestedUpdateMany<C, U, W, WI> set(W... where) {
        set.addAll(Arrays.asList(where));
        arg("set", set);
        return this;
    }

    /** Adds to {@code disconnect: [...]}. */
    @SafeVarargs
    public final NestedUpdateMany<C, U, W, WI> disconnect(W... where) {
        Arrays.asList(where).forEach(w -> add("disconnect", disconnect, w));
        return this;
    }

    /** Adds to {@code delete: [...]}. */
    @SafeVarargs
    public final NestedUpdateMany<C, U, W, WI> delete(W... where) {
        Arrays.asList(where).forEach(w -> add("delete", delete, w));
        return this;
    }

    /** Adds {@code { where, data }} to {@code update: [...]}. */
    public NestedUpdateMany<C, U, W, WI> update(W where, U data) {
        add("update", update, NestedWriteItem.whereData(where, data));
        return this;
    }

    /** Adds {@code { where, data }} to {@code updateMany: [...]}. */
    public NestedUpdateMany<C, U, W, WI> updateMany(WI where, U data) {
        add("updateMany", updateMany, NestedWriteItem.whereData(where, data));
        return this;
    }

    /** Adds to {@code deleteMany: [...]}. */
    @SafeVarargs
    public final NestedUpdateMany<C, U, W, WI> deleteMany(WI... where) {
        Arrays.asList(where).forEach(w -> add("deleteMany", deleteMany, w));
        return this;
    }

    /** Adds {@code { where, create, update }} to {@code upsert: [...]}. */
    public NestedUpdateMany<C, U, W, WI> upsert(W where, C create, U data) {
        add("upsert", upsert, NestedWriteItem.upsert(where, create, data));
        return this;
    }
}
