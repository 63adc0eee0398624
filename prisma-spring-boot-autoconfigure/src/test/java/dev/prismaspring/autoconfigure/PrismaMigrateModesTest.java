package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.Table;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every {@code prisma.migrate.mode} at startup, on SQLite, PostgreSQL and MariaDB (a fresh database per test; a
 * server that does not answer skips its cases, saying why): dev writes and applies migrations, deploy applies
 * pending ones once and refuses edited or failed ones, push and validate work without files, destructive changes
 * are refused unless accepted, none does nothing.
 */
class PrismaMigrateModesTest {

    @TempDir
    Path dir;

    private Path schemaFile() {
        return dir.resolve("schema.prisma");
    }

    private Path migrationsDir() {
        return dir.resolve("migrations");
    }

    private ApplicationContextRunner runner(TestDatabase db, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "prisma.schema-location=file:" + schemaFile(),
                        "prisma.migrate.location=file:" + migrationsDir(),
                        "prisma.migrate.dev-output-dir=" + migrationsDir())
                .withPropertyValues(properties);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void devWritesMigrationsDeployAppliesThemOnceAndRefusesEditedOnes(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "modes_dev")) {
            Schemas.write(schemaFile(), Schemas.blog(kind));
            runner(db, "prisma.migrate.mode=dev").run(context -> assertThat(context).hasNotFailed());
            List<Migration> first = MigrationDirectory.at(migrationsDir()).migrations();
            assertThat(first).hasSize(1);
            assertThat(first.get(0).id()).endsWith("_dev");
            assertThat(first.get(0).snapshotSchemaText()).isEqualTo(Schemas.blog(kind));
            assertThat(tables(db)).containsExactly("Post", "User");
            assertThat(historyRows(db)).isEqualTo(1);

            // unchanged schema: dev writes nothing
            runner(db, "prisma.migrate.mode=dev").run(context -> assertThat(context).hasNotFailed());
            assertThat(MigrationDirectory.at(migrationsDir()).migrations()).hasSize(1);

            // a new column: a second migration, applied
            Schemas.write(schemaFile(), Schemas.blog(kind, "  phone String?\n"));
            runner(db, "prisma.migrate.mode=dev").run(context -> assertThat(context).hasNotFailed());
            assertThat(MigrationDirectory.at(migrationsDir()).migrations()).hasSize(2);
            assertThat(columns(db, "User")).contains("phone");
            assertThat(historyRows(db)).isEqualTo(2);

            // deploy on a fresh database: both pending migrations applied, once
            try (TestDatabase fresh = TestDatabases.create(kind, "modes_deploy")) {
                runner(fresh).run(context -> assertThat(context).hasNotFailed());
                assertThat(historyRows(fresh)).isEqualTo(2);
                assertThat(columns(fresh, "User")).contains("phone");
                runner(fresh).run(context -> assertThat(context).hasNotFailed());
                assertThat(historyRows(fresh)).isEqualTo(2);
            }

            // an applied migration edited: deploy refuses to start
            Path sql = MigrationDirectory.at(migrationsDir()).migrations().get(0).sqlFile();
            Files.writeString(sql, Files.readString(sql).replace("-- CreateTable", "-- CreateTable\n-- edited"));
            runner(db).run(context -> {
                FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
                assertThat(analysis.getDescription()).contains("was modified after it was applied")
                        .contains(MigrationDirectory.at(migrationsDir()).migrations().get(0).id());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deployRecordsAFailedMigrationAndRefusesUntilResolved(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "modes_failed")) {
            Schemas.write(schemaFile(), Schemas.blog(kind));
            runner(db, "prisma.migrate.mode=dev").run(context -> assertThat(context).hasNotFailed());
            Path broken = migrationsDir().resolve("29990101000000_broken");
            Files.createDirectories(broken);
            Files.writeString(broken.resolve("migration.sql"), "--liquibase formatted sql\n\n"
                    + "--changeset prisma:29990101000000_broken\nCREATE TABLE Nope (id INTEGER NOT NULL);\n"
                    + "ALTER TABLE NoSuchTable ADD COLUMN x INTEGER;\n");
            runner(db).run(context -> assertThat(PrismaAutoConfigurationTest.analysis(context).getDescription())
                    .startsWith("Migration 29990101000000_broken failed at statement 2 of 2:"));
            runner(db).run(context -> assertThat(PrismaAutoConfigurationTest.analysis(context).getDescription())
                    .startsWith("Migration 29990101000000_broken failed (")
                    .contains("so no migration is applied"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deployReadsMigrationsFromTheClasspath(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "modes_classpath")) {
            Schemas.write(schemaFile(), Schemas.blog(kind));
            // dev mode writes the migrations into a folder that then serves as a classpath root
            Path classes = dir.resolve("classes");
            Path written = classes.resolve("db/prisma/migrations");
            try (TestDatabase scratch = TestDatabases.create(kind, "modes_scratch")) {
                runner(scratch, "prisma.migrate.mode=dev", "prisma.migrate.dev-output-dir=" + written)
                        .run(context -> assertThat(context).hasNotFailed());
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    getClass().getClassLoader())) {
                runner(db, "prisma.migrate.location=classpath:db/prisma/migrations").withClassLoader(loader)
                        .run(context -> assertThat(context).hasNotFailed());
            }
            assertThat(tables(db)).containsExactly("Post", "User");
            assertThat(historyRows(db)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void devRefusesDestructiveChangesUnlessAccepted(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "modes_devloss")) {
            Schemas.write(schemaFile(), Schemas.blog(kind, "  phone String?\n"));
            runner(db, "prisma.migrate.mode=dev").run(context -> assertThat(context).hasNotFailed());
            insertUser(db);
            Schemas.write(schemaFile(), Schemas.blog(kind));
            runner(db, "prisma.migrate.mode=dev").run(context -> {
                FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
                assertThat(analysis.getDescription()).startsWith("Prisma refused to write and apply a migration")
                        .contains("may lose data").contains("  • ").contains("phone");
                assertThat(analysis.getAction()).contains("prisma.migrate.accept-data-loss=true");
            });
            assertThat(MigrationDirectory.at(migrationsDir()).migrations()).hasSize(1);
            assertThat(columns(db, "User")).contains("phone");
            runner(db, "prisma.migrate.mode=dev", "prisma.migrate.accept-data-loss=true")
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(MigrationDirectory.at(migrationsDir()).migrations()).hasSize(2);
            assertThat(columns(db, "User")).doesNotContain("phone");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pushAppliesTheSchemaAndRefusesDataLossUnlessAccepted(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "modes_push")) {
            Schemas.write(schemaFile(), Schemas.blog(kind, "  phone String?\n"));
            runner(db, "prisma.migrate.mode=push").run(context -> assertThat(context).hasNotFailed());
            assertThat(tables(db)).containsExactly("Post", "User");
            assertThat(historyRows(db)).isEqualTo(-1);
            insertUser(db);
            Schemas.write(schemaFile(), Schemas.blog(kind));
            runner(db, "prisma.migrate.mode=push").run(context -> {
                FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
                assertThat(analysis.getDescription()).startsWith("Prisma refused to push the schema")
                        .contains("  • ").contains("phone");
            });
            assertThat(columns(db, "User")).contains("phone");
            runner(db, "prisma.migrate.mode=push", "prisma.migrate.accept-data-loss=true")
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(columns(db, "User")).doesNotContain("phone");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void validateRefusesADriftedDatabaseAndNoneDoesNothing(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "modes_validate")) {
            Schemas.write(schemaFile(), Schemas.blog(kind));
            runner(db, "prisma.migrate.mode=none").run(context -> assertThat(context).hasNotFailed());
            assertThat(tables(db)).isEmpty();
            runner(db, "prisma.migrate.mode=validate").run(context -> {
                FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
                assertThat(analysis.getDescription()).contains("prisma.migrate.mode=validate")
                        .contains("  • The table `User` is in the schema but missing from the database.")
                        .contains("  • The table `Post` is in the schema but missing from the database.");
            });
            assertThat(tables(db)).isEmpty();
            runner(db, "prisma.migrate.mode=push").run(context -> assertThat(context).hasNotFailed());
            runner(db, "prisma.migrate.mode=validate").run(context -> assertThat(context).hasNotFailed());
            // drift: a column the schema does not know
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + db.dialect().quote("User") + " ADD COLUMN extra INTEGER");
            }
            runner(db, "prisma.migrate.mode=validate").run(context -> assertThat(
                    PrismaAutoConfigurationTest.analysis(context).getDescription())
                    .contains("The column `User.extra` (").contains(") is in the database but not in the schema."));
        }
    }

    @Test
    void devRefusesADatabaseMigratedFromAnotherFolder() throws Exception {
        try (TestDatabase db = TestDatabases.create(DbKind.SQLITE, "modes_devmissing")) {
            Schemas.write(schemaFile(), Schemas.blog(DbKind.SQLITE));
            runner(db, "prisma.migrate.mode=dev").run(context -> assertThat(context).hasNotFailed());
            String applied = MigrationDirectory.at(migrationsDir()).migrations().get(0).id();
            Path elsewhere = dir.resolve("elsewhere");
            runner(db, "prisma.migrate.mode=dev", "prisma.migrate.dev-output-dir=" + elsewhere).run(context -> {
                FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
                assertThat(analysis.getDescription()).isEqualTo("The database has migrations applied that are not in "
                        + elsewhere + " (prisma.migrate.dev-output-dir): " + applied + ".");
            });
            assertThat(MigrationDirectory.at(elsewhere).migrations()).isEmpty();
        }
    }

    private static void insertUser(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + db.dialect().quote("User") + " (" + db.dialect().quote("email") + ", "
                    + db.dialect().quote("phone") + ") VALUES ('ada@example.com', '123')");
        }
    }

    static List<String> tables(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return Introspector.forProvider(Introspector.providerOf(c)).introspect(c).tables().stream()
                    .map(Table::name).sorted().toList();
        }
    }

    static List<String> columns(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect()) {
            return Introspector.forProvider(Introspector.providerOf(c)).introspect(c).tables().stream()
                    .filter(t -> t.name().equals(table)).flatMap(t -> t.columns().stream()).map(col -> col.name())
                    .toList();
        }
    }

    /** Rows in DATABASECHANGELOG; -1 when the table does not exist. */
    static int historyRows(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                return -1;
            }
        }
    }
}
