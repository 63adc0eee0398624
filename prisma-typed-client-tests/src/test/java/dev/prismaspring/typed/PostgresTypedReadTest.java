package dev.prismaspring.typed;

import dev.prismaspring.testdb.DbKind;

/** The typed read suite on Postgres. */
class PostgresTypedReadTest extends TypedReadSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
