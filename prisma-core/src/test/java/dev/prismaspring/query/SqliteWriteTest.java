package dev.prismaspring.query;

import dev.prismaspring.testdb.DbKind;

/** The write suite on Sqlite. */
class SqliteWriteTest extends WriteSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
