package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The read suite on Sqlite. */
class SqliteReadTest extends ReadSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
