package dev.prismaspring.migrate.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {

    @TempDir
    Path dir;

    @Test
    void namesAreSanitisedAsPrismaSlugifiesThem() {
        assertThat(MigrationDirectory.sanitizeName("init")).isEqualTo("init");
        assertThat(MigrationDirectory.sanitizeName("Add phone!")).isEqualTo("add_phone");
        assertThat(MigrationDirectory.sanitizeName("addPhoneNumber")).isEqualTo("add_phone_number");
        assertThat(MigrationDirectory.sanitizeName("  --Crème brûlée-- ")).isEqualTo("creme_brulee");
        assertThat(MigrationDirectory.sanitizeName("x".repeat(300))).hasSize(200);
        assertThat(MigrationDirectory.folderName(Instant.parse("2026-11-21T09:30:00Z"), "Init"))
                .isEqualTo("20261121093000_init");
        assertThat(MigrationDirectory.folderName(Instant.parse("2026-11-21T09:30:00Z"), "!!"))
                .isEqualTo("20261121093000");
    }

    @Test
    void writesFoldersInOrderAndReadsThemBack() throws Exception {
        MigrationDirectory migrations = MigrationDirectory.at(dir.resolve("migrations"));
        assertThat(migrations.migrations()).isEmpty();
        Instant now = Instant.parse("2026-11-21T09:30:00Z");
        Migration first = migrations.write("init", now, id -> "-- sql of " + id + "\n", "model A {}\n");
        // the same second again: the second folder still sorts after the first
        Migration second = migrations.write("add phone", now, id -> "-- sql of " + id + "\n", "model B {}\n");
        assertThat(first.id()).isEqualTo("20261121093000_init");
        assertThat(second.id()).isEqualTo("20261121093001_add_phone");
        Files.createDirectories(migrations.root().resolve("not_a_migration"));
        Files.writeString(migrations.root().resolve("migration_lock.toml"), "provider = \"sqlite\"\n");

        List<Migration> read = migrations.migrations();
        assertThat(read).extracting(Migration::id).containsExactly(first.id(), second.id());
        assertThat(read.get(1).sqlText()).isEqualTo("-- sql of 20261121093001_add_phone\n");
        assertThat(read.get(1).snapshotSchemaText()).isEqualTo("model B {}\n");
        assertThat(read.get(1).name()).isEqualTo("add_phone");
        assertThat(read.get(1).relativeSqlPath()).isEqualTo("20261121093001_add_phone/migration.sql");
        assertThat(migrations.latest()).contains(read.get(1));

        // the last half millisecond of the second after the last folder's: still that second, so moved on by one
        Migration third = migrations.write("dev", Instant.parse("2026-11-21T09:30:01.9995Z"), id -> "-- " + id + "\n",
                "model C {}\n");
        assertThat(third.id()).isEqualTo("20261121093002_dev");
    }

    @Test
    void postgresMigrationIsOneChangesetSentWholeWithRollbackLines() {
        String sql = MigrationSqlWriter.write("20261121093000_init", Provider.POSTGRESQL,
                "-- CreateTable\nCREATE TABLE \"A\" (\n    \"id\" INTEGER NOT NULL\n);\n",
                List.of("DROP TABLE \"A\""));
        assertThat(sql).isEqualTo("""
                --liquibase formatted sql

                --changeset prisma:20261121093000_init logicalFilePath:prisma/migrations/20261121093000_init/migration.sql splitStatements:false rollbackSplitStatements:false
                -- CreateTable
                CREATE TABLE "A" (
                    "id" INTEGER NOT NULL
                );

                --rollback DROP TABLE "A";
                """);
        assertThat(MigrationSqlWriter.hasHeader(sql)).isTrue();
        assertThat(MigrationSqlWriter.changesetIds(sql)).containsExactly("prisma:20261121093000_init");
    }

    @Test
    void mysqlAndSqliteMigrationsAreSplitAtSemicolons() {
        for (Provider p : List.of(Provider.MYSQL, Provider.SQLITE)) {
            String sql = MigrationSqlWriter.write("20261121093000_x", p, "SELECT 1;\n", List.of());
            assertThat(sql).contains("splitStatements:true endDelimiter:; rollbackSplitStatements:true "
                    + "rollbackEndDelimiter:;").endsWith("SELECT 1;\n\n--rollback empty\n");
        }
        assertThat(MigrationSqlWriter.hasHeader("CREATE TABLE x (a int);")).isFalse();
    }

    @Test
    void initialMigrationRollsBackForeignKeysTablesAndEnums() {
        String schema = """
                datasource db {
                  provider = "postgresql"
                }

                enum Role {
                  USER
                  ADMIN
                }

                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int
                }

                model User {
                  id    Int    @id
                  role  Role
                  posts Post[]
                }
                """;
        SqlSchema sqlSchema = SqlSchemaCalculator.calculate(SchemaValidator.validate(schema).datamodel());
        assertThat(InitialMigration.rollback(SqlDialect.postgres(), sqlSchema)).containsExactly(
                "ALTER TABLE \"Post\" DROP CONSTRAINT \"Post_authorId_fkey\"",
                "DROP TABLE \"Post\"",
                "DROP TABLE \"User\"",
                "DROP TYPE \"Role\"");
        SqlSchema sqlite = SqlSchemaCalculator.calculate(SchemaValidator.validate(
                schema.replace("postgresql", "sqlite").replace("  role  Role\n", "")
                        .replaceAll("(?s)enum Role \\{.*?\\}\\n\\n", "")).datamodel());
        // SQLite keeps foreign keys inside CREATE TABLE: the referencing table goes first
        assertThat(InitialMigration.rollback(SqlDialect.sqlite(), sqlite))
                .containsExactly("DROP TABLE \"Post\"", "DROP TABLE \"User\"");
    }
}
