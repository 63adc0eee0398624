package dev.prismaspring.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prismaspring.migrate.DataLossWarning.Kind;
import dev.prismaspring.migrate.DataLossWarning.Severity;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.testdb.Catalog;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Destructive changes on real databases holding rows: each risk is reported with its row count in Prisma's
 * words, and the {@link MigrationExecutor} applies nothing unless data loss is accepted (and never what cannot run).
 */
class DestructiveChangesTest {

    private static final String BASE = """
            model User {
              id       Int     @id @default(autoincrement())
              email    String
              nickname String?
              role     Role    @default(USER)
            }

            enum Role {
              USER
              ADMIN
              GUEST
            }
            """;

    private static final String ROWS = "INSERT INTO %s (%s, %s, %s) VALUES ('a@x.io', 'ann', 'ADMIN'), "
            + "('b@x.io', 'bob', 'USER'), ('a@x.io', NULL, 'USER')";

    private record Outcome(SafetyReport report, boolean unchanged, MigrationRefusedException refusal) {
    }

    /** Creates BASE with 3 rows, then tries to migrate to {@code target} without accepting data loss. */
    private static Outcome attempt(DbKind kind, String target) throws SQLException {
        Assumptions.assumeTrue(TestDatabases.availability(kind).available(), "database not available");
        String provider = MigrateSchemas.provider(kind);
        SqlSchema from = MigrateSchemas.models(provider, BASE);
        SqlSchema to = MigrateSchemas.models(provider, target);
        MigrationScript script = SchemaDiffer.script(from, to, kind.dialect());
        try (TestDatabase db = TestDatabases.create(kind, "destructive")) {
            db.executeAll(kind.dialect().createSteps(from).statements());
            var d = kind.dialect();
            db.execute(String.format(ROWS, d.quote("User"), d.quote("email"), d.quote("nickname"), d.quote("role")));
            String before = Catalog.dump(db, false);
            try (Connection c = db.connect()) {
                MigrationRefusedException refused = null;
                SafetyReport report;
                try {
                    report = MigrationExecutor.apply(c, script, false);
                } catch (MigrationRefusedException e) {
                    refused = e;
                    report = e.report();
                }
                return new Outcome(report, before.equals(Catalog.dump(db, false)), refused);
            }
        }
    }

    private static DataLossWarning only(SafetyReport report, Kind kind) {
        List<DataLossWarning> found = report.warnings().stream().filter(w -> w.kind() == kind).toList();
        assertEquals(1, found.size(), () -> kind + " in " + report.warnings());
        return found.get(0);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void droppingAColumnWithValuesIsRefused(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, BASE.replace("  nickname String?\n", ""));
        DataLossWarning w = only(o.report(), Kind.COLUMN_DROP);
        assertEquals("You are about to drop the column `nickname` on the `User` table, which still contains 2 "
                + "non-null values.", w.detail());
        assertEquals(2L, w.rowCount());
        assertEquals(Severity.DESTRUCTIVE, w.severity());
        assertTrue(o.unchanged(), "nothing applied");
        assertTrue(o.refusal().getMessage().contains("--accept-data-loss"));
        assertTrue(o.refusal().getMessage().contains("prisma.migrate.accept-data-loss=true"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void makingAColumnWithNullsRequiredIsRefused(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, BASE.replace("nickname String?", "nickname String "));
        DataLossWarning w = only(o.report(), Kind.MADE_REQUIRED);
        assertEquals("Made the column `nickname` on table `User` required, but there are 1 existing NULL values.",
                w.detail());
        assertEquals(1L, w.rowCount());
        assertEquals(Severity.UNEXECUTABLE, w.severity());
        assertTrue(o.unchanged());
        assertTrue(o.refusal().getMessage().contains("Accepting data loss does not help"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void addingARequiredColumnWithoutDefaultIsRefused(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, BASE.replace("  role ", "  age      Int\n  role "));
        DataLossWarning w = only(o.report(), Kind.REQUIRED_COLUMN_ADDED);
        assertEquals("Added the required column `age` to the `User` table without a default value. There are 3 rows "
                + "in this table, it is not possible to execute this step.", w.detail());
        assertEquals(3L, w.rowCount());
        assertTrue(o.unchanged());
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void removingAnEnumValueInUseIsRefused(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, BASE.replace("  ADMIN\n", ""));
        DataLossWarning w = only(o.report(), Kind.ENUM_VALUE_REMOVAL);
        assertEquals(1L, w.rowCount());
        assertEquals(Severity.UNEXECUTABLE, w.severity());
        assertTrue(w.detail().contains("The values [ADMIN] on the enum"), w.detail());
        assertTrue(o.unchanged());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void droppingATableWithRowsIsRefused(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, "model Other {\n  id Int @id\n}\n" + BASE.substring(BASE.indexOf("enum Role")));
        DataLossWarning w = only(o.report(), Kind.TABLE_DROP);
        assertEquals("You are about to drop the `User` table, which is not empty (3 rows).", w.detail());
        assertEquals(3L, w.rowCount());
        assertTrue(o.unchanged());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aUniqueConstraintOnDuplicatesIsRefused(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, BASE.replace("email    String", "email    String @unique"));
        DataLossWarning w = only(o.report(), Kind.UNIQUE_ADDITION);
        assertEquals(1L, w.rowCount());
        assertTrue(w.detail().startsWith("A unique constraint covering the columns `[email]` on the table `User` will "
                + "be added."), w.detail());
        assertTrue(o.unchanged());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void safeChangesApplyWithoutAcceptance(DbKind kind) throws SQLException {
        Outcome o = attempt(kind, BASE.replace("  role ", "  bio      String?\n  role "));
        assertTrue(o.report().isSafe(), () -> o.report().warnings().toString());
        assertFalse(o.unchanged(), "applied");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rowsSurviveAMigration(DbKind kind) throws SQLException {
        Assumptions.assumeTrue(TestDatabases.availability(kind).available(), "database not available");
        String provider = MigrateSchemas.provider(kind);
        SqlSchema from = MigrateSchemas.models(provider, BASE);
        // unused enum value removed, default added (SQLite redefines the table), new optional column
        SqlSchema to = MigrateSchemas.models(provider, BASE.replace("  GUEST\n", "")
                .replace("nickname String?", "nickname String? @default(\"anon\")")
                .replace("  role ", "  bio      String?\n  role "));
        MigrationScript script = SchemaDiffer.script(from, to, kind.dialect());
        var d = kind.dialect();
        try (TestDatabase db = TestDatabases.create(kind, "rows")) {
            db.executeAll(d.createSteps(from).statements());
            db.execute(String.format(ROWS, d.quote("User"), d.quote("email"), d.quote("nickname"), d.quote("role")));
            try (Connection c = db.connect()) {
                MigrationExecutor.apply(c, script, true);
                try (var rs = c.createStatement().executeQuery("SELECT " + d.quote("email") + ", "
                        + d.quote("nickname") + ", " + d.quote("role") + " FROM " + d.quote("User") + " ORDER BY "
                        + d.quote("id"))) {
                    StringBuilder rows = new StringBuilder();
                    while (rs.next()) {
                        rows.append(rs.getString(1)).append('/').append(rs.getString(2)).append('/')
                                .append(rs.getString(3)).append(';');
                    }
                    assertEquals("a@x.io/ann/ADMIN;b@x.io/bob/USER;a@x.io/null/USER;", rows.toString());
                }
            }
        }
    }

    @Test
    void acceptedDataLossIsApplied() throws SQLException {
        SqlSchema from = MigrateSchemas.models("sqlite", BASE);
        SqlSchema to = MigrateSchemas.models("sqlite", BASE.replace("  nickname String?\n", ""));
        MigrationScript script = SchemaDiffer.script(from, to, DbKind.SQLITE.dialect());
        try (TestDatabase db = TestDatabases.create(DbKind.SQLITE, "accepted")) {
            db.executeAll(DbKind.SQLITE.dialect().createSteps(from).statements());
            db.execute(String.format(ROWS, "\"User\"", "\"email\"", "\"nickname\"", "\"role\""));
            try (Connection c = db.connect()) {
                SafetyReport report = MigrationExecutor.apply(c, script, true);
                assertEquals(1, report.warnings().size());
            }
            assertFalse(Catalog.dump(db, false).contains("nickname"));
        }
    }

    @Test
    void withoutAConnectionEveryPotentialRiskIsReported() {
        SqlSchema from = MigrateSchemas.models("postgresql", BASE);
        SqlSchema to = MigrateSchemas.models("postgresql", BASE.replace("  nickname String?\n", "")
                .replace("  ADMIN\n", "").replace("  role ", "  age      Int\n  role "));
        MigrationScript script = SchemaDiffer.script(from, to, DbKind.POSTGRES.dialect());
        SafetyReport report = DestructiveChangeChecker.check(script);
        assertEquals(List.of(
                "The values [ADMIN] on the enum `Role` will be removed. If these variants are still used in the "
                        + "database, this will fail.",
                "You are about to drop the column `nickname` on the `User` table. All the data in the column will be lost.",
                "Added the required column `age` to the `User` table without a default value. This is not possible if "
                        + "the table is not empty."),
                report.warnings().stream().map(DataLossWarning::detail).toList());
        assertTrue(report.warnings().stream().allMatch(w -> w.rowCount() == null));
        assertTrue(script.rollbackSql().startsWith("-- This rollback restores the structure, not the data:\n"
                + "--   - The migration removes the values [ADMIN]"), script.rollbackSql());
        assertTrue(report.refusal().contains("--accept-data-loss"));
    }
}
