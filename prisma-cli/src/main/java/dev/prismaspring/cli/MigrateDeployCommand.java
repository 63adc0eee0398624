package dev.prismaspring.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code prisma migrate deploy}: applies the pending migrations through Liquibase. Refuses, with exit code 1, when a
 * migration failed before or an applied migration was modified.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Apply pending migrations through Liquibase (history in DATABASECHANGELOG, with its lock and "
                + "checksums). Stops on a failed or modified migration.")
final class MigrateDeployCommand implements Callable<Integer> {

    @Mixin
    MigrationOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LiquibaseMigrations migrations = options.migrations(spec);
        PrintWriter out = spec.commandLine().getOut();
        int found = migrations.directory().migrations().size();
        if (found == 0 && !migrations.directory().exists()) {
            throw CliException.usage("The migrations folder " + options.migrations + " does not exist. Pass "
                    + "--migrations with the folder, or create a first migration with 'prisma migrate dev'.");
        }
        out.println(found + " migration" + (found == 1 ? "" : "s") + " found in " + options.migrations + ".");
        List<String> applied = migrations.deploy();
        if (applied.isEmpty()) {
            out.println("No pending migrations to apply.");
        } else {
            out.println("Applied " + applied.size() + " migration" + (applied.size() == 1 ? "" : "s") + ":");
            applied.forEach(id -> out.println("  " + id));
            out.println("All migrations have been successfully applied.");
        }
        out.flush();
        return PrismaCli.OK;
    }
}
