package dev.prismaspring.autoconfigure.actuate;

import java.sql.SQLException;

/**
 * Reads the {@link MigrationFacts} of a database (a cheap read of the history table and the folder), on a
 * connection of its own.
 */
@FunctionalInterface
public interface MigrationFactsSource {

    /** A source for applications without migrations (push mode). */
    MigrationFactsSource NONE = MigrationFacts::none;

    MigrationFacts read() throws SQLException;
}
