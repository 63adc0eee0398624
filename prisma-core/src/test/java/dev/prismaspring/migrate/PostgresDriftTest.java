package dev.prismaspring.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.prismaspring.testdb.DbKind;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift suite on PostgreSQL, plus what only PostgreSQL has: enum types and renamable constraints. */
class PostgresDriftTest extends DriftSuite {

    @Override
    DbKind kind() {
        return DbKind.POSTGRES;
    }

    @Override
    List<String> changeTypeSql() {
        return List.of("ALTER TABLE \"User\" ALTER COLUMN \"name\" TYPE TEXT");
    }

    @Override
    List<String> restoreTypeSql() {
        return List.of("ALTER TABLE \"User\" ALTER COLUMN \"name\" TYPE VARCHAR(100)");
    }

    @Override
    String[] changedTypeColumn() {
        return new String[] {"User", "name"};
    }

    @Override
    String dropTitleIndexSql() {
        return "DROP INDEX \"posts_title_idx\"";
    }

    @Test
    void anEnumValueAddedByHandIsAChangedEnum() throws SQLException {
        db.execute("ALTER TYPE \"Role\" ADD VALUE 'GUEST'");
        var drift = check().differences();
        assertThat(drift).extracting(DriftDifference::kind, DriftDifference::index)
                .containsExactly(tuple(DriftKind.CHANGED_ENUM, "Role"));
        assertThat(drift.get(0).detail()).contains("GUEST");
    }

    @Test
    void aDroppedForeignKeyIsAMissingForeignKey() throws SQLException {
        db.execute("ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_authorId_fkey\"");
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table,
                DriftDifference::index).containsExactly(
                        tuple(DriftKind.MISSING_FOREIGN_KEY, "posts", "posts_authorId_fkey"));
        push();
        assertThat(check().differences()).isEmpty();
    }
}
