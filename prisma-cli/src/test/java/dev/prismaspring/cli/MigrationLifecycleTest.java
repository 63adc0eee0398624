package dev.prismaspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.migrate.files.MigrationHistory;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The migration lifecycle on real databases, through the CLI: dev (first migration), a second migration by
 * {@code migrate dev --create-only}, deploy, status, the DATABASECHANGELOG rows, re-deploy, rollback, modified and
 * failed migrations, resolve and reset. Run under Liquibase 5 (default) and 4.33 ({@code -P liquibase-4.33}).
 */
class MigrationLifecycleTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = PrismaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String provider(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    static String schemaV1(DbKind kind) {
        String role = kind == DbKind.SQLITE ? "String" : "Role";
        String roleEnum = kind == DbKind.SQLITE ? "" : """
                enum Role {
                  USER
                  ADMIN
                }

                """;
        return """
                datasource db {
                  provider = "%s"
                }

                %smodel Post {
                  id       Int    @id @default(autoincrement())
                  title    String
                  author   User   @relation(fields: [authorId], references: [id])
                  authorId Int

                  @@index([title])
                }

                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                  role  %s
                  posts Post[]
                }
                """.formatted(provider(kind), roleEnum, role);
    }

    static String schemaV2(DbKind kind) {
        return schemaV1(kind) + """

                model Tag {
                  id   Int    @id @default(autoincrement())
                  name String @unique
                }
                """;
    }

    /** Everything but Liquibase's own tables. */
    static String catalog(TestDatabase db) throws Exception {
        return Arrays.stream(db.catalog().split("\n"))
                .filter(l -> !l.toLowerCase(Locale.ROOT).contains("databasechangelog"))
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void lifecycle(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind, "MigrationLifecycleTest")) {
            lifecycle(kind, db);
        }
    }

    private void lifecycle(DbKind kind, TestDatabase db) throws Exception {
        String url = db.jdbcUrl();
        Path schema = dir.resolve("schema.prisma");
        Path folder = dir.resolve("migrations");
        Files.writeString(schema, schemaV1(kind));
        String[] common = {"--url", url, "--migrations", folder.toString()};
        MigrationDirectory migrations = MigrationDirectory.at(folder);
        String empty = catalog(db);

        // migrate dev, first form: the create-from-empty migration, applied
        Run dev = run(concat(new String[] {"migrate", "dev", "--name", "Init", "--schema", schema.toString()}, common));
        assertThat(dev.exitCode()).as(dev.err()).isZero();
        Migration first = migrations.migrations().get(0);
        assertThat(first.id()).matches("\\d{14}_init");
        assertThat(first.sqlText()).startsWith("--liquibase formatted sql\n\n--changeset prisma:" + first.id()
                + " logicalFilePath:prisma/migrations/" + first.id() + "/migration.sql ")
                .contains("-- CreateTable\nCREATE TABLE ").contains("--rollback DROP TABLE ");
        assertThat(first.snapshotSchemaText()).isEqualTo(schemaV1(kind));
        String v1 = catalog(db);
        assertThat(v1).contains("User_email_key").contains("Post_title_idx");

        // the same schema again: nothing to do
        Run again = run(concat(new String[] {"migrate", "dev", "--name", "again", "--schema", schema.toString()}, common));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Already in sync");

        // a changed schema: the differ writes the migration; --create-only leaves it pending
        Files.writeString(schema, schemaV2(kind));
        Run createOnly = run(concat(new String[] {"migrate", "dev", "--name", "add tag", "--create-only", "--schema",
                schema.toString()}, common));
        assertThat(createOnly.exitCode()).as(createOnly.err()).isZero();
        assertThat(migrations.migrations()).hasSize(2);
        Migration second = migrations.migrations().get(1);
        assertThat(second.id()).endsWith("_add_tag");
        assertThat(second.sqlText()).contains("-- CreateTable\nCREATE TABLE ").contains("--rollback DROP TABLE ");

        // status: one pending
        Run pending = run(concat(new String[] {"migrate", "status"}, common));
        assertThat(pending.exitCode()).isEqualTo(1);
        assertThat(pending.out()).contains("Not yet applied:\n  " + second.id());
        assertThat(pending.err()).contains("not yet applied");

        // deploy; status clean; history rows with stable file names
        Run deploy = run(concat(new String[] {"migrate", "deploy"}, common));
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("Applied 1 migration:\n  " + second.id());
        String v2 = catalog(db);
        assertThat(v2).contains("Tag_name_key");
        Run clean = run(concat(new String[] {"migrate", "status", "--schema", schema.toString()}, common));
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("Database schema is up to date!").contains("checksum 9:");
        try (Connection c = db.connect()) {
            List<MigrationHistory.Entry> rows = MigrationHistory.read(c);
            assertThat(rows).extracting(MigrationHistory.Entry::id).containsExactly(first.id(), second.id());
            assertThat(rows).extracting(MigrationHistory.Entry::filename).containsExactly(
                    "prisma/migrations/" + first.id() + "/migration.sql",
                    "prisma/migrations/" + second.id() + "/migration.sql");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.author()).isEqualTo("prisma");
                assertThat(r.execType()).isEqualTo("EXECUTED");
                assertThat(r.checksum()).startsWith("9:");
                assertThat(r.dateExecuted()).isNotNull();
            });
        }

        // unmigrated changes: the schema moved on
        Files.writeString(schema, schemaV2(kind).replace("  name String @unique\n", "  name String @unique\n  x Int?\n"));
        Run unmigrated = run(concat(new String[] {"migrate", "status", "--schema", schema.toString()}, common));
        assertThat(unmigrated.exitCode()).isEqualTo(1);
        assertThat(unmigrated.err()).contains("unmigrated changes");
        Files.writeString(schema, schemaV2(kind));

        // the same files from the classpath, at another place: Liquibase sees the same changesets, all ran
        assertClasspathSeesSameChangesets(db, migrations);

        // deploying again is a no-op
        Run noop = run(concat(new String[] {"migrate", "deploy"}, common));
        assertThat(noop.exitCode()).isZero();
        assertThat(noop.out()).contains("No pending migrations to apply.");

        // rollback (Liquibase rollback-count 1) restores the previous catalog; once more gives the empty database
        LiquibaseMigrations runner = new LiquibaseMigrations(url, folder, false);
        runner.rollback(1);
        assertThat(catalog(db)).isEqualTo(v1);
        runner.rollback(1);
        assertThat(catalog(db)).isEqualTo(empty);
        assertThat(run(concat(new String[] {"migrate", "deploy"}, common)).exitCode()).isZero();
        assertThat(catalog(db)).isEqualTo(v2);

        // an applied migration edited: refused as modified
        String original = Files.readString(first.sqlFile());
        Files.writeString(first.sqlFile(), original.replace("-- CreateTable\n", "-- CreateTable\n-- edited\n")
                .replace("--rollback", "CREATE TABLE \"Extra\" (\"id\" INTEGER NOT NULL);\n\n--rollback"));
        Run modified = run(concat(new String[] {"migrate", "deploy"}, common));
        assertThat(modified.exitCode()).isEqualTo(1);
        assertThat(modified.err()).contains("Migration " + first.id() + " was modified after it was applied")
                .doesNotContain("Exception");
        Run modifiedStatus = run(concat(new String[] {"migrate", "status"}, common));
        assertThat(modifiedStatus.exitCode()).isEqualTo(1);
        assertThat(modifiedStatus.out()).contains("Modified after they were applied:\n  " + first.id());
        Files.writeString(first.sqlFile(), original);

        // a failing migration: reported, recorded, and it blocks later deploys until resolved
        Migration broken = migrations.write("broken", Instant.now(), id -> MigrationSqlWriter.write(id,
                kind.dialect().provider(), "CREATE TABLE \"Half\" (\"id\" INTEGER NOT NULL);\n"
                        .replace('"', kind == DbKind.MYSQL ? '`' : '"')
                        + "INSERT INTO " + kind.dialect().quote("NoSuchTable") + " VALUES (1);\n",
                List.of()), schemaV2(kind));
        Run failed = run(concat(new String[] {"migrate", "deploy"}, common));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("Migration " + broken.id() + (kind == DbKind.POSTGRES
                        ? " failed: " : " failed at statement 2 of 2: "))
                .contains(kind == DbKind.POSTGRES ? "Failing SQL (the migration runs as one script):\n  CREATE TABLE"
                        : "Failing statement (2 of 2):\n  INSERT INTO ")
                .contains("prisma migrate resolve --rolled-back " + broken.id()).doesNotContain("Exception");
        Run blocked = run(concat(new String[] {"migrate", "deploy"}, common));
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.err()).contains("Migration " + broken.id() + " failed").contains("no migration is applied");
        Run failedStatus = run(concat(new String[] {"migrate", "status"}, common));
        assertThat(failedStatus.exitCode()).isEqualTo(1);
        assertThat(failedStatus.out()).contains("Failed:\n  " + broken.id()).contains(switch (kind) {
                    case MYSQL -> "at statement 2 of 2; statements 1-1 ran and stay applied";
                    case SQLITE -> "at statement 2 of 2; rolled back";
                    case POSTGRES -> "rolled back: ";
                });
        try (Connection c = db.connect()) {
            assertThat(MigrationHistory.read(c)).filteredOn(MigrationHistory.Entry::failed)
                    .extracting(MigrationHistory.Entry::id).containsExactly(broken.id());
        }
        Run resolve = run(concat(new String[] {"migrate", "resolve", "--rolled-back", broken.id()}, common));
        assertThat(resolve.exitCode()).as(resolve.err()).isZero();
        Run resolveAgain = run(concat(new String[] {"migrate", "resolve", "--rolled-back", broken.id()}, common));
        assertThat(resolveAgain.exitCode()).isEqualTo(1);
        deleteRecursively(broken.path());

        // reset: refused without --force outside a terminal; with it, the database is rebuilt
        Run refused = run(concat(new String[] {"migrate", "reset"}, common));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--force");
        db.execute("CREATE TABLE " + kind.dialect().quote("Leftover") + " (a INTEGER)");
        Run reset = run(concat(new String[] {"migrate", "reset", "--force"}, common));
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(catalog(db)).isEqualTo(v2);
        assertThat(run(concat(new String[] {"migrate", "status", "--schema", schema.toString()}, common)).exitCode())
                .isZero();
    }

    /**
     * A Spring Boot application reads the migrations from the classpath, at a path of its own: Liquibase must take
     * them for the changesets the CLI applied (same id, author and logicalFilePath), with nothing left to run.
     */
    private void assertClasspathSeesSameChangesets(TestDatabase db, MigrationDirectory migrations) throws Exception {
        Path classpathRoot = dir.resolve("classes");
        Path copy = classpathRoot.resolve("db/elsewhere");
        for (Migration m : migrations.migrations()) {
            Files.createDirectories(copy.resolve(m.id()));
            Files.copy(m.sqlFile(), copy.resolve(m.id()).resolve(Migration.SQL_FILE));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpathRoot.toUri().toURL()}, null);
                Connection c = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            for (Migration m : migrations.migrations()) {
                Liquibase liquibase = new Liquibase("db/elsewhere/" + m.id() + "/migration.sql",
                        new ClassLoaderResourceAccessor(loader), database);
                assertThat(liquibase.listUnrunChangeSets(new liquibase.Contexts(), new liquibase.LabelExpression()))
                        .as("unrun changesets of %s read from the classpath", m.id()).isEmpty();
            }
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void deleteRecursively(Path path) throws Exception {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
