package dev.prismaspring.cli;

import dev.prismaspring.migrate.DestructiveChangeChecker;
import dev.prismaspring.migrate.MigrationScript;
import dev.prismaspring.migrate.SafetyReport;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.migrate.files.MigrationPlanner;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import dev.prismaspring.migrate.files.NextMigration;
import dev.prismaspring.migrate.files.SnapshotException;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma migrate dev --name N [--create-only] [--accept-data-loss]}: applies pending migrations, checks the
 * database for drift, writes a new migration {@code <timestamp>_<name>} for the schema changes since the last
 * migration's snapshot, and applies it (not with {@code --create-only}).
 *
 * <ol>
 *   <li>Pending migrations are applied first (not with {@code --create-only}).</li>
 *   <li>Drift: the database (introspected) must have the structure of the last applied migration's snapshot (the
 *       empty schema when none is applied), Liquibase's tables left out. Otherwise the differences are listed and
 *       the command stops with exit 1, suggesting {@code prisma migrate reset}.</li>
 *   <li>Without migrations, the new one creates the whole schema (rollback: drop statements in reverse order).
 *       With migrations, {@code SchemaDiffer} diffs the last snapshot and the current schema; nothing changed
 *       gives "Already in sync" and no file.</li>
 *   <li>The {@link DestructiveChangeChecker} looks at the live data: risky changes are refused (exit 1, each one
 *       listed, nothing written) unless {@code --accept-data-loss}; changes that cannot run on the data are
 *       refused either way. With {@code --create-only} the migration is written with its warnings block, for
 *       review, and nothing runs.</li>
 *   <li>The migration is written with Prisma's {@code Warnings} block when there are risks, and deployed through
 *       Liquibase.</li>
 * </ol>
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Write a new migration for the schema changes since the last one, and apply it.")
final class MigrateDevCommand implements Callable<Integer> {

    @Mixin
    MigrationOptions options;

    @Option(names = {"--name", "-n"}, required = true, paramLabel = "N", description = "The migration name.")
    String name;

    @Option(names = "--create-only", description = "Write the migration but do not apply it.")
    boolean createOnly;

    @Option(names = "--accept-data-loss", description = "Apply changes that may lose data (dropped tables or "
            + "columns, narrowed types, ...).")
    boolean acceptDataLoss;

    @Option(names = "--schema", paramLabel = "F", defaultValue = "prisma/schema.prisma",
            description = "The schema (default: ${DEFAULT-VALUE}).")
    Path schema;

    @Spec
    CommandSpec spec;

    /** The drift check (replaceable in tests). */
    DriftCheck driftCheck = DriftCheck.INTROSPECTED;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchemaSnapshots.Current current = SchemaSnapshots.load(schema, err);
        Provider provider = current.validated().datamodel().provider();
        LiquibaseMigrations migrations = options.migrations(spec);
        if (provider != migrations.provider()) {
            throw CliException.user("The schema's provider is " + provider.name().toLowerCase(Locale.ROOT)
                    + " but --url points at a " + migrations.provider().name().toLowerCase(Locale.ROOT)
                    + " database. Use a URL of the schema's provider.");
        }
        SqlDialect dialect = SqlDialect.forProvider(provider);
        MigrationDirectory directory = migrations.directory();
        List<Migration> existing = directory.migrations();

        if (!existing.isEmpty() && !createOnly) {
            report(out, "Applied", migrations.deploy());
        }
        checkDrift(migrations, existing, err);

        NextMigration.Draft draft;
        try {
            draft = NextMigration.draft(existing, current.sqlSchema(), dialect, this::check);
        } catch (SnapshotException e) {
            throw CliException.user(e.getMessage());
        } catch (SQLException e) {
            throw CliException.usage("Could not inspect the data of the database at " + JdbcUrls.redact(options.url)
                    + ": " + e.getMessage() + ".");
        }
        if (draft instanceof NextMigration.InSync inSync) {
            out.println(inSync.message());
            out.flush();
            return PrismaCli.OK;
        }
        NextMigration.Ready ready = (NextMigration.Ready) draft;
        SafetyReport safety = ready.safety();
        if (!createOnly && !safety.mayApply(acceptDataLoss)) {
            err.print(safety.refusal());
            err.flush();
            throw CliException.user("No migration was written. Change the schema, or run again with "
                    + "--accept-data-loss to accept the data loss.");
        }
        if (createOnly && !safety.isSafe()) {
            err.print(safety.warningsComment());
            err.flush();
        }
        MigrationPlanner.Plan plan = ready.plan();
        Migration written = directory.write(name, Instant.now(),
                id -> MigrationSqlWriter.write(id, provider, plan.forwardSql(), plan.rollbackStatements()),
                current.snapshotText());
        out.println("Created migration " + written.id() + " in " + options.migrations + ".");
        if (createOnly) {
            out.println("Not applied (--create-only). Review it, then run 'prisma migrate dev' or 'prisma migrate "
                    + "deploy'.");
        } else {
            report(out, "Applied", migrations.deploy());
        }
        out.flush();
        return PrismaCli.OK;
    }

    /** Stops with the list of differences when the database is not what its applied migrations made. */
    private void checkDrift(LiquibaseMigrations migrations, List<Migration> existing, PrintWriter err) {
        Optional<SqlSchema> expected = SchemaSnapshots.lastApplied(migrations.status(), existing);
        if (expected.isEmpty()) {
            return;
        }
        List<String> drift = driftCheck.drift(options.url, expected.get()).orElse(List.of());
        if (!drift.isEmpty()) {
            err.println("Drift detected: the database schema is not in sync with the migration history.");
            err.println();
            drift.forEach(d -> err.println("  • " + d));
            err.println();
            err.flush();
            throw CliException.user("The database at " + JdbcUrls.redact(options.url) + " was changed outside the "
                    + "migrations. Run 'prisma migrate reset' to recreate it from the migrations (all data is lost), "
                    + "or undo the manual changes.");
        }
    }

    private SafetyReport check(MigrationScript script) throws SQLException {
        try (Connection c = JdbcUrls.connect(options.url)) {
            return DestructiveChangeChecker.check(script, c);
        }
    }

    private static void report(PrintWriter out, String verb, List<String> ids) {
        if (!ids.isEmpty()) {
            out.println(verb + " " + ids.size() + " migration" + (ids.size() == 1 ? "" : "s") + ":");
            ids.forEach(id -> out.println("  " + id));
        }
    }
}
