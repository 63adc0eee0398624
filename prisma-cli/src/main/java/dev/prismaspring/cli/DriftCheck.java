package dev.prismaspring.cli;

import dev.prismaspring.migrate.LiveSchemas;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Drift detection: the differences between the live database (introspected) and an expected {@link SqlSchema},
 * ignoring Liquibase's tables (design.md, "drift"). {@link #INTROSPECTED} is the implementation: the
 * {@link Introspector} reads the database, {@link LiveSchemas#differences} compares through
 * {@code CanonicalForm}, column order ignored.
 */
@FunctionalInterface
interface DriftCheck {

    /** A check that reports nothing, as "not checked". */
    DriftCheck NOT_AVAILABLE = (url, expected) -> Optional.empty();

    /** The check through the introspector. */
    DriftCheck INTROSPECTED = (url, expected) -> {
        try (Connection c = JdbcUrls.connect(url)) {
            Provider provider = Introspector.providerOf(c);
            return Optional.of(LiveSchemas.differences(expected, LiveSchemas.introspect(c, provider, expected),
                    provider));
        } catch (SQLException e) {
            throw CliException.usage("Could not read the structure of the database at " + JdbcUrls.redact(url)
                    + ": " + e.getMessage() + ".");
        }
    };

    /**
     * The drift of the database at {@code url} from {@code expected}, one line per difference; empty when none;
     * {@link Optional#empty()} when it cannot be checked.
     */
    Optional<List<String>> drift(String url, SqlSchema expected);
}
