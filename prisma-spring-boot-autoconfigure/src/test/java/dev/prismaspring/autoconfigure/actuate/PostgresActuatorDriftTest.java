package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import java.sql.SQLException;

/** The actuator drift suite on PostgreSQL. */
class PostgresActuatorDriftTest extends ActuatorDriftSuite {

    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }

    @Override
    String[] changeType(TestDatabase db) throws SQLException {
        db.execute("ALTER TABLE \"User\" ALTER COLUMN \"name\" TYPE TEXT");
        return new String[] {"User", "name"};
    }

    @Override
    void restoreType(TestDatabase db) throws SQLException {
        db.execute("ALTER TABLE \"User\" ALTER COLUMN \"name\" TYPE VARCHAR(100)");
    }

    @Override
    String dropIndexSql() {
        return "DROP INDEX \"Post_title_idx\"";
    }

    @Override
    String textType() {
        return "TEXT";
    }
}
