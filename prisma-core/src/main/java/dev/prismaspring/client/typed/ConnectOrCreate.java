package dev.prismaspring.client.typed;

/** {@code { where, create }} of a {@code connectOrCreate}. */
public final class ConnectOrCreate extends PrismaInput {

    private ConnectOrCreate() {
    }

    /** {@code { where, create }}. */
    public static ConnectOrCreate of(PrismaInput where, PrismaInput create) {
        ConnectOrCreate c = new ConnectOrCreate();
        c.arg("where", where);
        c.arg("create", create);
        return c;
    }
}
