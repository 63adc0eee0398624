package dev.prismaspring.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Runs one query statement and maps its rows. */
public interface StatementRunner {

    /** Maps one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(Statement statement, RowMapper<T> mapper);

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    int update(Statement statement);

    /** Runs a one-row INSERT and returns the key the database generated for it (auto-increment), or null. */
    Object insertForGeneratedKey(Statement statement);
}
