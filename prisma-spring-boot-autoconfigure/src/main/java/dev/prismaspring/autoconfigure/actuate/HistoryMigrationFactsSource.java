package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.migrate.files.MigrationHistory;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link MigrationFacts} from Liquibase's {@code DATABASECHANGELOG} (rows of author {@code prisma}) and the
 * migrations folder. Checksums are reported as recorded; telling a modified migration needs Liquibase's checksum
 * of the current file, which a Liquibase-backed source adds — this one reports none modified.
 */
public final class HistoryMigrationFactsSource implements MigrationFactsSource {

    private final DataSource dataSource;
    private final Supplier<List<Migration>> folder;

    /** A source over the migrations that {@code folder} lists (read on each call, so new files show). */
    public HistoryMigrationFactsSource(DataSource dataSource, Supplier<List<Migration>> folder) {
        this.dataSource = dataSource;
        this.folder = folder;
    }

    /** A source over a migrations folder on the file system. */
    public static HistoryMigrationFactsSource of(DataSource dataSource, MigrationDirectory directory) {
        return new HistoryMigrationFactsSource(dataSource, directory::migrations);
    }

    @Override
    public MigrationFacts read() throws SQLException {
        List<Migration> local = folder.get();
        List<MigrationHistory.Entry> history;
        try (Connection c = dataSource.getConnection()) {
            history = MigrationHistory.read(c);
        }
        Map<String, MigrationHistory.Entry> byId = new LinkedHashMap<>();
        for (MigrationHistory.Entry e : history) {
            if (MigrationSqlWriter.AUTHOR.equals(e.author())) {
                byId.put(e.id(), e);
            }
        }
        List<MigrationFacts.Applied> applied = new ArrayList<>();
        List<MigrationFacts.Failed> failed = new ArrayList<>();
        for (MigrationHistory.Entry e : byId.values()) {
            if (e.failed()) {
                failed.add(new MigrationFacts.Failed(e.id(), e.dateExecuted(), e.comments()));
            } else {
                applied.add(new MigrationFacts.Applied(e.id(), e.dateExecuted(), e.checksum()));
            }
        }
        List<String> pending = local.stream().map(Migration::id).filter(id -> !byId.containsKey(id)).toList();
        return new MigrationFacts(applied, pending, failed, List.of(), local);
    }
}
