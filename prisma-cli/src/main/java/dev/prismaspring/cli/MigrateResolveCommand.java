package dev.prismaspring.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma migrate resolve}: recovers from a failed migration, as Prisma's does. {@code --rolled-back ID} forgets
 * the failure, so that deploy runs the migration again; {@code --applied ID} records it as applied (completed by
 * hand).
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Resolve a failed migration: --rolled-back ID (deploy runs it again) or --applied ID "
                + "(you completed it by hand).")
final class MigrateResolveCommand implements Callable<Integer> {

    @Mixin
    MigrationOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--rolled-back", required = true, paramLabel = "ID",
                description = "Forget the failure of this migration; deploy runs it again.")
        String rolledBack;

        @Option(names = "--applied", required = true, paramLabel = "ID",
                description = "Record this failed migration as applied.")
        String applied;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LiquibaseMigrations migrations = options.migrations(spec);
        if (action.rolledBack != null) {
            migrations.resolveRolledBack(action.rolledBack);
            out.println("Migration " + action.rolledBack + " marked as rolled back; 'prisma migrate deploy' runs it "
                    + "again.");
        } else {
            migrations.resolveApplied(action.applied);
            out.println("Migration " + action.applied + " marked as applied.");
        }
        out.flush();
        return PrismaCli.OK;
    }
}
