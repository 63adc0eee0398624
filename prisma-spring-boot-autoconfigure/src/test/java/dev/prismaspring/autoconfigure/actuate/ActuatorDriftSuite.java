package dev.prismaspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

/**
 * The endpoint and the health indicator in an application context on a real database (one subclass per
 * {@link DbKind}), in push mode (the database follows the schema, no migrations): a fresh database is up to date
 * and UP; each change made by hand shows in the endpoint's drift with its kind after a {@code POST} (a full check),
 * and the health reports the configured status; once repaired, both are back to UP_TO_DATE / UP.
 */
abstract class ActuatorDriftSuite {

    abstract DbKind kind();

    /** Changes the type of {@code table.column} by hand; returns {@code {table, column}}. */
    abstract String[] changeType(TestDatabase db) throws SQLException;

    abstract void restoreType(TestDatabase db) throws SQLException;

    abstract String dropIndexSql();

    @TempDir
    Path dir;

    TestDatabase db;
    Path schemaFile;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        String text = ActuatorFixture.schema(kind());
        schemaFile = ActuatorFixture.writeSchema(dir, text);
        db.execute(SqlSchemaCalculator.renderCreate(SchemaValidator.validate(text).datamodel()));
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    String q(String identifier) {
        return kind().dialect().quote(identifier);
    }

    interface Steps {
        void run(ApplicationContext context) throws Exception;
    }

    void inContext(Steps steps, String... properties) {
        ActuatorFixture.runner(db.jdbcUrl(), schemaFile).withPropertyValues("prisma.migrate.mode=push")
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    steps.run(context);
                });
    }

    static Map<String, Object> check(ApplicationContext context) {
        return context.getBean(PrismaEndpoint.class).check();
    }

    static Status health(ApplicationContext context) {
        return context.getBean("prismaHealthIndicator", HealthIndicator.class).health().getStatus();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> drift(Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("drift");
    }

    /** Breaks the database, expects one difference of {@code kind} on {@code table} (and column/index), repairs. */
    void expectDrift(ApplicationContext context, String kind, String table, String key, String name,
            Repair repair) throws Exception {
        Map<String, Object> json = check(context);
        assertThat(json.get("status")).isEqualTo("DRIFTED");
        assertThat(drift(json)).hasSize(1);
        Map<String, Object> d = drift(json).get(0);
        assertThat(d).containsEntry("kind", kind).containsEntry("table", table);
        if (key != null) {
            assertThat(d).containsEntry(key, name);
        }
        assertThat((String) d.get("detail")).isNotBlank();
        assertThat(health(context)).isEqualTo(Status.OUT_OF_SERVICE);

        repair.run();
        assertThat(context.getBean(PrismaEndpoint.class).prisma().get("status")).as("cached until a check")
                .isEqualTo("DRIFTED");
        assertThat(check(context)).containsEntry("status", "UP_TO_DATE").containsEntry("drift", List.of());
        assertThat(health(context)).isEqualTo(Status.UP);
    }

    interface Repair {
        void run() throws Exception;
    }

    @Test
    void aFreshDatabaseIsUpToDateAndUp() {
        inContext(context -> {
            Map<String, Object> json = context.getBean(PrismaEndpoint.class).prisma();
            assertThat(json).containsEntry("status", "UP_TO_DATE").containsEntry("drift", List.of())
                    .containsEntry("unmigratedChanges", List.of());
            assertThat(health(context)).isEqualTo(Status.UP);
        });
    }

    @Test
    void aColumnAddedByHand() {
        inContext(context -> {
            db.execute("ALTER TABLE " + q("User") + " ADD COLUMN " + q("phone") + " VARCHAR(20)");
            expectDrift(context, "ExtraColumn", "User", "column", "phone",
                    () -> db.execute("ALTER TABLE " + q("User") + " DROP COLUMN " + q("phone")));
        });
    }

    @Test
    void aDroppedIndex() {
        inContext(context -> {
            db.execute(dropIndexSql());
            expectDrift(context, "MissingIndex", "Post", "index", "Post_title_idx",
                    () -> db.execute("CREATE INDEX " + q("Post_title_idx") + " ON " + q("Post") + " (" + q("title")
                            + ")"));
        });
    }

    @Test
    void aChangedType() {
        inContext(context -> {
            String[] where = changeType(db);
            expectDrift(context, "ChangedColumn", where[0], "column", where[1], () -> restoreType(db));
        });
    }

    @Test
    void aMissingTable() {
        inContext(context -> {
            db.execute("DROP TABLE " + q("Profile"));
            expectDrift(context, "MissingTable", "Profile", null, null, () -> db.execute("CREATE TABLE "
                    + q("Profile") + " (" + q("id") + " INTEGER NOT NULL, " + q("bio") + " " + textType()
                    + " NOT NULL, " + "CONSTRAINT " + q("Profile_pkey") + " PRIMARY KEY (" + q("id") + "))"));
        });
    }

    /** The type Prisma gives a String column. */
    abstract String textType();

    @Test
    void anExtraTableUnlessIgnored() {
        inContext(context -> {
            db.execute("CREATE TABLE " + q("audit_log") + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY)");
            expectDrift(context, "ExtraTable", "audit_log", null, null,
                    () -> db.execute("DROP TABLE " + q("audit_log")));
        });
        inContext(context -> {
            db.execute("CREATE TABLE " + q("audit_log") + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY)");
            assertThat(check(context)).containsEntry("status", "UP_TO_DATE");
        }, "prisma.drift.ignore-tables=audit_log");
    }

    @Test
    void theHealthReportsTheConfiguredStatus() {
        inContext(context -> {
            db.execute("DROP TABLE " + q("Profile"));
            assertThat(check(context)).containsEntry("status", "DRIFTED");
            assertThat(health(context)).isEqualTo(new Status("DEGRADED"));
            var details = context.getBean("prismaHealthIndicator", HealthIndicator.class).health().getDetails();
            assertThat(details).containsEntry("status", "DRIFTED").containsKey("driftCheckedAt");
            assertThat((List<?>) details.get("drift")).hasSize(1);
        }, "prisma.health.drift-status=DEGRADED");
    }
}
