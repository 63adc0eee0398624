package dev.prismaspring.client.typed;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The nested write of a to-one relation inside a create: {@code create}, {@code connect}, {@code connectOrCreate}
 * (Prisma's {@code XCreateNestedOneWithoutYInput}).
 *
 * @param <C> the related model's {@code CreateInput}
 * @param <W> the related model's {@code WhereUniqueInput}
 */
public class NestedCreateOne<C extends PrismaInput, W extends PrismaInput> extends PrismaInput {

    /** Creates related create inputs for the lambda forms. */
    protected final Supplier<C> creates;
    /** Creates related unique where-inputs for the lambda forms. */
    protected final Supplier<W> uniques;

    /** A nested write whose lambda forms use these factories. */
    public NestedCreateOne(Supplier<C> creates, Supplier<W> uniques) {
        this.creates = creates;
        this.uniques = uniques;
    }

    /** {@code create: data}. */
    public NestedCreateOne<C, W> create(C data) {
        arg("create", data);
        return this;
    }

    /** {@code create: data}, built in a lambda. */
    public NestedCreateOne<C, W> create(Consumer<C> data) {
        return create(Inputs.build(creates.get(), data));
    }

    /** {@code connect: where}. */
    public NestedCreateOne<C, W> connect(W where) {
        arg("connect", where);
        return this;
    }

    /** {@code connect: where}, built in a lambda. */
    public NestedCreateOne<C, W> connect(Consumer<W> where) {
        return connect(Inputs.build(uniques.get(), where));
    }

    /** {@code connectOrCreate: { where, create }}. */
    public NestedCreateOne<C, W> connectOrCreate(W where, C create) {
        arg("connectOrCreate", ConnectOrCreate.of(where, create));
        return this;
    }
}
