package dev.prismaspring.cli;

import dev.prismaspring.migrate.files.InitialMigration;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.migrate.files.MigrationPlanner;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma migrate dev --name N [--create-only]}: applies pending migrations, writes a new migration
 * {@code <timestamp>_<name>} for the schema changes since the last migration's snapshot, and applies it (not with
 * {@code --create-only}).
 *
 * <p>First form: without migrations, the new migration creates the whole schema from an empty database (rollback:
 * drop statements in reverse order). With migrations, the changes since the last snapshot need the differ, reached
 * through {@link MigrationPlanner} (an EXTENSION POINT; until the differ lands it refuses with "not available yet").
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

    @Option(names = "--schema", paramLabel = "F", defaultValue = "prisma/schema.prisma",
            description = "The schema (default: ${DEFAULT-VALUE}).")
    Path schema;

    @Spec
    CommandSpec spec;

    /** EXTENSION POINT: replaced by the differ's planner once it lands. */
    MigrationPlanner planner = MigrationPlanner.unavailable();

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
        String forward;
        List<String> rollback;
        if (existing.isEmpty()) {
            forward = InitialMigration.forward(dialect, current.sqlSchema()).render();
            rollback = InitialMigration.rollback(dialect, current.sqlSchema());
        } else {
            SqlSchema previous = SchemaSnapshots.ofSnapshot(existing.get(existing.size() - 1));
            if (previous.equals(current.sqlSchema())) {
                out.println("Already in sync: no schema change since migration "
                        + existing.get(existing.size() - 1).id() + ".");
                out.flush();
                return PrismaCli.OK;
            }
            MigrationPlanner.Plan plan;
            try {
                plan = planner.plan(dialect, previous, current.sqlSchema());
            } catch (MigrationPlanner.NotAvailableException e) {
                throw CliException.usage(e.getMessage() + " For now, write the migration by hand in a new folder of "
                        + options.migrations + " (see docs/migrations.md).");
            }
            forward = plan.forwardSql();
            rollback = plan.rollbackStatements();
        }
        String finalForward = forward;
        List<String> finalRollback = rollback;
        Migration written = directory.write(name, Instant.now(),
                id -> MigrationSqlWriter.write(id, provider, finalForward, finalRollback), current.snapshotText());
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

    private static void report(PrintWriter out, String verb, List<String> ids) {
        if (!ids.isEmpty()) {
            out.println(verb + " " + ids.size() + " migration" + (ids.size() == 1 ? "" : "s") + ":");
            ids.forEach(id -> out.println("  " + id));
        }
    }
}
