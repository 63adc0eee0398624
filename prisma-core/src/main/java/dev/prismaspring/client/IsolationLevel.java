package dev.prismaspring.client;

import java.sql.Connection;

/**
 * Prisma's transaction isolation levels. {@code Snapshot} is SQL Server's and not supported by the databases this
 * client serves: asking for it fails with P2028 before anything runs. SQLite runs every transaction
 * {@code Serializable} and accepts no other level.
 */
public enum IsolationLevel {
    ReadUncommitted(Connection.TRANSACTION_READ_UNCOMMITTED),
    ReadCommitted(Connection.TRANSACTION_READ_COMMITTED),
    RepeatableRead(Connection.TRANSACTION_REPEATABLE_READ),
    Serializable(Connection.TRANSACTION_SERIALIZABLE),
    Snapshot(-1);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code Connection.TRANSACTION_*} constant, -1 for Snapshot. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
