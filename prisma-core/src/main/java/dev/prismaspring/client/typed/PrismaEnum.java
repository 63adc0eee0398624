package dev.prismaspring.client.typed;

/** A generated enum (or a typed-client option) that goes into arguments by its Prisma name. */
public interface PrismaEnum {

    /** The name used in Prisma arguments and results (the schema name, not the {@code @map} database name). */
    String prismaName();
}
