package dev.prismaspring.cli;

import dev.prismaspring.sql.SqlSchema;
import java.util.List;
import java.util.Optional;

/**
 * EXTENSION POINT for drift detection: the differences between the live database (introspected) and the schema's
 * {@link SqlSchema}, ignoring Liquibase's tables (design.md, "drift"). It needs the Introspector
 * ({@code dev.prismaspring.sql}), which is being written; until then {@link #NOT_AVAILABLE} says "not checked".
 */
@FunctionalInterface
interface DriftCheck {

    /** The check used until the introspector lands: reports nothing, as "not checked". */
    DriftCheck NOT_AVAILABLE = (url, expected) -> Optional.empty();

    /**
     * The drift of the database at {@code url} from {@code expected}, one line per difference; empty when none;
     * {@link Optional#empty()} when it cannot be checked.
     */
    Optional<List<String>> drift(String url, SqlSchema expected);
}
