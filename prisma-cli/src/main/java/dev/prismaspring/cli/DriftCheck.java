package dev.prismaspring.cli;

import dev.prismaspring.migrate.DriftDetector;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Drift detection: the differences between the live database (introspected) and an expected {@link SqlSchema},
 * ignoring Liquibase's tables (design.md, "drift"). {@link #INTROSPECTED} is the implementation: prisma-core's
 * {@link DriftDetector} (the same check the Actuator endpoint runs), one sentence per difference.
 */
@FunctionalInterface
interface DriftCheck {

    /** A check that reports nothing, as "not checked". */
    DriftCheck NOT_AVAILABLE = (url, expected) -> Optional.empty();

    /** The check through the introspector. */
    DriftCheck INTROSPECTED = (url, expected) -> {
        try (Connection c = JdbcUrls.connect(url)) {
            Provider provider = Introspector.providerOf(c);
            return Optional.of(DriftDetector.of(SqlDialect.forProvider(provider), List.of()).check(c, expected)
                    .details());
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
