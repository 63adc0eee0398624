package dev.prismaspring.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.prismaspring.testdb.DbKind;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift suite on MariaDB/MySQL, plus a dropped foreign key (whose implicit index stays behind). */
class MysqlDriftTest extends DriftSuite {

    @Override
    DbKind kind() {
        return DbKind.MYSQL;
    }

    @Override
    List<String> changeTypeSql() {
        return List.of("ALTER TABLE `User` MODIFY `name` TEXT NULL");
    }

    @Override
    List<String> restoreTypeSql() {
        return List.of("ALTER TABLE `User` MODIFY `name` VARCHAR(100) NULL");
    }

    @Override
    String[] changedTypeColumn() {
        return new String[] {"User", "name"};
    }

    @Override
    String dropTitleIndexSql() {
        return "DROP INDEX `posts_title_idx` ON `posts`";
    }

    @Test
    void aDroppedForeignKeyIsAMissingForeignKey() throws SQLException {
        db.execute("ALTER TABLE `posts` DROP FOREIGN KEY `posts_authorId_fkey`");
        assertThat(check().differences()).extracting(DriftDifference::kind, DriftDifference::table,
                DriftDifference::index).contains(tuple(DriftKind.MISSING_FOREIGN_KEY, "posts", "posts_authorId_fkey"));
        push();
        assertThat(check().differences()).isEmpty();
    }
}
