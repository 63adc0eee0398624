package dev.prismaspring.client.typed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The nested write of a to-many relation inside a create: {@code create}, {@code connect},
 * {@code connectOrCreate}, {@code createMany} (Prisma's {@code XCreateNestedManyWithoutYInput}). Calls add up:
 * two {@code create} calls create two records.
 *
 * @param <C> the related model's {@code CreateInput}
 * @param <W> the related model's {@code WhereUniqueInput}
 */
public class NestedCreateMany<C extends PrismaInput, W extends PrismaInput> extends PrismaInput {

    /** Creates related create inputs for the lambda forms. */
    protected final Supplier<C> creates;
    /** Creates related unique where-inputs for the lambda forms. */
    protected final Supplier<W> uniques;
    private final List<PrismaInput> create = new ArrayList<>();
    private final List<PrismaInput> connect = new ArrayList<>();
    private final List<PrismaInput> connectOrCreate = new ArrayList<>();

    /** A nested write whose lambda forms use these factories. */
    public NestedCreateMany(Supplier<C> creates, Supplier<W> uniques) {
        this.creates = creates;
        this.uniques = uniques;
    }

    /** Adds to {@code create: [...]}. */
    @SafeVarargs
    public final NestedCreateMany<C, W> create(C... data) {
        create.addAll(Arrays.asList(data));
        arg("create", create);
        return this;
    }

    /** Adds one record, built in a lambda, to {@code create: [...]}. */
    public final NestedCreateMany<C, W> create(Consumer<C> data) {
        return create(List.of(Inputs.build(creates.get(), data)));
    }

    /** Adds to {@code create: [...]}. */
    public final NestedCreateMany<C, W> create(List<C> data) {
        create.addAll(data);
        arg("create", create);
        return this;
    }

    /** Adds to {@code connect: [...]}. */
    @SafeVarargs
    public final NestedCreateMany<C, W> connect(W... where) {
        connect.addAll(Arrays.asList(where));
        arg("connect", connect);
        return this;
    }

    /** Adds one record, chosen in a lambda, to {@code connect: [...]}. */
    public final NestedCreateMany<C, W> connect(Consumer<W> where) {
        connect.add(Inputs.build(uniques.get(), where));
        arg("connect", connect);
        return this;
    }

    /** Adds to {@code connectOrCreate: [{ where, create }]}. */
    public final NestedCreateMany<C, W> connectOrCreate(W where, C create) {
        connectOrCreate.add(ConnectOrCreate.of(where, create));
        arg("connectOrCreate", connectOrCreate);
        return this;
    }

    /** {@code createMany: { data: [...], skipDuplicates }} ({@code skipDuplicates} may be {@code null}). */
    public final NestedCreateMany<C, W> createMany(List<C> data, Boolean skipDuplicates) {
        arg("createMany", NestedWriteItem.createMany(data, skipDuplicates));
        return this;
    }

    /** Adds a value under {@code key}; for the update variant. */
    final void add(String key, List<PrismaInput> list, PrismaInput value) {
        list.add(value);
        arg(key, list);
    }
}
