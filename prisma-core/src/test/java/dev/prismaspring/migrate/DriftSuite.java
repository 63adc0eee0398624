package dev.prismaspring.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drift detection against a real database (one subclass per {@link DbKind}): each test gets a fresh database
 * created from the blog schema, changes it by hand, checks that {@link DriftDetector} reports exactly the
 * difference with the right kind, table and column or index, repairs it and checks that the drift is gone.
 * Also the schema-hash table (recorded, read back, invisible to drift).
 */
abstract class DriftSuite {

    abstract DbKind kind();

    /** SQL that changes the type of {@code User.name} (or, on SQLite, of {@code Tag.name}). */
    abstract List<String> changeTypeSql();

    /** SQL that restores what {@link #changeTypeSql()} changed. */
    abstract List<String> restoreTypeSql();

    /** The table and column whose type {@link #changeTypeSql()} changes. */
    abstract String[] changedTypeColumn();

    abstract String dropTitleIndexSql();

    TestDatabase db;
    SqlSchema expected;
    DriftDetector detector;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        expected = MigrateSchemas.sql(TestSchemas.blog(MigrateSchemas.provider(kind())), kind());
        db.execute(kind().dialect().renderCreate(expected));
        detector = DriftDetector.of(kind().dialect(), List.of());
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    DriftReport check() throws SQLException {
        try (Connection c = db.connect()) {
            return detector.check(c, expected);
        }
    }

    String q(String identifier) {
        return kind().dialect().quote(identifier);
    }

    /** Makes the database match {@code expected} again through the differ (as {@code db push} does). */
    void push() throws SQLException {
        SqlSchema live;
        try (Connection c = db.connect()) {
            live = Introspector.forProvider(kind().dialect().provider()).introspect(c, expected.namespaces());
        }
        db.executeAll(MigrationScript.of(live, expected, kind().dialect()).statements());
    }

    @Test
    void aFreshDatabaseHasNoDrift() throws SQLException {
        DriftReport report = check();
        assertThat(report.differences()).isEmpty();
        assertThat(report.checkedAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void aColumnAddedByHandIsAnExtraColumn() throws SQLException {
        db.execute("ALTER TABLE " + q("User") + " ADD COLUMN " + q("phone") + " VARCHAR(20)");
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table,
                DriftDifference::column).containsExactly(tuple(DriftKind.EXTRA_COLUMN, "User", "phone"));
        assertThat(check().details().get(0)).contains("`User.phone`").contains("in the database but not in the schema");

        db.execute("ALTER TABLE " + q("User") + " DROP COLUMN " + q("phone"));
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void aDroppedColumnIsAMissingColumn() throws SQLException {
        db.execute("ALTER TABLE " + q("posts") + " DROP COLUMN " + q("content"));
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table,
                DriftDifference::column).containsExactly(tuple(DriftKind.MISSING_COLUMN, "posts", "content"));

        push();
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void aDroppedIndexIsAMissingIndex() throws SQLException {
        db.execute(dropTitleIndexSql());
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table,
                DriftDifference::index).containsExactly(tuple(DriftKind.MISSING_INDEX, "posts", "posts_title_idx"));

        db.execute("CREATE INDEX " + q("posts_title_idx") + " ON " + q("posts") + " (" + q("title") + ")");
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void anIndexAddedByHandIsAnExtraIndex() throws SQLException {
        db.execute("CREATE INDEX " + q("posts_published_idx") + " ON " + q("posts") + " (" + q("published") + ")");
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table,
                DriftDifference::index).containsExactly(tuple(DriftKind.EXTRA_INDEX, "posts", "posts_published_idx"));

        push();
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void aChangedTypeIsAChangedColumn() throws SQLException {
        db.executeAll(changeTypeSql());
        String[] where = changedTypeColumn();
        List<DriftDifference> drift = check().differences();
        assertThat(drift).extracting(DriftDifference::kind, DriftDifference::table, DriftDifference::column)
                .containsExactly(tuple(DriftKind.CHANGED_COLUMN, where[0], where[1]));
        assertThat(drift.get(0).detail()).contains("(type)");

        db.executeAll(restoreTypeSql());
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void aDroppedTableIsAMissingTable() throws SQLException {
        db.execute("DROP TABLE " + q("Profile"));
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, "Profile"));

        push();
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void aTableCreatedByHandIsAnExtraTableUnlessIgnored() throws SQLException {
        db.execute("CREATE TABLE " + q("audit_log") + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY)");
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table)
                .containsExactly(tuple(DriftKind.EXTRA_TABLE, "audit_log"));
        try (Connection c = db.connect()) {
            assertThat(DriftDetector.of(kind().dialect(), List.of("AUDIT_LOG")).check(c, expected).differences())
                    .as("ignored tables, compared case-insensitively").isEmpty();
        }

        db.execute("DROP TABLE " + q("audit_log"));
        assertThat(check().differences()).isEmpty();
    }

    @Test
    void severalDifferencesAreAllReportedInTableOrder() throws SQLException {
        db.execute("ALTER TABLE " + q("User") + " ADD COLUMN " + q("phone") + " VARCHAR(20)");
        db.execute("DROP TABLE " + q("Profile"));
        db.execute("CREATE TABLE " + q("audit_log") + " (" + q("id") + " INTEGER NOT NULL PRIMARY KEY)");
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, "Profile"), tuple(DriftKind.EXTRA_COLUMN, "User"),
                        tuple(DriftKind.EXTRA_TABLE, "audit_log"));
    }

    @Test
    void theSchemaHashIsRecordedReadBackAndNeverDrift() throws SQLException {
        SchemaHashStore store = new SchemaHashStore(kind().dialect());
        Provider provider = kind().dialect().provider();
        String hash = SchemaHash.of(expected, provider);
        Instant at = Instant.parse("2026-11-22T01:00:00.123Z");
        try (Connection c = db.connect()) {
            assertThat(store.read(c)).isEmpty();
            store.record(c, "sha256:old", at.minusSeconds(60));
            store.record(c, hash, at);
            assertThat(store.read(c)).contains(new SchemaHashStore.Recorded(hash, at));
        }
        assertThat(check().differences()).as("the hash table is bookkeeping, not drift").isEmpty();
    }

    @Test
    void unmigratedChangesCompareTheLastSnapshotWithTheSchema() {
        String provider = MigrateSchemas.provider(kind());
        String blog = TestSchemas.blog(provider);
        SqlSchema snapshot = MigrateSchemas.sql(blog, kind());
        SqlSchema current = MigrateSchemas.sql(blog.replace("  bio    String\n", "  bio    String\n  url String?\n"),
                kind());
        assertThat(DriftDetector.unmigratedChanges(snapshot, snapshot, kind().dialect())).isEmpty();
        List<DriftDifference> changes = DriftDetector.unmigratedChanges(snapshot, current, kind().dialect());
        assertThat(changes).extracting(DriftDifference::kind, DriftDifference::table, DriftDifference::column)
                .containsExactly(tuple(DriftKind.MISSING_COLUMN, "Profile", "url"));
        assertThat(changes.get(0).detail()).contains("no migration creates it");
        assertThat(Set.of(SchemaHash.of(snapshot, kind().dialect().provider()),
                SchemaHash.of(current, kind().dialect().provider()))).hasSize(2);
    }
}
