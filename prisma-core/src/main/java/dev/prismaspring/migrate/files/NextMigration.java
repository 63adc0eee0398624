package dev.prismaspring.migrate.files;

import dev.prismaspring.migrate.MigrationScript;
import dev.prismaspring.migrate.SafetyReport;
import dev.prismaspring.migrate.SchemaDiffer;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate dev} writes next (shared by the CLI and an application's {@code dev} mode): nothing when the
 * schema did not change since the last migration's snapshot; otherwise the whole schema (first migration) or the
 * differ's script from the last snapshot, checked for data loss.
 */
public final class NextMigration {

    private NextMigration() {
    }

    /** The outcome: in sync, or a migration to write. */
    public sealed interface Draft permits InSync, Ready {
    }

    /** Nothing to write; {@code message} says why, in one sentence ("Already in sync: ..."). */
    public record InSync(String message) implements Draft {
    }

    /**
     * A migration to write.
     *
     * @param plan   its forward SQL and rollback statements
     * @param safety the data-loss check of the changes (safe for a first migration)
     * @param script the changes; {@code null} for a first migration, which creates everything
     */
    public record Ready(MigrationPlanner.Plan plan, SafetyReport safety, MigrationScript script) implements Draft {
    }

    /** Checks a script against the live data (row counts), e.g. with {@code DestructiveChangeChecker}. */
    @FunctionalInterface
    public interface SafetyCheck {
        SafetyReport check(MigrationScript script) throws SQLException;
    }

    /**
     * The next migration for {@code current}, after {@code existing} (in order).
     *
     * @throws SnapshotException when the last migration's snapshot is missing or invalid
     */
    public static Draft draft(List<Migration> existing, SqlSchema current, SqlDialect dialect, SafetyCheck safety)
            throws SQLException {
        SqlSchema previous = existing.isEmpty() ? SqlSchema.empty() : snapshotSchema(existing.get(existing.size() - 1));
        String lastId = existing.isEmpty() ? null : existing.get(existing.size() - 1).id();
        if (previous.equals(current)) {
            return new InSync(existing.isEmpty()
                    ? "Already in sync: the schema is empty, there is nothing to migrate."
                    : "Already in sync: no schema change since migration " + lastId + ".");
        }
        if (existing.isEmpty()) {
            return new Ready(new MigrationPlanner.Plan(InitialMigration.forward(dialect, current).render(),
                    InitialMigration.rollback(dialect, current)), SafetyReport.safe(), null);
        }
        MigrationScript script = SchemaDiffer.script(previous, current, dialect);
        if (script.isEmpty()) {
            return new InSync("Already in sync: the schema changes since migration " + lastId + " need no SQL.");
        }
        SafetyReport report = safety.check(script);
        return new Ready(MigrationPlanner.plan(script, report), report, script);
    }

    /** The SQL schema of a migration's snapshot. */
    public static SqlSchema snapshotSchema(Migration migration) {
        if (migration.snapshotSchemaText() == null) {
            throw new SnapshotException("The migration " + migration.id() + " has no schema.prisma snapshot, so the "
                    + "schema changes since cannot be computed. Copy the schema it was made from into "
                    + migration.path().resolve(Migration.SNAPSHOT_FILE) + ".");
        }
        ValidatedSchema result = SchemaValidator.validate(SourceFiles.single(
                migration.path().resolve(Migration.SNAPSHOT_FILE).toString(), migration.snapshotSchemaText()));
        if (!result.isValid() || result.datamodel().provider() == null) {
            throw new SnapshotException("The schema snapshot of migration " + migration.id() + " is not a valid "
                    + "schema with a provider. Restore it from version control.");
        }
        return SqlSchemaCalculator.calculate(result.datamodel());
    }

    /**
     * The SQL schema the database should have after its applied migrations ({@code appliedIds}, in order): the
     * snapshot of the last applied one; the empty schema when none is applied; empty when the last applied
     * migration is not among {@code local}.
     */
    public static Optional<SqlSchema> lastApplied(List<String> appliedIds, List<Migration> local) {
        if (appliedIds.isEmpty()) {
            return Optional.of(SqlSchema.empty());
        }
        String id = appliedIds.get(appliedIds.size() - 1);
        return local.stream().filter(m -> m.id().equals(id)).findFirst().map(NextMigration::snapshotSchema);
    }
}
