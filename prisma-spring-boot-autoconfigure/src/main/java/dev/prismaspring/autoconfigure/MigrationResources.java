package dev.prismaspring.autoconfigure;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ResourceUtils;

/**
 * Reads the migrations at {@code prisma.migrate.location}: a folder on the file system ({@code file:} or a plain
 * path) through {@link MigrationDirectory}, as the CLI does, or a classpath folder (also inside a jar):
 * every {@code <id>/migration.sql} with its {@code schema.prisma} snapshot, in folder-name order.
 */
final class MigrationResources {

    private final ResourcePatternResolver resolver;

    MigrationResources(ResourceLoader resourceLoader) {
        this.resolver = resourceLoader instanceof ResourcePatternResolver r ? r
                : new PathMatchingResourcePatternResolver(resourceLoader);
    }

    /** The migrations at {@code location}; none when the location does not exist. */
    List<Migration> read(String location) {
        if (!location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)
                && !location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
            return MigrationDirectory.at(fileSystemPath(location)).migrations();
        }
        String folder = location.endsWith("/") ? location : location + "/";
        String displayRoot = folder.substring(folder.indexOf(':') + 1);
        List<Resource> sqlFiles = new ArrayList<>();
        try {
            for (Resource r : resolver.getResources(folder + "*/" + Migration.SQL_FILE)) {
                if (r.isReadable()) {
                    sqlFiles.add(r);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<Migration> out = new ArrayList<>();
        for (Resource sql : sqlFiles) {
            String id = folderName(sql);
            Resource snapshot = relative(sql, Migration.SNAPSHOT_FILE);
            out.add(new Migration(id, text(sql, location), snapshot != null && snapshot.isReadable()
                    ? text(snapshot, location) : null, Path.of(displayRoot, id)));
        }
        out.sort(Comparator.comparing(Migration::id));
        return List.copyOf(out);
    }

    /** A file-system location as a path: {@code file:} prefix removed. */
    static Path fileSystemPath(String location) {
        return Path.of(location.startsWith(ResourceUtils.FILE_URL_PREFIX)
                ? location.substring(ResourceUtils.FILE_URL_PREFIX.length()) : location);
    }

    private static String folderName(Resource sql) {
        try {
            String uri = sql.getURI().toString();
            String folder = uri.substring(0, uri.lastIndexOf('/'));
            return folder.substring(folder.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new PrismaStartupException("The migration " + sql.getDescription() + " could not be read: "
                    + e.getMessage() + ".", "Check prisma.migrate.location.", e);
        }
    }

    private static @Nullable Resource relative(Resource r, String name) {
        try {
            return r.createRelative(name);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(Resource r, String location) {
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PrismaStartupException("The migration file " + r.getDescription() + " could not be read: "
                    + e.getMessage() + ".", "Check the migrations at " + location + " (prisma.migrate.location).",
                    e);
        }
    }
}
