package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.testdb.DbKind;

/** The actuator migrations suite on Mysql. */
class MysqlActuatorMigrationsTest extends ActuatorMigrationsSuite {

    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }
}
