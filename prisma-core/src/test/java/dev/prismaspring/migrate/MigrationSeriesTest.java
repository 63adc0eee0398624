package dev.prismaspring.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.testdb.Catalog;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The series of schema edits under {@code migrate/series} (v01..v21), on each database: for every consecutive
 * pair, v(n) is created from empty in a fresh database, the diff v(n) → v(n+1) is applied and the catalog must
 * equal that of a fresh database created from v(n+1); then the rollback is applied and the catalog must equal
 * v(n)'s again.
 *
 * <p>Catalogs are compared without column order: like Prisma, the differ appends added columns at the end
 * ({@code ADD COLUMN} cannot place a column on PostgreSQL or SQLite, and Prisma does not use MySQL's
 * {@code AFTER}), so a migrated table may order its columns differently from a freshly created one.
 */
class MigrationSeriesTest {

    private static final Map<String, String> FRESH = new HashMap<>();

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (DbKind kind : DbKind.values()) {
            for (int n = 1; n < MigrateSchemas.seriesLength(); n++) {
                out.add(Arguments.of(kind, n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: v{1} -> next and back")
    @MethodSource("pairs")
    void forwardAndRollback(DbKind kind, int n) throws SQLException {
        Assumptions.assumeTrue(TestDatabases.availability(kind).available(),
                () -> kind + " not available: " + TestDatabases.availability(kind).reason());
        SqlSchema before = MigrateSchemas.sql(MigrateSchemas.seriesText(n), kind);
        SqlSchema after = MigrateSchemas.sql(MigrateSchemas.seriesText(n + 1), kind);
        MigrationScript script = SchemaDiffer.script(before, after, kind.dialect());
        // SQLite keeps enums as TEXT: adding or removing a value (v13 -> v14 -> v15) changes nothing there
        boolean enumValuesOnly = n == 13 || n == 14;
        assertEquals(kind == DbKind.SQLITE && enumValuesOnly, script.isEmpty(),
                "v" + n + " -> v" + (n + 1) + " changes:\n" + script.sql());
        String freshBefore = fresh(kind, n, before);
        String freshAfter = fresh(kind, n + 1, after);
        try (TestDatabase db = TestDatabases.create(kind, "series")) {
            db.executeAll(kind.dialect().createSteps(before).statements());
            execute(db, script.statements(), "forward v" + n + " -> v" + (n + 1), script.sql());
            assertEquals(freshAfter, Catalog.dump(db, false),
                    kind + ": v" + n + " migrated to v" + (n + 1) + " differs from a fresh v" + (n + 1)
                            + "\n--- script:\n" + script.sql());
            execute(db, script.rollbackStatements(), "rollback v" + (n + 1) + " -> v" + n, script.rollbackSql());
            assertEquals(freshBefore, Catalog.dump(db, false),
                    kind + ": rollback of v" + n + " -> v" + (n + 1) + " differs from a fresh v" + n
                            + "\n--- rollback:\n" + script.rollbackSql());
        }
    }

    static Stream<Arguments> versions() {
        List<Arguments> out = new ArrayList<>();
        for (DbKind kind : DbKind.values()) {
            for (int n = 1; n <= MigrateSchemas.seriesLength(); n++) {
                out.add(Arguments.of(kind, n));
            }
        }
        return out.stream();
    }

    /** From empty, the differ renders exactly the create-from-empty DDL; a schema against itself: no changes. */
    @ParameterizedTest(name = "{0}: v{1} from empty, and against itself")
    @MethodSource("versions")
    void fromEmptyIsTheCreateScriptAndSelfDiffIsEmpty(DbKind kind, int n) {
        SqlSchema schema = MigrateSchemas.sql(MigrateSchemas.seriesText(n), kind);
        MigrationScript fromEmpty = SchemaDiffer.script(SqlSchema.empty(), schema, kind.dialect());
        assertEquals(kind.dialect().renderCreate(schema), fromEmpty.sql());
        assertEquals(List.of(), SchemaDiffer.diff(schema, schema, kind.dialect()));
        assertEquals("-- This is an empty migration.", SchemaDiffer.script(schema, schema, kind.dialect()).sql());
    }

    private static void execute(TestDatabase db, List<String> statements, String what, String sql) {
        try {
            db.executeAll(statements);
        } catch (SQLException e) {
            throw new AssertionError(db.kind() + " " + what + " failed: " + e.getMessage() + "\n--- script:\n" + sql, e);
        }
    }

    private static synchronized String fresh(DbKind kind, int n, SqlSchema schema) throws SQLException {
        String key = kind + "/" + n;
        String dump = FRESH.get(key);
        if (dump == null) {
            try (TestDatabase db = TestDatabases.create(kind, "fresh")) {
                db.executeAll(kind.dialect().createSteps(schema).statements());
                dump = Catalog.dump(db, false);
            }
            FRESH.put(key, dump);
        }
        return dump;
    }
}
