package dev.prismaspring.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads the {@link MigrationFacts} of a database (a cheap read of the history table and the folder). */
@FunctionalInterface
public interface MigrationFactsSource {

    /** A source for applications without migrations (push mode). */
    MigrationFactsSource NONE = c -> MigrationFacts.none();

    MigrationFacts read(Connection connection) throws SQLException;
}
