package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** Query argument fuzzing on Sqlite. */
class SqliteQueryFuzzTest extends QueryFuzzSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
