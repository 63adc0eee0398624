package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.liquibase.LiquibaseMigrator;
import dev.prismaspring.liquibase.MigrationException;
import dev.prismaspring.liquibase.MigrationStatus;
import java.sql.SQLException;

/**
 * {@link MigrationFacts} from the shared Liquibase runner ({@code prisma-liquibase}): applied, pending and failed
 * migrations from {@code DATABASECHANGELOG}, modified ones by Liquibase's checksum of the current files. The runner
 * opens its own connection.
 */
public final class LiquibaseMigrationFactsSource implements MigrationFactsSource {

    private final LiquibaseMigrator migrator;

    public LiquibaseMigrationFactsSource(LiquibaseMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public MigrationFacts read() throws SQLException {
        MigrationStatus s;
        try {
            s = migrator.status();
        } catch (MigrationException e) {
            throw new SQLException(e.getMessage(), e);
        }
        return new MigrationFacts(
                s.applied().stream().map(a -> new MigrationFacts.Applied(a.id(), a.appliedAt(), a.checksum())).toList(),
                s.pending(),
                s.failed().stream().map(f -> new MigrationFacts.Failed(f.id(), f.failedAt(), f.error())).toList(),
                s.modified().stream().map(m -> new MigrationFacts.Modified(m.id(), m.appliedChecksum(),
                        m.currentChecksum())).toList(),
                migrator.migrations());
    }
}
