package dev.prismaspring.cli;

import static dev.prismaspring.cli.MigrationLifecycleTest.concat;
import static dev.prismaspring.cli.MigrationLifecycleTest.run;
import static dev.prismaspring.cli.MigrateDevSeriesTest.catalog;
import static dev.prismaspring.cli.MigrateDevSeriesTest.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * migrate dev's and db push's guards on real databases: drift (a manual {@code ALTER TABLE}) reported by
 * {@code migrate status} and refused by {@code migrate dev}; a destructive change refused without
 * {@code --accept-data-loss} (nothing applied, no file written) and applied with it; {@code db push} in sync,
 * with changes and refused; {@code migrate diff --from-url}.
 */
class MigrateSafetyAndDriftTest {

    @TempDir
    Path dir;

    /** Series v01 (User: id, email, name) without the {@code name} column. */
    static String withoutName(DbKind kind) {
        return series(1, kind).replace("  name  String\n", "");
    }

    static String insertUser(DbKind kind) {
        var d = kind.dialect();
        return "INSERT INTO " + d.quote("User") + " (" + d.quote("email") + ", " + d.quote("name")
                + ") VALUES ('a@b.c', 'Ann')";
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void driftAndDestructiveChangesInMigrateDev(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "MigrateSafety")) {
            Path schema = dir.resolve("schema.prisma");
            Path folder = dir.resolve("migrations");
            MigrationDirectory migrations = MigrationDirectory.at(folder);
            String[] common = {"--url", db.jdbcUrl(), "--migrations", folder.toString(), "--schema", schema.toString()};
            Files.writeString(schema, series(1, kind));
            assertThat(run(concat(new String[] {"migrate", "dev", "--name", "init"}, common)).exitCode()).isZero();
            db.execute(insertUser(kind));
            String v1 = catalog(db);

            // destructive: refused without the flag, each risk listed, nothing applied, no file
            Files.writeString(schema, withoutName(kind));
            MigrationLifecycleTest.Run refused = run(concat(new String[] {"migrate", "dev", "--name", "drop"}, common));
            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
            assertThat(refused.err()).contains("may lose data").contains("  • ").contains("`name`")
                    .contains("--accept-data-loss").contains("No migration was written");
            assertThat(migrations.migrations()).hasSize(1);
            assertThat(catalog(db)).isEqualTo(v1);

            // accepted: written with Prisma's warnings block, applied
            MigrationLifecycleTest.Run accepted = run(concat(new String[] {"migrate", "dev", "--name", "drop",
                    "--accept-data-loss"}, common));
            assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
            assertThat(migrations.migrations()).hasSize(2);
            assertThat(migrations.migrations().get(1).sqlText()).contains("/*\n  Warnings:\n\n  - ");
            assertThat(catalog(db)).isNotEqualTo(v1);
            String v2 = catalog(db);

            // status clean
            MigrationLifecycleTest.Run clean = run(concat(new String[] {"migrate", "status"}, common));
            assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();

            // drift: a manual ALTER TABLE
            var d = kind.dialect();
            db.execute("ALTER TABLE " + d.quote("User") + " ADD COLUMN " + d.quote("extra") + " INTEGER");
            MigrationLifecycleTest.Run status = run(concat(new String[] {"migrate", "status"}, common));
            assertThat(status.exitCode()).isEqualTo(1);
            assertThat(status.out()).contains("Drift between the database and the applied migrations:")
                    .contains("The column `User.extra` (")
                    .contains(") is in the database but not in the schema.");
            assertThat(status.err()).contains("drifted");
            Files.writeString(schema, withoutName(kind).replace("  email String\n",
                    "  email String\n  phone String?\n"));
            MigrationLifecycleTest.Run drifted = run(concat(new String[] {"migrate", "dev", "--name", "phone"},
                    common));
            assertThat(drifted.exitCode()).isEqualTo(1);
            assertThat(drifted.err()).contains("Drift detected").contains("column `User.extra`").contains("migrate reset");
            assertThat(migrations.migrations()).hasSize(2);
            assertThat(catalog(db)).isNotEqualTo(v2).contains("extra").doesNotContain("phone");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dbPushAndDiffFromUrl(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "DbPush")) {
            Path schema = dir.resolve("schema.prisma");
            String[] common = {"--url", db.jdbcUrl(), "--schema", schema.toString()};
            Files.writeString(schema, series(2, kind));

            MigrationLifecycleTest.Run first = run(concat(new String[] {"db", "push"}, common));
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("now in sync");
            MigrationLifecycleTest.Run again = run(concat(new String[] {"db", "push"}, common));
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("already in sync");

            // diff from the live database: nothing to the same schema, the changes to the next one
            MigrationLifecycleTest.Run same = run("migrate", "diff", "--from-url", db.jdbcUrl(), "--to-schema",
                    schema.toString(), "--script", "--exit-code");
            assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
            Path v3 = dir.resolve("v3.prisma");
            Files.writeString(v3, series(3, kind));
            MigrationLifecycleTest.Run toV3 = run("migrate", "diff", "--from-url", db.jdbcUrl(), "--to-schema",
                    v3.toString(), "--script", "--exit-code");
            assertThat(toV3.exitCode()).as(toV3.out() + toV3.err()).isEqualTo(2);
            assertThat(toV3.out()).contains("ALTER TABLE");
            MigrationLifecycleTest.Run toUrl = run("migrate", "diff", "--from-empty", "--to-url", db.jdbcUrl(),
                    "--script");
            assertThat(toUrl.exitCode()).as(toUrl.err()).isZero();
            assertThat(toUrl.out()).contains("CREATE TABLE").contains("Post").doesNotContain("DATABASECHANGELOG");

            // a safe change: pushed
            String v2 = catalog(db);
            Files.writeString(schema, series(3, kind));
            MigrationLifecycleTest.Run changes = run(concat(new String[] {"db", "push"}, common));
            assertThat(changes.exitCode()).as(changes.out() + changes.err()).isZero();
            assertThat(changes.out()).contains("now in sync");
            assertThat(catalog(db)).isNotEqualTo(v2);
            assertThat(run("migrate", "diff", "--from-url", db.jdbcUrl(), "--to-schema", v3.toString(),
                    "--exit-code").exitCode()).isZero();

            // a destructive push: refused without the flag, nothing changed; applied with it
            db.execute(insertUser(kind));
            String before = catalog(db);
            Files.writeString(schema, series(3, kind).replaceFirst("  name  String\n", ""));
            MigrationLifecycleTest.Run refused = run(concat(new String[] {"db", "push"}, common));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("may lose data").contains("`name`").contains("Nothing was changed");
            assertThat(catalog(db)).isEqualTo(before);
            MigrationLifecycleTest.Run accepted = run(concat(new String[] {"db", "push", "--accept-data-loss"},
                    common));
            assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
            assertThat(catalog(db)).isNotEqualTo(before);
            assertThat(run(concat(new String[] {"db", "push"}, common)).out()).contains("already in sync");
        }
    }
}
