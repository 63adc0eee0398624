package dev.prismaspring.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared runner on migrations handed over as text (as an application reads them from the classpath): deploy
 * applies each once, status tells pending, applied and modified, a failing migration is recorded and blocks
 * deploys until resolved. On SQLite, PostgreSQL and MariaDB.
 */
class LiquibaseMigratorTest {

    private static Migration migration(String id, String sql) {
        return new Migration(id, "--liquibase formatted sql\n\n--changeset prisma:" + id + " logicalFilePath:prisma/"
                + "migrations/" + id + "/migration.sql\n" + sql + "\n", null, Path.of("classpath-migrations", id));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void deployStatusFailureAndResolve(DbKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "migrator")) {
            List<Migration> migrations = new ArrayList<>(List.of(
                    migration("20260101000000_init", "CREATE TABLE thing (id INTEGER NOT NULL PRIMARY KEY);")));
            LiquibaseMigrator migrator = new LiquibaseMigrator(db::connect, db.toString(), () -> List.copyOf(migrations));

            assertThat(migrator.status().pending()).containsExactly("20260101000000_init");
            assertThat(migrator.deploy()).containsExactly("20260101000000_init");
            assertThat(migrator.deploy()).isEmpty();
            MigrationStatus applied = migrator.status();
            assertThat(applied.applied()).extracting(MigrationStatus.Applied::id).containsExactly("20260101000000_init");
            assertThat(applied.needsAttention()).isFalse();

            migrations.add(migration("20260102000000_broken", "ALTER TABLE no_such_table ADD COLUMN x INTEGER;"));
            assertThatThrownBy(migrator::deploy).isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Migration 20260102000000_broken failed: ")
                    .satisfies(e -> assertThat(((MigrationException) e).kind())
                            .isEqualTo(MigrationException.Kind.REFUSED));
            assertThat(migrator.status().failed()).extracting(MigrationStatus.Failed::id)
                    .containsExactly("20260102000000_broken");
            assertThatThrownBy(migrator::deploy).hasMessageContaining("so no migration is applied");

            migrations.set(1, migration("20260102000000_broken", "CREATE TABLE other (id INTEGER NOT NULL);"));
            migrator.resolveRolledBack("20260102000000_broken");
            assertThat(migrator.deploy()).containsExactly("20260102000000_broken");

            migrations.set(0, migration("20260101000000_init",
                    "CREATE TABLE thing (id INTEGER NOT NULL PRIMARY KEY, edited INTEGER);"));
            assertThat(migrator.status().modified()).extracting(MigrationStatus.Modified::id)
                    .containsExactly("20260101000000_init");
            assertThatThrownBy(migrator::deploy).hasMessageStartingWith("Migration 20260101000000_init was modified");
        }
    }
}
