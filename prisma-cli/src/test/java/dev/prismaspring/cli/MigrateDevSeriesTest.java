package dev.prismaspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.migrate.files.InitialMigration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.Catalog;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema series ({@code migrate/series/v01..v16} of prisma-core's tests) end to end through
 * {@code prisma migrate dev --accept-data-loss} on one database per kind: after every step the catalog (column
 * order ignored: the differ appends added columns, as Prisma does) equals the catalog of a fresh database created
 * from empty with that version; then Liquibase's rollback of the step's migration gives the previous version's
 * catalog, and deploying it again the current one.
 */
class MigrateDevSeriesTest {

    static final int LAST = 16;

    @TempDir
    Path dir;

    static String series(int n, DbKind kind) {
        String path = String.format("/migrate/series/v%02d.prisma", n);
        try (InputStream in = MigrateDevSeriesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("provider = \"postgresql\"", "provider = \"" + MigrationLifecycleTest.provider(kind) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog without Liquibase's tables and without column order. */
    static String catalog(TestDatabase db) throws Exception {
        return Arrays.stream(Catalog.dump(db, false).split("\n"))
                .filter(l -> !l.toLowerCase(Locale.ROOT).contains("databasechangelog"))
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void seriesThroughMigrateDev(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "MigrateDevSeries");
                TestDatabase scratch = TestDatabases.create(kind, "MigrateDevSeriesFresh")) {
            Map<Integer, String> fresh = new HashMap<>();
            fresh.put(0, catalog(scratch));
            Path schema = dir.resolve("prisma/schema.prisma");
            Path folder = dir.resolve("prisma/migrations");
            Files.createDirectories(schema.getParent());
            MigrationDirectory migrations = MigrationDirectory.at(folder);
            LiquibaseMigrations runner = new LiquibaseMigrations(db.jdbcUrl(), folder, false);
            String[] common = {"--url", db.jdbcUrl(), "--migrations", folder.toString(), "--schema", schema.toString()};
            for (int n = 1; n <= LAST; n++) {
                String text = series(n, kind);
                fresh.put(n, freshCatalog(scratch, kind, text));
                Files.writeString(schema, text);
                int before = migrations.migrations().size();
                String name = String.format("v%02d", n);
                MigrationLifecycleTest.Run dev = MigrationLifecycleTest.run(MigrationLifecycleTest.concat(
                        new String[] {"migrate", "dev", "--name", name, "--accept-data-loss"}, common));
                assertThat(dev.exitCode()).as("%s step %s: %s%s", kind, name, dev.out(), dev.err()).isZero();
                assertThat(catalog(db)).as("%s after %s", kind, name).isEqualTo(fresh.get(n));
                boolean written = migrations.migrations().size() == before + 1;
                if (!written) {
                    assertThat(dev.out()).as("%s step %s", kind, name).contains("Already in sync");
                    continue;
                }
                // the step's rollback restores the previous version; deploying again gives this one back
                runner.rollback(1);
                assertThat(catalog(db)).as("%s rollback of %s", kind, name).isEqualTo(fresh.get(n - 1));
                assertThat(runner.deploy()).hasSize(1);
                assertThat(catalog(db)).as("%s redeploy of %s", kind, name).isEqualTo(fresh.get(n));
            }
            // every step writes a migration, but on SQLite the two steps that only change enum values (its enums are
            // TEXT columns) need no SQL
            assertThat(migrations.migrations()).hasSize(kind == DbKind.SQLITE ? LAST - 2 : LAST);
            // migrate status: up to date, no drift
            MigrationLifecycleTest.Run status = MigrationLifecycleTest.run(MigrationLifecycleTest.concat(
                    new String[] {"migrate", "status"}, common));
            assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
        }
    }

    /** The catalog of a database created from empty with {@code text}. */
    static String freshCatalog(TestDatabase scratch, DbKind kind, String text) throws Exception {
        ValidatedSchema v = SchemaValidator.validate(text);
        assertThat(v.isValid()).as(v.diagnostics().errors().toString()).isTrue();
        SqlSchema sql = SqlSchemaCalculator.calculate(v.datamodel());
        try (Connection c = scratch.connect()) {
            DatabaseWiper.wipe(c, kind.dialect().provider());
        }
        scratch.executeAll(InitialMigration.forward(kind.dialect(), sql).statements());
        return catalog(scratch);
    }
}
