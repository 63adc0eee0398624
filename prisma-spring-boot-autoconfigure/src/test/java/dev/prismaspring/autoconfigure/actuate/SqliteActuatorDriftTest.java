package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import java.sql.SQLException;

/** The actuator drift suite on SQLite (a type changes by rebuilding the table). */
class SqliteActuatorDriftTest extends ActuatorDriftSuite {

    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }

    @Override
    String[] changeType(TestDatabase db) throws SQLException {
        rebuildProfile(db, "INTEGER");
        return new String[] {"Profile", "bio"};
    }

    @Override
    void restoreType(TestDatabase db) throws SQLException {
        rebuildProfile(db, "TEXT");
    }

    private static void rebuildProfile(TestDatabase db, String bioType) throws SQLException {
        db.execute("""
                CREATE TABLE "new_Profile" ("id" INTEGER NOT NULL PRIMARY KEY, "bio" %s NOT NULL);
                INSERT INTO "new_Profile" ("id", "bio") SELECT "id", "bio" FROM "Profile";
                DROP TABLE "Profile";
                ALTER TABLE "new_Profile" RENAME TO "Profile";
                """.formatted(bioType));
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
