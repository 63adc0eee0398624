package dev.prismaspring.migrate;

import dev.prismaspring.testdb.DbKind;
import java.util.List;

/** The drift suite on SQLite: a type changes only by rebuilding the table. */
class SqliteDriftTest extends DriftSuite {

    @Override
    DbKind kind() {
        return DbKind.SQLITE;
    }

    @Override
    List<String> changeTypeSql() {
        return rebuildTag("INTEGER");
    }

    @Override
    List<String> restoreTypeSql() {
        return rebuildTag("TEXT");
    }

    private static List<String> rebuildTag(String nameType) {
        return List.of("PRAGMA foreign_keys=OFF",
                "CREATE TABLE \"new_Tag\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"name\" " + nameType
                        + " NOT NULL)",
                "INSERT INTO \"new_Tag\" (\"id\", \"name\") SELECT \"id\", \"name\" FROM \"Tag\"",
                "DROP TABLE \"Tag\"",
                "ALTER TABLE \"new_Tag\" RENAME TO \"Tag\"",
                "CREATE UNIQUE INDEX \"Tag_name_key\" ON \"Tag\"(\"name\")");
    }

    @Override
    String[] changedTypeColumn() {
        return new String[] {"Tag", "name"};
    }

    @Override
    String dropTitleIndexSql() {
        return "DROP INDEX \"posts_title_idx\"";
    }
}
