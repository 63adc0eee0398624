package dev.prismaspring.migrate.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A migrations folder on the file system, laid out as Prisma Migrate lays it out:
 *
 * <pre>
 * migrations/
 *   20261121093000_init/
 *     migration.sql      Liquibase formatted SQL, one changeset (see {@link MigrationSqlWriter})
 *     schema.prisma      snapshot of the schema this migration leads to
 * </pre>
 *
 * Folders are read in name order, which is timestamp order; that order is the history. Sub-folders without a
 * {@code migration.sql} and plain files (a {@code migration_lock.toml}, a {@code README}) are ignored.
 */
public final class MigrationDirectory {

    /** {@code yyyyMMddHHmmss}, in UTC, as Prisma names migration folders. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Prisma's limit on the name part of a folder. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("^(\\d{14})(_|$)");

    private final Path root;

    private MigrationDirectory(Path root) {
        this.root = root;
    }

    /** The migrations folder at {@code root} (which need not exist yet: then it holds no migrations). */
    public static MigrationDirectory at(Path root) {
        return new MigrationDirectory(root);
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** Whether the folder exists. */
    public boolean exists() {
        return Files.isDirectory(root);
    }

    /** The migrations, in folder-name order (the order they apply in). */
    public List<Migration> migrations() {
        if (!exists()) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(p -> Files.isRegularFile(p.resolve(Migration.SQL_FILE)))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        List<Migration> out = new ArrayList<>();
        for (Path folder : folders) {
            Path snapshot = folder.resolve(Migration.SNAPSHOT_FILE);
            out.add(new Migration(folder.getFileName().toString(), read(folder.resolve(Migration.SQL_FILE)),
                    Files.isRegularFile(snapshot) ? read(snapshot) : null, folder));
        }
        return List.copyOf(out);
    }

    /** The last migration, if any. */
    public Optional<Migration> latest() {
        List<Migration> all = migrations();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Writes a new migration folder {@code <yyyyMMddHHmmss>_<name>} with {@code migration.sql} and the
     * {@code schema.prisma} snapshot. The timestamp is {@code now} in UTC, moved on by whole seconds when needed so
     * that the new folder sorts after every existing one.
     *
     * @param name         the migration name as the user gave it; sanitised with {@link #sanitizeName(String)}
     * @param now          the creation time
     * @param sqlFor       builds the {@code migration.sql} text from the folder name (the changeset id)
     * @param snapshotText the schema text to keep as the snapshot
     * @return the migration as written
     */
    public Migration write(String name, Instant now, java.util.function.Function<String, String> sqlFor,
            String snapshotText) {
        Instant at = now;
        Optional<Migration> last = latest();
        if (last.isPresent()) {
            var m = TIMESTAMP_PREFIX.matcher(last.get().id());
            if (m.find()) {
                Instant lastAt = java.time.LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                        .toInstant(ZoneOffset.UTC);
                // folder names keep whole seconds: compare those (now = lastAt + 0.9995 s is still lastAt's second)
                if (!at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(lastAt)) {
                    at = lastAt.plusSeconds(1);
                }
            }
        }
        String id = folderName(at, name);
        Path folder = root.resolve(id);
        if (Files.exists(folder)) {
            throw new IllegalStateException("the migration folder " + folder + " exists already");
        }
        String sql = sqlFor.apply(id);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(Migration.SQL_FILE), sql, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(Migration.SNAPSHOT_FILE), snapshotText, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the migration " + folder, e);
        }
        return new Migration(id, sql, snapshotText, folder);
    }

    /** {@code <yyyyMMddHHmmss>_<sanitised name>}; just the timestamp when the name sanitises to nothing. */
    public static String folderName(Instant at, String name) {
        String clean = sanitizeName(name);
        String ts = TIMESTAMP.format(at);
        return clean.isEmpty() ? ts : ts + "_" + clean;
    }

    /**
     * The name as Prisma puts it in a folder name (its CLI slugifies with {@code _}): camel case split into words,
     * lower case, every run of other characters than {@code a-z} and {@code 0-9} turned into one {@code _}, no
     * leading or trailing {@code _}, at most {@value #MAX_NAME_LENGTH} characters. {@code "Add phone!"} and
     * {@code "addPhone"} both give {@code add_phone}.
     */
    public static String sanitizeName(String name) {
        if (name == null) {
            return "";
        }
        String decamelized = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        String slug = java.text.Normalizer.normalize(decamelized, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return slug.length() > MAX_NAME_LENGTH ? slug.substring(0, MAX_NAME_LENGTH) : slug;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
