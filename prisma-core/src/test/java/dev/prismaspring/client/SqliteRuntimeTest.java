package dev.prismaspring.client;

import dev.prismaspring.testdb.DbKind;

/** The runtime suite on SQLite. */
class SqliteRuntimeTest extends RuntimeSuite {
    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }

    @Override
    String isolationQuery() {
        return "PRAGMA read_uncommitted";
    }

    @Override
    String serializableAnswer() {
        return "0";
    }

    @Override
    String sleepSql() {
        return null;
    }

    @Override
    String typedTableDdl() {
        return "CREATE TABLE \"Typed\" (\"i\" INTEGER, \"b\" BIGINT, \"d\" DECIMAL, \"f\" REAL, \"t\" BOOLEAN, "
                + "\"s\" TEXT, \"dt\" DATETIME, \"j\" JSONB, \"by\" BLOB)";
    }
}
