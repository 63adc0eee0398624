package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** Query argument fuzzing on Postgres. */
class PostgresQueryFuzzTest extends QueryFuzzSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
