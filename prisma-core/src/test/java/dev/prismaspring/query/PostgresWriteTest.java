package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The write suite on Postgres. */
class PostgresWriteTest extends WriteSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
