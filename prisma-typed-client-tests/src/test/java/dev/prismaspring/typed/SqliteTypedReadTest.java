package dev.prismaspring.typed;

import dev.prismaspring.testdb.DbKind;

/** The typed read suite on Sqlite. */
class SqliteTypedReadTest extends TypedReadSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
