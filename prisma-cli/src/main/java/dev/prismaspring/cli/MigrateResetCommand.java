package dev.prismaspring.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma migrate reset}: drops everything in the database (Liquibase's tables included), then applies every
 * migration. Asks first on a terminal; elsewhere it needs {@code --force}.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Drop everything in the database, then apply all migrations. Needs --force when not run "
                + "in a terminal.")
final class MigrateResetCommand implements Callable<Integer> {

    @Mixin
    MigrationOptions options;

    @Option(names = {"--force", "-f"}, description = "Do not ask for confirmation.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LiquibaseMigrations migrations = options.migrations(spec);
        String where = JdbcUrls.redact(options.url);
        if (!force) {
            if (System.console() == null) {
                throw CliException.user("Resetting drops all data in " + where + ", and there is no terminal to ask "
                        + "for confirmation. Run it again with --force.");
            }
            out.print("Reset the database at " + where + "? All data will be lost. [y/N] ");
            out.flush();
            String answer;
            try {
                answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                throw CliException.user("Reset cancelled; the database was not changed.");
            }
        }
        migrations.wipe();
        out.println("Database reset: " + where + " is empty.");
        List<String> applied = migrations.deploy();
        out.println(applied.isEmpty() ? "No migrations to apply." : "Applied " + applied.size() + " migration"
                + (applied.size() == 1 ? "" : "s") + ":");
        applied.forEach(id -> out.println("  " + id));
        out.flush();
        return PrismaCli.OK;
    }
}
