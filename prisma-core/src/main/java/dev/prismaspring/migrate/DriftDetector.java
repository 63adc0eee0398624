package dev.prismaspring.migrate;

import dev.prismaspring.sql.CanonicalForm;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drift detection: the differences between the live database (introspected) and the structure a schema expects,
 * as typed {@link DriftDifference}s.
 *
 * <p>Both sides are brought to their {@link CanonicalForm} (what the database keeps, in one order); when those are
 * equal there is no drift. Otherwise the {@link SchemaDiffer} computes the steps from the live structure to the
 * expected one, and {@link DriftDifferences} names each step's difference ({@code CreateTable} → the table is
 * missing, {@code DropColumn} → an extra column, ...). Asking the differ means a difference is reported exactly
 * when a migration would have to change something, with the differ's knowledge of equivalent types.
 *
 * <p>Left out of both sides: the bookkeeping tables the {@link Introspector} skips (Liquibase's, the schema-hash
 * table of {@link SchemaHashStore}) and the tables the caller lists as ignored (compared case-insensitively).
 */
public final class DriftDetector {

    private final SqlDialect dialect;
    private final Set<String> ignoredTables;
    private final Clock clock;

    private DriftDetector(SqlDialect dialect, Collection<String> ignoredTables, Clock clock) {
        this.dialect = dialect;
        this.ignoredTables = ignoredTables.stream().map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** A detector for {@code dialect}'s databases that leaves the {@code ignoredTables} out. */
    public static DriftDetector of(SqlDialect dialect, Collection<String> ignoredTables) {
        return new DriftDetector(dialect, ignoredTables, Clock.systemUTC());
    }

    /**
     * Introspects the database behind {@code connection} (the namespaces of {@code expected} on PostgreSQL) and
     * reports how it differs from {@code expected}.
     */
    public DriftReport check(Connection connection, SqlSchema expected) throws SQLException {
        SqlSchema live = Introspector.forProvider(dialect.provider()).introspect(connection, expected.namespaces());
        return compare(expected, live);
    }

    /** How {@code live} differs from {@code expected}. */
    public DriftReport compare(SqlSchema expected, SqlSchema live) {
        SqlSchema want = CanonicalForm.of(withoutIgnored(expected), dialect.provider());
        SqlSchema have = CanonicalForm.of(withoutIgnored(live), dialect.provider());
        if (sameIgnoringColumnOrder(want, have)) {
            return new DriftReport(clock.instant(), List.of());
        }
        List<SchemaChange> steps = SchemaDiffer.diff(have, want, dialect);
        return new DriftReport(clock.instant(),
                DriftDifferences.of(steps, have, want, dialect, DriftDifferences.Sides.DRIFT));
    }

    /**
     * The unmigrated changes: how {@code current} (the schema's structure) differs from {@code lastMigrated} (the
     * snapshot of the last migration); "missing" means the schema has it and no migration creates it yet.
     */
    public static List<DriftDifference> unmigratedChanges(SqlSchema lastMigrated, SqlSchema current,
            SqlDialect dialect) {
        SqlSchema from = CanonicalForm.of(lastMigrated, dialect.provider());
        SqlSchema to = CanonicalForm.of(current, dialect.provider());
        if (sameIgnoringColumnOrder(from, to)) {
            return List.of();
        }
        return DriftDifferences.of(SchemaDiffer.diff(from, to, dialect), from, to, dialect,
                DriftDifferences.Sides.UNMIGRATED);
    }

    private SqlSchema withoutIgnored(SqlSchema s) {
        if (ignoredTables.isEmpty()) {
            return s;
        }
        List<Table> tables = s.tables().stream()
                .filter(t -> !ignoredTables.contains(t.name().toLowerCase(Locale.ROOT))).toList();
        return new SqlSchema(s.namespaces(), s.enums(), tables);
    }

    // the differ appends added columns at the end (as Prisma does), so a migrated database and a fresh one may
    // differ in column order only: not drift
    private static boolean sameIgnoringColumnOrder(SqlSchema a, SqlSchema b) {
        return columnsByName(a).equals(columnsByName(b));
    }

    private static SqlSchema columnsByName(SqlSchema s) {
        List<Table> tables = s.tables().stream().map(t -> new Table(t.namespace(), t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.primaryKey(),
                t.indexes(), t.foreignKeys())).toList();
        // the namespace list itself is left out: "public" is implied, tables and enums carry their namespace
        return new SqlSchema(List.of(), s.enums(), tables);
    }
}
