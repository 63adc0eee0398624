package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.liquibase.LiquibaseMigrator;
import dev.prismaspring.liquibase.MigrationException;
import dev.prismaspring.liquibase.MigrationStatus;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link MigrationFacts} from the shared Liquibase runner ({@code prisma-liquibase}): applied, pending and failed
 * migrations from {@code DATABASECHANGELOG}, modified ones by Liquibase's checksum of the current files.
 *
 * <p>Asking Liquibase parses every changelog, which costs more than the full drift check on a small schema; so each
 * call reads the history rows (one query) and the migrations, and asks Liquibase again only when either differs from
 * the last call.
 */
public final class LiquibaseMigrationFactsSource implements MigrationFactsSource {

    private record Key(List<MigrationHistory.Entry> history, List<Migration> local) {
    }

    private record Cached(Key key, MigrationFacts facts) {
    }

    private final LiquibaseMigrator migrator;
    private final DataSource dataSource;
    private volatile Cached cached;

    public LiquibaseMigrationFactsSource(LiquibaseMigrator migrator, DataSource dataSource) {
        this.migrator = migrator;
        this.dataSource = dataSource;
    }

    @Override
    public MigrationFacts read() throws SQLException {
        List<Migration> local = migrator.migrations();
        List<MigrationHistory.Entry> history;
        try (Connection c = dataSource.getConnection()) {
            history = MigrationHistory.read(c);
        }
        Key key = new Key(history, local);
        Cached last = cached;
        if (last != null && last.key().equals(key)) {
            return last.facts();
        }
        MigrationStatus s;
        try {
            s = migrator.status();
        } catch (MigrationException e) {
            throw new SQLException(e.getMessage(), e);
        }
        MigrationFacts facts = new MigrationFacts(
                s.applied().stream().map(a -> new MigrationFacts.Applied(a.id(), a.appliedAt(), a.checksum())).toList(),
                s.pending(),
                s.failed().stream().map(f -> new MigrationFacts.Failed(f.id(), f.failedAt(), f.error())).toList(),
                s.modified().stream().map(m -> new MigrationFacts.Modified(m.id(), m.appliedChecksum(),
                        m.currentChecksum())).toList(),
                local);
        cached = new Cached(key, facts);
        return facts;
    }
}
