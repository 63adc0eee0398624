package dev.prismaspring.cli;

import dev.prismaspring.liquibase.MigrationStatus;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.sql.SqlSchema;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma migrate status}: applied, pending, failed and modified migrations, migrations applied but missing
 * from the folder, and unmigrated schema changes. Exit code 1 when anything needs attention. Changes nothing.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show applied, pending, failed and modified migrations and unmigrated schema changes. "
                + "Exit 1 when anything needs attention.")
final class MigrateStatusCommand implements Callable<Integer> {

    static final Path DEFAULT_SCHEMA = Path.of("prisma/schema.prisma");

    @Mixin
    MigrationOptions options;

    @Option(names = "--schema", paramLabel = "F",
            description = "The schema, to report unmigrated changes (default: prisma/schema.prisma, when it exists).")
    Path schema;

    @Spec
    CommandSpec spec;

    /** The drift check (replaceable in tests). */
    DriftCheck driftCheck = DriftCheck.INTROSPECTED;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiquibaseMigrations migrations = options.migrations(spec);
        List<Migration> local = migrations.directory().migrations();
        MigrationStatus status = migrations.status();

        out.println(local.size() + " migration" + (local.size() == 1 ? "" : "s") + " found in " + options.migrations
                + ".");
        if (!status.applied().isEmpty()) {
            out.println("Applied:");
            status.applied().forEach(a -> out.println("  " + a.id() + "  applied " + a.appliedAt()
                    + "  checksum " + a.checksum()));
        }
        List<String> problems = new ArrayList<>();
        if (!status.pending().isEmpty()) {
            out.println("Not yet applied:");
            status.pending().forEach(id -> out.println("  " + id));
            problems.add(status.pending().size() + " migration(s) not yet applied: run 'prisma migrate deploy'");
        }
        if (!status.failed().isEmpty()) {
            out.println("Failed:");
            status.failed().forEach(f -> out.println("  " + f.id() + "  failed " + f.failedAt()
                    + (f.error() == null ? "" : "  " + f.error())));
            problems.add("migration " + status.failed().get(0).id() + " failed: fix the database, then run "
                    + "'prisma migrate resolve --rolled-back " + status.failed().get(0).id() + "'");
        }
        if (!status.modified().isEmpty()) {
            out.println("Modified after they were applied:");
            status.modified().forEach(m -> out.println("  " + m.id() + "  checksum " + m.appliedChecksum()
                    + " applied, " + m.currentChecksum() + " now"));
            problems.add("migration " + status.modified().get(0).id() + " was modified after it was applied: "
                    + "restore its migration.sql");
        }
        if (!status.missing().isEmpty()) {
            out.println("Applied to the database but missing from the migrations folder:");
            status.missing().forEach(id -> out.println("  " + id));
            problems.add(status.missing().size() + " applied migration(s) are missing from " + options.migrations);
        }

        Optional<SchemaSnapshots.Current> current = currentSchema(err);
        if (current.isPresent()) {
            if (current.get().validated().datamodel().provider() != migrations.provider()) {
                throw CliException.user("The schema's provider is " + current.get().validated().datamodel().provider()
                        .name().toLowerCase(java.util.Locale.ROOT) + " but --url points at a "
                        + migrations.provider().name().toLowerCase(java.util.Locale.ROOT) + " database. Use a URL of "
                        + "the schema's provider.");
            }
            if (unmigratedChanges(current.get().sqlSchema(), local)) {
                out.println("The schema has changes that no migration holds yet.");
                problems.add("the schema has unmigrated changes: run 'prisma migrate dev --name NAME'");
            }
        }
        // drift: the database against the snapshot of the last applied migration (not checked when that one is
        // missing from the folder or a migration failed half-way)
        if (status.failed().isEmpty()) {
            Optional<SqlSchema> expected;
            try {
                expected = SchemaSnapshots.lastApplied(status, local);
            } catch (CliException noSnapshot) {
                out.println("Drift not checked: " + noSnapshot.getMessage());
                expected = Optional.empty();
            }
            expected.flatMap(e -> driftCheck.drift(options.url, e))
                    .ifPresent(drift -> {
                        if (!drift.isEmpty()) {
                            out.println("Drift between the database and the applied migrations:");
                            drift.forEach(d -> out.println("  " + d));
                            problems.add("the database has drifted from the migration history: undo the manual "
                                    + "changes or run 'prisma migrate reset'");
                        }
                    });
        }
        out.flush();
        if (problems.isEmpty()) {
            out.println("Database schema is up to date!");
            out.flush();
            return PrismaCli.OK;
        }
        err.println("Needs attention: " + String.join("; ", problems) + ".");
        err.flush();
        return PrismaCli.USER_ERROR;
    }

    private Optional<SchemaSnapshots.Current> currentSchema(PrintWriter err) {
        Path location = schema != null ? schema : DEFAULT_SCHEMA;
        if (schema == null && !Files.exists(location)) {
            return Optional.empty();
        }
        return Optional.of(SchemaSnapshots.load(location, err));
    }

    /** Whether the current schema differs from the last migration's snapshot (everything, without migrations). */
    static boolean unmigratedChanges(SqlSchema current, List<Migration> local) {
        if (local.isEmpty()) {
            return !current.tables().isEmpty() || !current.enums().isEmpty();
        }
        return !SchemaSnapshots.ofSnapshot(local.get(local.size() - 1)).equals(current);
    }
}
