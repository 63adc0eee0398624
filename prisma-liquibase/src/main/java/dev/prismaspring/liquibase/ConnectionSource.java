package dev.prismaspring.liquibase;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the database the migrations run on; the caller closes it. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
