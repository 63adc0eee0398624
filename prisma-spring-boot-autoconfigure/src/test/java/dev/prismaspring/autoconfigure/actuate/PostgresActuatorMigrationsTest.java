package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.testdb.DbKind;

/** The actuator migrations suite on Postgres. */
class PostgresActuatorMigrationsTest extends ActuatorMigrationsSuite {

    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }
}
