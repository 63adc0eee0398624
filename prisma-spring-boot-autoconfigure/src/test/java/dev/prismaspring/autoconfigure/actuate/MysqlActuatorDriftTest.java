package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import java.sql.SQLException;

/** The actuator drift suite on MariaDB/MySQL. */
class MysqlActuatorDriftTest extends ActuatorDriftSuite {

    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }

    @Override
    String[] changeType(TestDatabase db) throws SQLException {
        db.execute("ALTER TABLE `User` MODIFY `name` TEXT NULL");
        return new String[] {"User", "name"};
    }

    @Override
    void restoreType(TestDatabase db) throws SQLException {
        db.execute("ALTER TABLE `User` MODIFY `name` VARCHAR(100) NULL");
    }

    @Override
    String dropIndexSql() {
        return "DROP INDEX `Post_title_idx` ON `Post`";
    }

    @Override
    String textType() {
        return "VARCHAR(191)";
    }
}
