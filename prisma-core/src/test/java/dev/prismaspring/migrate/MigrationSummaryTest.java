package dev.prismaspring.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import org.junit.jupiter.api.Test;

/** The summary {@code migrate diff} prints without {@code --script}, against Prisma's snapshots (diff.rs). */
class MigrationSummaryTest {

    @Test
    void addedTable() {
        // diff.rs diff_with_exit_code_and_non_empty_diff_returns_two
        SqlSchema to = MigrateSchemas.models("sqlite", "model Puppy {\n  id Int @id\n  name String\n}\n");
        assertEquals("\n[+] Added tables\n  - Puppy\n",
                MigrationSummary.render(SchemaDiffer.diff(SqlSchema.empty(), to, SqlDialect.sqlite())));
    }

    @Test
    void recreatedColumnAndAddedTable() {
        // diff.rs diffing_postgres_schemas_when_initialized_on_sqlite (the summary half)
        SqlSchema from = MigrateSchemas.models("postgresql",
                "model TestModel {\n  id Int @id @default(autoincrement())\n  names String\n}\n");
        SqlSchema to = MigrateSchemas.models("postgresql",
                "model TestModel {\n  id Int @id @default(autoincrement())\n  names String[]\n}\n\n"
                        + "model TestModel2 {\n  id Int @id @default(autoincrement())\n}\n");
        assertEquals("\n[+] Added tables\n  - TestModel2\n\n[*] Changed the `TestModel` table\n"
                + "  [*] Column `names` would be dropped and recreated (changed from Required to List, type changed)\n",
                MigrationSummary.render(SchemaDiffer.diff(from, to, SqlDialect.postgres())));
    }

    @Test
    void noDifference() {
        // diff.rs diff_with_exit_code_and_empty_diff_returns_zero
        SqlSchema s = MigrateSchemas.models("sqlite", "model Puppy {\n  id Int @id\n  name String\n}\n");
        assertEquals("No difference detected.", MigrationSummary.render(SchemaDiffer.diff(s, s, SqlDialect.sqlite())));
    }
}
