package dev.prismaspring.typed;

import dev.prismaspring.testdb.DbKind;

/** The typed write suite on Sqlite. */
class SqliteTypedWriteTest extends TypedWriteSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
