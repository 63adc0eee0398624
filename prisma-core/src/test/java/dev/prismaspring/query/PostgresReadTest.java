package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The read suite on Postgres. */
class PostgresReadTest extends ReadSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
