package dev.prismaspring.cli;

import dev.prismaspring.migrate.files.SchemaSnapshot;
import dev.prismaspring.liquibase.MigrationStatus;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.NextMigration;
import dev.prismaspring.migrate.files.SnapshotException;
import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Schemas for the migrate commands: the current one (validated, diagnostics printed) and migration snapshots. */
final class SchemaSnapshots {

    private SchemaSnapshots() {
    }

    /** A valid schema with a provider, its SQL schema and the text to keep as snapshot. */
    record Current(ValidatedSchema validated, SqlSchema sqlSchema, String snapshotText) {
    }

    /** Loads and validates the schema at {@code location}; prints the diagnostics and exits 1 when it is invalid. */
    static Current load(Path location, PrintWriter err) {
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(location);
        ValidatedSchema result = SchemaValidator.validate(loaded.files());
        if (!result.isValid()) {
            List<Diagnostic> errors = result.diagnostics().errors();
            err.print(new DiagnosticPrinter(Terminal.colors()).print(result.files(), errors));
            err.println();
            err.println("Validation Error Count: " + errors.size());
            err.flush();
            throw CliException.user("The schema at " + location + " is invalid. Fix it and run the command again.");
        }
        if (result.datamodel().provider() == null) {
            throw CliException.user("The schema at " + location + " has no datasource block with a provider "
                    + "(postgresql, mysql or sqlite). Add one.");
        }
        return new Current(result, SqlSchemaCalculator.calculate(result.datamodel()), SchemaSnapshot.text(loaded.files()));
    }


    /** The SQL schema of a migration's snapshot; a user error when it is missing or invalid. */
    static SqlSchema ofSnapshot(Migration migration) {
        try {
            return NextMigration.snapshotSchema(migration);
        } catch (SnapshotException e) {
            throw CliException.user(e.getMessage());
        }
    }

    /**
     * The SQL schema the database should have after its applied migrations: the snapshot of the last applied one;
     * the empty schema when none is applied; empty when the last applied migration is not in the folder.
     */
    static java.util.Optional<SqlSchema> lastApplied(MigrationStatus status, List<Migration> local) {
        try {
            return NextMigration.lastApplied(status.applied().stream().map(MigrationStatus.Applied::id).toList(),
                    local);
        } catch (SnapshotException e) {
            throw CliException.user(e.getMessage());
        }
    }
}
