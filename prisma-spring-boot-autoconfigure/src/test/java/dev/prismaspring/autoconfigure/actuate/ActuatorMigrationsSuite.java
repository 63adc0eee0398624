package dev.prismaspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.migrate.SchemaHash;
import dev.prismaspring.migrate.SchemaHashStore;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The endpoint and health with migrations, on a real database (one subclass per {@link DbKind}): up to date after
 * dev/deploy (with the schema hash recorded); a pending migration (PENDING, configured health status); unmigrated
 * schema changes; a database changed by hand (DRIFTED against the last applied migration); a failed and a modified
 * migration (FAILED, DOWN) — each as design.md's JSON says.
 */
abstract class ActuatorMigrationsSuite {

    abstract DbKind kind();

    @TempDir
    Path dir;

    TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabases.create(kind(), getClass().getSimpleName());
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    Path schemaFile() {
        return dir.resolve("schema.prisma");
    }

    Path migrations() {
        return dir.resolve("migrations");
    }

    ApplicationContextRunner runner(TestDatabase database, String mode) {
        return ActuatorFixture.runner(database.jdbcUrl(), schemaFile()).withPropertyValues(
                "prisma.migrate.mode=" + mode, "prisma.migrate.location=file:" + migrations(),
                "prisma.migrate.dev-output-dir=" + migrations());
    }

    interface Steps {
        void run(AssertableApplicationContext context) throws Exception;
    }

    void inContext(String mode, Steps steps) {
        runner(db, mode).run(context -> {
            assertThat(context).hasNotFailed();
            steps.run(context);
        });
    }

    /** Writes the next migration for the current schema without touching {@link #db} (dev mode on a scratch one). */
    void writeMigration() {
        try (TestDatabase scratch = TestDatabases.create(kind(), "scratch")) {
            runner(scratch, "dev").run(context -> assertThat(context).hasNotFailed());
        }
    }

    static Map<String, Object> prisma(AssertableApplicationContext context) {
        return context.getBean(PrismaEndpoint.class).prisma();
    }

    static Health health(AssertableApplicationContext context) {
        return context.getBean("prismaHealthIndicator", HealthIndicator.class).health();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> json, String... path) {
        Object o = json;
        for (String p : path) {
            o = ((Map<String, Object>) o).get(p);
        }
        return (T) o;
    }

    @Test
    void upToDatePendingUnmigratedAndDrifted() throws Exception {
        ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(kind()));
        inContext("dev", context -> {
            Map<String, Object> json = prisma(context);
            assertThat(json).containsEntry("status", "UP_TO_DATE");
            List<Map<String, Object>> applied = at(json, "migrations", "applied");
            assertThat(applied).hasSize(1);
            assertThat((String) applied.get(0).get("id")).endsWith("_dev");
            assertThat((String) applied.get(0).get("appliedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat((String) applied.get(0).get("checksum")).matches("9:[0-9a-f]{32}");
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            String hash = SchemaHash.of(SqlSchemaCalculator.calculate(SchemaValidator.validate(
                    ActuatorFixture.schema(kind())).datamodel()), kind().dialect().provider());
            assertThat(at(json, "schema", "hash").toString()).isEqualTo(hash);
            try (Connection c = db.connect()) {
                assertThat(new SchemaHashStore(kind().dialect()).read(c)).get()
                        .extracting(SchemaHashStore.Recorded::hash).as("recorded at startup").isEqualTo(hash);
            }
        });

        // a second migration, written elsewhere and not applied here: pending
        ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(kind(), "  phone String?\n"));
        writeMigration();
        List<Migration> folder = MigrationDirectory.at(migrations()).migrations();
        assertThat(folder).hasSize(2);
        inContext("none", context -> {
            Map<String, Object> json = prisma(context);
            assertThat(json).containsEntry("status", "PENDING").containsEntry("drift", List.of())
                    .containsEntry("unmigratedChanges", List.of());
            assertThat(at(json, "migrations", "pending").toString()).isEqualTo(List.of(folder.get(1).id()).toString());
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("status", "PENDING")
                    .containsEntry("pending", List.of(folder.get(1).id()));
        });

        // deployed: up to date again
        inContext("deploy", context -> {
            assertThat(prisma(context)).containsEntry("status", "UP_TO_DATE");
            assertThat((List<?>) at(prisma(context), "migrations", "applied")).hasSize(2);
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
        });

        // a schema change without migration: unmigrated changes, the database not drifted
        ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(kind(), "  phone String?\n  age Int?\n"));
        inContext("none", context -> {
            Map<String, Object> json = prisma(context);
            assertThat(json).containsEntry("status", "UNMIGRATED_CHANGES").containsEntry("drift", List.of());
            List<Map<String, Object>> changes = at(json, "unmigratedChanges");
            assertThat(changes).singleElement().satisfies(c -> assertThat(c).containsEntry("kind", "MissingColumn")
                    .containsEntry("table", "User").containsEntry("column", "age"));
            assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });

        // a change by hand: drift against the last applied migration, found by a POST
        ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(kind(), "  phone String?\n"));
        inContext("deploy", context -> {
            db.execute("ALTER TABLE " + kind().dialect().quote("Post") + " ADD COLUMN "
                    + kind().dialect().quote("views") + " INTEGER");
            assertThat(prisma(context)).as("cached").containsEntry("status", "UP_TO_DATE");
            Map<String, Object> json = context.getBean(PrismaEndpoint.class).check();
            assertThat(json).containsEntry("status", "DRIFTED");
            assertThat((List<Map<String, Object>>) at(json, "drift")).singleElement().satisfies(d -> assertThat(d)
                    .containsEntry("kind", "ExtraColumn").containsEntry("table", "Post")
                    .containsEntry("column", "views"));
            assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void aFailedMigrationIsFailedAndDown() throws Exception {
        ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(kind()));
        inContext("dev", context -> assertThat(prisma(context)).containsEntry("status", "UP_TO_DATE"));
        Path broken = migrations().resolve("29990101000000_broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("migration.sql"), "--liquibase formatted sql\n\n"
                + "--changeset prisma:29990101000000_broken\nALTER TABLE NoSuchTable ADD COLUMN x INTEGER;\n");
        runner(db, "deploy").run(context -> assertThat(context).hasFailed());
        inContext("none", context -> {
            Map<String, Object> json = prisma(context);
            assertThat(json).containsEntry("status", "FAILED").containsEntry("drift", List.of());
            List<Map<String, Object>> failed = at(json, "migrations", "failed");
            assertThat(failed).singleElement().satisfies(f -> {
                assertThat(f).containsEntry("id", "29990101000000_broken").containsKey("failedAt");
                assertThat((String) f.get("error")).isNotBlank();
            });
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("failed", List.of("29990101000000_broken"));
        });
    }

    @Test
    void aModifiedMigrationIsFailedAndDown() throws Exception {
        ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(kind()));
        inContext("dev", context -> assertThat(prisma(context)).containsEntry("status", "UP_TO_DATE"));
        Migration applied = MigrationDirectory.at(migrations()).migrations().get(0);
        Files.writeString(applied.sqlFile(), applied.sqlText() + "\nCREATE TABLE edited (id INTEGER NOT NULL);\n");
        inContext("none", context -> {
            Map<String, Object> json = prisma(context);
            assertThat(json).containsEntry("status", "FAILED");
            List<Map<String, Object>> modified = at(json, "migrations", "modified");
            assertThat(modified).singleElement().satisfies(m -> {
                assertThat(m).containsEntry("id", applied.id());
                assertThat(m.get("appliedChecksum")).isNotEqualTo(m.get("currentChecksum"));
            });
            assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
        });
    }
}
