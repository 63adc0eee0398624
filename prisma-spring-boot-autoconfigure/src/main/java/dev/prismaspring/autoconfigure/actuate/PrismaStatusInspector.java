package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.autoconfigure.PrismaSchema;
import dev.prismaspring.migrate.DriftDetector;
import dev.prismaspring.migrate.DriftDifference;
import dev.prismaspring.migrate.DriftReport;
import dev.prismaspring.migrate.SchemaHash;
import dev.prismaspring.migrate.SchemaHashStore;
import dev.prismaspring.migrate.SchemaStatus;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Works out the {@link PrismaStatusReport} of the application's database.
 *
 * <p>Cheap on every call: one connection reads the migration history ({@link MigrationFactsSource}) and the
 * recorded {@link SchemaHash} ({@link SchemaHashStore}). The full drift check (introspection and diff) runs on the
 * first call, on {@link #refresh()}, and whenever the recorded hash or the applied and failed migrations differ from
 * what they were at the last full check (a migration ran meanwhile, here or on another instance); otherwise the
 * cached {@link DriftReport} is reused, with the time it was made.
 *
 * <p>Drift is measured against the structure the applied migrations lead to: the snapshot of the last applied
 * migration (none applied: the empty schema; a last applied migration without snapshot, or without migrations at
 * all in push mode: the running schema). When the database is up to date this is the running schema's structure, as
 * design.md defines drift; with pending migrations or unmigrated changes, those are reported as such rather than as
 * drift. Unmigrated changes: the running schema against the snapshot of the folder's last migration.
 */
public final class PrismaStatusInspector {

    private record Fingerprint(String recordedHash, List<String> applied, List<String> failed) {
    }

    private record Cached(Fingerprint fingerprint, SqlSchema expected, DriftReport drift) {
    }

    private final PrismaSchema schema;
    private final DataSource dataSource;
    private final MigrationFactsSource facts;
    private final boolean usesMigrations;
    private final SqlDialect dialect;
    private final DriftDetector detector;
    private final SchemaHashStore hashStore;
    private final SqlSchema current;
    private final String currentHash;
    private final Map<String, Optional<SqlSchema>> snapshots = new ConcurrentHashMap<>();
    private volatile Cached cached;
    private volatile PrismaStatusReport last;

    /**
     * @param schema         the running schema
     * @param dataSource     the application's database
     * @param facts          the migration history; {@link MigrationFactsSource#NONE} without migrations
     * @param usesMigrations whether the database is meant to follow migrations (false in push mode: it follows the
     *                       schema directly, and pending or unmigrated changes do not apply)
     * @param ignoredTables  tables the drift check leaves out
     */
    public PrismaStatusInspector(PrismaSchema schema, DataSource dataSource, MigrationFactsSource facts,
            boolean usesMigrations, Collection<String> ignoredTables) {
        this.schema = schema;
        this.dataSource = dataSource;
        this.facts = facts;
        this.usesMigrations = usesMigrations;
        this.dialect = SqlDialect.forProvider(schema.provider());
        this.detector = DriftDetector.of(dialect, ignoredTables);
        this.hashStore = new SchemaHashStore(dialect);
        this.current = schema.sqlSchema();
        this.currentHash = SchemaHash.of(current, schema.provider());
    }

    /** The status; the full drift check only when the database's migrations changed since the last one. */
    public PrismaStatusReport report() throws SQLException {
        return inspect(false);
    }

    /** The status after a full drift check now. */
    public PrismaStatusReport refresh() throws SQLException {
        return inspect(true);
    }

    /** The last report made, without touching the database (for gauges). */
    public Optional<PrismaStatusReport> lastReport() {
        return Optional.ofNullable(last);
    }

    /** The running schema's hash. */
    public String schemaHash() {
        return currentHash;
    }

    /**
     * Records in the database the hash of the structure its migrations now lead to (called once migrations finished
     * at startup, by modes that change the database); nothing when that hash is recorded already.
     */
    public void recordSchemaHash() throws SQLException {
        MigrationFacts f = usesMigrations ? facts.read() : MigrationFacts.none();
        try (Connection c = dataSource.getConnection()) {
            String hash = SchemaHash.of(expected(f), schema.provider());
            if (hashStore.read(c).map(r -> !r.hash().equals(hash)).orElse(true)) {
                hashStore.record(c, hash, Instant.now());
            }
        }
    }

    private synchronized PrismaStatusReport inspect(boolean full) throws SQLException {
        // the facts first, on their own connection: one connection at a time (SQLite pools often hold one)
        MigrationFacts f = usesMigrations ? facts.read() : MigrationFacts.none();
        try (Connection c = dataSource.getConnection()) {
            Fingerprint fingerprint = new Fingerprint(hashStore.read(c).map(SchemaHashStore.Recorded::hash)
                    .orElse(null), f.applied().stream().map(MigrationFacts.Applied::id).toList(),
                    f.failed().stream().map(MigrationFacts.Failed::id).toList());
            Cached previous = cached;
            if (full || previous == null || !previous.fingerprint().equals(fingerprint)) {
                SqlSchema expected = expected(f);
                previous = new Cached(fingerprint, expected, detector.check(c, expected));
                cached = previous;
            }
            List<DriftDifference> unmigrated = usesMigrations ? unmigratedChanges(f) : List.of();
            DriftReport drift = f.failed().isEmpty() ? previous.drift()
                    : new DriftReport(previous.drift().checkedAt(), List.of());
            SchemaStatus status = SchemaStatus.of(!f.failed().isEmpty() || !f.modified().isEmpty(), drift.hasDrift(),
                    !f.pending().isEmpty(), !unmigrated.isEmpty());
            Datamodel dm = schema.datamodel();
            PrismaStatusReport report = new PrismaStatusReport(status,
                    new PrismaStatusReport.SchemaFacts(schema.location(), schema.provider().providerName(),
                            dm.models().size(), dm.enums().size(), currentHash),
                    f, unmigrated, drift);
            last = report;
            return report;
        }
    }

    /** The structure the applied migrations lead to (see the class comment). */
    private SqlSchema expected(MigrationFacts f) {
        if (!usesMigrations) {
            return current;
        }
        if (f.applied().isEmpty()) {
            return SqlSchema.empty();
        }
        return f.lastApplied().flatMap(this::snapshot).orElse(current);
    }

    private List<DriftDifference> unmigratedChanges(MigrationFacts f) {
        Optional<SqlSchema> base = f.latest().isEmpty() ? Optional.of(SqlSchema.empty())
                : snapshot(f.latest().get());
        // a last migration without a readable snapshot: the changes since cannot be computed, none are reported
        return base.map(b -> DriftDetector.unmigratedChanges(b, current, dialect)).orElse(List.of());
    }

    private Optional<SqlSchema> snapshot(Migration m) {
        return snapshots.computeIfAbsent(m.id() + "\u0000" + m.snapshotSchemaText(), k -> {
            if (m.snapshotSchemaText() == null) {
                return Optional.empty();
            }
            ValidatedSchema v = SchemaValidator.validate(SourceFiles.single(m.id() + "/" + Migration.SNAPSHOT_FILE,
                    m.snapshotSchemaText()));
            if (!v.isValid() || v.datamodel().provider() == null) {
                return Optional.empty();
            }
            return Optional.of(SqlSchemaCalculator.calculate(v.datamodel()));
        });
    }
}
