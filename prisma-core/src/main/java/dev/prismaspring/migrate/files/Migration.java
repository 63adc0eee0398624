package dev.prismaspring.migrate.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One migration folder, {@code migrations/<timestamp>_<name>/}.
 *
 * @param id                 the folder name, e.g. {@code 20261121093000_init}; also the Liquibase changeset id
 * @param sqlText            the text of {@code migration.sql} (Liquibase formatted SQL)
 * @param snapshotSchemaText the text of the {@code schema.prisma} snapshot, or {@code null} when the folder has none
 * @param path               the folder
 */
public record Migration(String id, String sqlText, String snapshotSchemaText, Path path) {

    /** The name of the SQL file in each migration folder. */
    public static final String SQL_FILE = "migration.sql";
    /** The name of the schema snapshot in each migration folder. */
    public static final String SNAPSHOT_FILE = "schema.prisma";

    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sqlText, "sqlText");
        Objects.requireNonNull(path, "path");
    }

    /** The {@code migration.sql} file. */
    public Path sqlFile() {
        return path.resolve(SQL_FILE);
    }

    /** The path of {@code migration.sql} relative to the migrations folder, with {@code /}: {@code <id>/migration.sql}. */
    public String relativeSqlPath() {
        return id + "/" + SQL_FILE;
    }

    /** The name part of the id: {@code init} for {@code 20261121093000_init}. */
    public String name() {
        int underscore = id.indexOf('_');
        return underscore < 0 ? "" : id.substring(underscore + 1);
    }
}
