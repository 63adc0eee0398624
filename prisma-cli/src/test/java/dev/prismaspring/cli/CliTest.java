package dev.prismaspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the CLI in-process: exit codes, output streams and the JSON contract of design.md. */
class CliTest {

    @TempDir
    Path dir;

    /** Exit code and the two streams of one run. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = PrismaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void validateReportsSyntaxErrorsAsJsonWithOneBasedPositions() throws Exception {
        Path schema = write("schema.prisma", "model A {\n  id Int @id\n  val\n}\n");
        Run run = run("validate", "--schema", schema.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("ok").asBoolean()).isFalse();
        JsonNode error = json.get("errors").get(0);
        assertThat(error.get("message").asString()).isEqualTo(
                "Error validating model \"A\": This field declaration is invalid. It is either missing a name or a type.");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isEqualTo(3);
        assertThat(error.get("endLine").asInt()).isEqualTo(4);
        assertThat(error.get("endColumn").asInt()).isEqualTo(1);
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void validatePrintsPrismaStyleDiagnosticsWithoutColoursInAPipe() throws Exception {
        Path schema = write("schema.prisma", "model A {\n  id Int @id\n}\nnonsense here\n");
        Run run = run("validate", "--schema", schema.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: Error validating: This line is invalid.")
                .contains(" 4 | nonsense here").contains("Validation Error Count: 1").doesNotContain("\u001b[");
    }

    @Test
    void validAndMissingSchemas() throws Exception {
        Path schema = write("ok.prisma", "model A {\n  id Int @id\n}\n");
        Run ok = run("validate", "--schema", schema.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("is valid");

        Run missing = run("validate", "--schema", dir.resolve("nope.prisma").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Schema not found at").doesNotContain("Exception");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(run("validate").exitCode()).isEqualTo(2);
        assertThat(run("format", "--schema", "x", "--write", "--check").exitCode()).isEqualTo(2);
    }

    @Test
    void formatChecksWritesAndPrints() throws Exception {
        String messy = "model A {\n  id Int @id\n  name   String\n}\n";
        Path schema = write("schema.prisma", messy);
        Run printed = run("format", "--schema", schema.toString());
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.out()).isNotBlank();

        Run check = run("format", "--schema", schema.toString(), "--check");
        String formatted = printed.out();
        if (formatted.equals(messy)) {
            assertThat(check.exitCode()).isZero();
        } else {
            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(check.err()).contains("Not formatted");
            assertThat(run("format", "--schema", schema.toString(), "--write").exitCode()).isZero();
            assertThat(Files.readString(schema)).isEqualTo(formatted);
            assertThat(run("format", "--schema", schema.toString(), "--check").exitCode()).isZero();
        }
    }

    @Test
    void formatRefusesAnInvalidSchemaAndLeavesTheFileAlone() throws Exception {
        String broken = "model A {\n  id Int @id\n  val\n}\n";
        Path schema = write("schema.prisma", broken);
        Run run = run("format", "--schema", schema.toString(), "--write");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("was not formatted");
        assertThat(Files.readString(schema)).isEqualTo(broken);
    }

    @Test
    void foldersAreMultiFileSchemas() throws Exception {
        write("prisma/a.prisma", "model A {\n  id Int @id\n}\n");
        write("prisma/sub/b.prisma", "enum B {\n  X\n}\nbroken line\n");
        Run run = run("validate", "--schema", dir.resolve("prisma").toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = JsonMapper.builder().build().readTree(run.out()).get("errors").get(0);
        assertThat(error.get("file").asString()).endsWith("b.prisma");
        assertThat(error.get("line").asInt()).isEqualTo(4);
    }

    private static final String BLOG = """
            datasource db {
              provider = "postgresql"
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
              posts Post[]
            }

            model Post {
              id       Int  @id @default(autoincrement())
              author   User @relation(fields: [authorId], references: [id])
              authorId Int
            }
            """;

    @Test
    void migrateDiffFromEmptyPrintsPrismasScript() throws Exception {
        Path schema = write("schema.prisma", BLOG);
        Run run = run("migrate", "diff", "--from-empty", "--to-schema", schema.toString(), "--script");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS \"public\";\n\n-- CreateTable\n")
                .contains("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");")
                .endsWith("ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") "
                        + "REFERENCES \"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;\n");
    }

    @Test
    void migrateDiffTakesAFolder() throws Exception {
        write("prisma/a.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
        write("prisma/b.prisma", "model A {\n  id Int @id\n}\n");
        Run run = run("migrate", "diff", "--from-empty", "--to-schema", dir.resolve("prisma").toString(), "--script");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("-- CreateTable\nCREATE TABLE \"A\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT\n);\n");
    }

    @Test
    void migrateDiffOnAnInvalidSchemaPrintsDiagnosticsAndExitsOne() throws Exception {
        Path schema = write("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\nmodel A {\n  id Int @id\n  b Nope\n}\n");
        Run run = run("migrate", "diff", "--from-empty", "--to-schema", schema.toString(), "--script");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Nope").contains("Validation Error Count: 1").doesNotContain("Exception");
    }

    @Test
    void migrateDiffAnswersBadOptionsAndUnreachableDatabasesWithAUsageError() throws Exception {
        Path schema = write("schema.prisma", BLOG);
        Run fromUrl = run("migrate", "diff", "--from-url", "jdbc:postgresql://127.0.0.1:1/y", "--to-schema",
                schema.toString(), "--script");
        assertThat(fromUrl.exitCode()).isEqualTo(2);
        assertThat(fromUrl.err()).contains("Could not connect to the database at jdbc:postgresql://127.0.0.1:1/y");
        Run toUrl = run("migrate", "diff", "--from-empty", "--to-url", "jdbc:postgresql://127.0.0.1:1/y", "--script");
        assertThat(toUrl.exitCode()).isEqualTo(2);
        assertThat(toUrl.err()).contains("Could not connect");
        Run both = run("migrate", "diff", "--from-empty", "--from-url", "u", "--to-schema", schema.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        Run missing = run("migrate", "diff", "--from-empty", "--to-schema", dir.resolve("nope.prisma").toString(),
                "--script");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Schema not found");
        assertThat(run("migrate").exitCode()).isEqualTo(2);
    }

    @Test
    void migrateDiffBetweenTwoSchemasPrintsTheMigration() throws Exception {
        Path a = write("a.prisma", BLOG);
        Path b = write("b.prisma", BLOG.replace("  authorId Int\n", "  authorId Int\n  title    String?\n"));
        Run run = run("migrate", "diff", "--from-schema", a.toString(), "--to-schema", b.toString(), "--script");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("-- AlterTable\nALTER TABLE \"Post\" ADD COLUMN     \"title\" TEXT;\n");
        Run summary = run("migrate", "diff", "--from-schema", a.toString(), "--to-schema", b.toString());
        assertThat(summary.exitCode()).isEqualTo(0);
        assertThat(summary.out()).isEqualTo("\n[*] Changed the `Post` table\n  [+] Added column `title`\n");
        Run back = run("migrate", "diff", "--from-schema", b.toString(), "--to-empty", "--script");
        assertThat(back.out()).startsWith("-- DropForeignKey\nALTER TABLE \"Post\" DROP CONSTRAINT \"Post_authorId_fkey\";");
    }

    @Test
    void migrateDiffExitCodeTellsWhetherThereAreChanges() throws Exception {
        Path a = write("a.prisma", BLOG);
        Path b = write("b.prisma", BLOG.replace("  authorId Int\n", "  authorId Int\n  title    String?\n"));
        Run same = run("migrate", "diff", "--from-schema", a.toString(), "--to-schema", a.toString(), "--script",
                "--exit-code");
        assertThat(same.exitCode()).isEqualTo(0);
        assertThat(same.out()).isEqualTo("-- This is an empty migration.\n");
        Run sameSummary = run("migrate", "diff", "--from-schema", a.toString(), "--to-schema", a.toString(),
                "--exit-code");
        assertThat(sameSummary.out()).isEqualTo("No difference detected.\n");
        Run changed = run("migrate", "diff", "--from-schema", a.toString(), "--to-schema", b.toString(), "--script",
                "--exit-code");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.out()).contains("ADD COLUMN");
        Path bad = write("bad.prisma", "datasource db {\n  provider = \"postgresql\"\n}\nmodel A {\n  b Nope\n}\n");
        Run error = run("migrate", "diff", "--from-schema", bad.toString(), "--to-schema", a.toString(), "--script",
                "--exit-code");
        assertThat(error.exitCode()).isEqualTo(1);
        Path sqlite = write("c.prisma", BLOG.replace("postgresql", "sqlite"));
        Run mixed = run("migrate", "diff", "--from-schema", sqlite.toString(), "--to-schema", a.toString(), "--script");
        assertThat(mixed.exitCode()).isEqualTo(1);
        assertThat(mixed.err()).contains("different providers");
    }

    private Path sqliteDatabase(String... statements) throws Exception {
        Path db = dir.resolve("dev.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return db;
    }

    @Test
    void dbPullPrintsAndWritesTheSchemaKeepingGeneratorBlocks() throws Exception {
        Path db = sqliteDatabase(
                "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"email\" TEXT NOT NULL)",
                "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\")",
                "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"title\" TEXT NOT NULL, "
                        + "\"authorId\" INTEGER NOT NULL, CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") "
                        + "REFERENCES \"User\" (\"id\") ON DELETE RESTRICT ON UPDATE CASCADE)",
                "CREATE TABLE \"DATABASECHANGELOG\" (\"ID\" TEXT)");
        String url = "jdbc:sqlite:" + db;
        Run printed = run("db", "pull", "--url", url, "--print", "--schema", dir.resolve("none.prisma").toString());
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).isEqualTo("""
                datasource db {
                  provider = "sqlite"
                }

                model Post {
                  id       Int    @id @default(autoincrement())
                  title    String
                  authorId Int
                  User     User   @relation(fields: [authorId], references: [id])
                }

                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                  Post  Post[]
                }
                """);
        assertThat(Files.exists(dir.resolve("none.prisma"))).isFalse();

        Path schema = write("prisma/schema.prisma", """
                generator client {
                  provider = "prisma-client-js"
                }

                datasource db {
                  provider = "sqlite"
                }

                model Author {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                  posts Post[]

                  @@map("User")
                }

                model Post {
                  id       Int    @id @default(autoincrement())
                  title    String
                  authorId Int
                  author   Author @relation(fields: [authorId], references: [id])
                }
                """);
        Run written = run("db", "pull", "--url", url, "--schema", schema.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("Introspected 2 models and wrote them into " + schema);
        String text = Files.readString(schema);
        assertThat(text).startsWith("generator client {\n  provider = \"prisma-client-js\"\n}\n\ndatasource db {")
                .contains("model Author {", "@@map(\"User\")", "author   Author @relation(fields: [authorId], references: [id])",
                        "posts Post[]");
        assertThat(run("validate", "--schema", schema.toString()).exitCode()).isZero();
    }

    @Test
    void dbPullReportsConnectionFailuresWithoutThePassword() {
        Run run = run("db", "pull", "--print", "--url",
                "jdbc:postgresql://127.0.0.1:1/app?user=app&password=s3cret&connectTimeout=2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Could not connect to the database at "
                + "jdbc:postgresql://127.0.0.1:1/app?user=app&password=***&connectTimeout=2")
                .contains("Check that the database is running").doesNotContain("s3cret").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void dbPullUsageErrors() throws Exception {
        Run noUrl = run("db", "pull");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        Run notJdbc = run("db", "pull", "--url", "postgresql://localhost/app");
        assertThat(notJdbc.exitCode()).isEqualTo(2);
        assertThat(notJdbc.err()).contains("is not a JDBC URL");
        Run noCommand = run("db");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("Missing command: choose one of pull");
        Path empty = sqliteDatabase();
        Run emptyDb = run("db", "pull", "--print", "--url", "jdbc:sqlite:" + empty);
        assertThat(emptyDb.exitCode()).isEqualTo(1);
        assertThat(emptyDb.err()).contains("is empty");
    }
}
