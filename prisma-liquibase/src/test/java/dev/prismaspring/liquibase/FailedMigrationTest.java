package dev.prismaspring.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import dev.prismaspring.schema.Provider;
import java.nio.file.Path;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration failing halfway (a table created, then a unique index over duplicate rows): on PostgreSQL and SQLite
 * the catalog is exactly as before; on MariaDB the failure records how many statements ran; everywhere the message
 * names the failing statement (number and text) and deploys refuse until it is resolved.
 */
class FailedMigrationTest {

    /** A migration with the header Prisma for Spring Boot writes for {@code provider} (PostgreSQL: sent whole). */
    private static Migration migration(String id, Provider provider, String sql) {
        return new Migration(id, MigrationSqlWriter.HEADER + "\n\n" + MigrationSqlWriter.changesetLine(id, provider)
                + "\n" + sql + "\n", null, Path.of("classpath-migrations", id));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void failingHalfwayIsReportedByStatement(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "failhalf")) {
            Provider provider = kind.dialect().provider();
            List<Migration> migrations = new ArrayList<>(List.of(migration("20260101000000_init", provider,
                    "CREATE TABLE t (x INTEGER NOT NULL);\nINSERT INTO t (x) VALUES (1);\nINSERT INTO t (x) VALUES (1);")));
            LiquibaseMigrator migrator = new LiquibaseMigrator(db::connect, db.toString(), () -> List.copyOf(migrations));
            migrator.deploy();
            String before = db.catalog();

            migrations.add(migration("20260102000000_unique", provider, "CREATE TABLE extra (id INTEGER NOT NULL);\n"
                    + "CREATE UNIQUE INDEX t_x_key ON t (x);\nCREATE TABLE never (id INTEGER NOT NULL);"));
            MigrationException e = catchThrowableOfType(MigrationException.class, migrator::deploy);
            assertThat(e.getMessage()).contains("prisma migrate resolve --rolled-back 20260102000000_unique");
            MigrationStatus.Failed failed = migrator.status().failed().get(0);
            assertThat(failed.id()).isEqualTo("20260102000000_unique");
            String after = db.catalog();
            switch (kind) {
                case MYSQL -> {
                    assertThat(e.getMessage()).startsWith("Migration 20260102000000_unique failed at statement 2 of 3: ")
                            .contains("Failing statement (2 of 3):\n  CREATE UNIQUE INDEX t_x_key ON t (x)")
                            .contains("statements 1-1 ran and stay applied");
                    assertThat(failed.error()).startsWith("at statement 2 of 3; statements 1-1 ran and stay applied");
                    assertThat(after).contains("extra").doesNotContain("never");
                }
                case SQLITE -> {
                    assertThat(e.getMessage()).startsWith("Migration 20260102000000_unique failed at statement 2 of 3: ")
                            .contains("Failing statement (2 of 3):\n  CREATE UNIQUE INDEX t_x_key ON t (x)")
                            .contains("rolled back, none of its statements remain");
                    assertThat(failed.error()).startsWith("at statement 2 of 3; rolled back");
                    assertThat(withoutLiquibase(after)).isEqualTo(withoutLiquibase(before));
                }
                case POSTGRES -> {
                    // the script goes to the driver whole (splitStatements:false): PostgreSQL's error names the index
                    assertThat(e.getMessage()).startsWith("Migration 20260102000000_unique failed: ")
                            .contains("t_x_key").contains("; rolled back.")
                            .contains("Failing SQL (the migration runs as one script):\n  CREATE TABLE extra");
                    assertThat(failed.error()).startsWith("rolled back: ");
                    assertThat(withoutLiquibase(after)).isEqualTo(withoutLiquibase(before));
                }
            }
            assertThat(catchThrowableOfType(MigrationException.class, migrator::deploy).getMessage())
                    .contains("so no migration is applied");
        }
    }

    private static String withoutLiquibase(String catalog) {
        return catalog.lines().filter(l -> !l.toUpperCase().contains("DATABASECHANGELOG"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
