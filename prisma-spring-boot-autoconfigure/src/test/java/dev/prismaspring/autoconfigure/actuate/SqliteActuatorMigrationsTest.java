package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.testdb.DbKind;

/** The actuator migrations suite on Sqlite. */
class SqliteActuatorMigrationsTest extends ActuatorMigrationsSuite {

    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }
}
