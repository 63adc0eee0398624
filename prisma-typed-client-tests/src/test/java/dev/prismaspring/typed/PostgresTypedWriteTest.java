package dev.prismaspring.typed;

import dev.prismaspring.testdb.DbKind;

/** The typed write suite on Postgres. */
class PostgresTypedWriteTest extends TypedWriteSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
