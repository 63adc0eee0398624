package dev.prismaspring.client;

import dev.prismaspring.testdb.DbKind;

/** The runtime suite on PostgreSQL. */
class PostgresRuntimeTest extends RuntimeSuite {
    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }

    @Override
    String isolationQuery() {
        return "SHOW transaction_isolation";
    }

    @Override
    String serializableAnswer() {
        return "serializable";
    }

    @Override
    String sleepSql() {
        return "SELECT pg_sleep(5)";
    }

    @Override
    String typedTableDdl() {
        return "CREATE TABLE \"Typed\" (\"i\" INTEGER, \"b\" BIGINT, \"d\" DECIMAL(65,30), \"f\" DOUBLE PRECISION, "
                + "\"t\" BOOLEAN, \"s\" TEXT, \"dt\" TIMESTAMP(3), \"j\" JSONB, \"by\" BYTEA)";
    }
}
