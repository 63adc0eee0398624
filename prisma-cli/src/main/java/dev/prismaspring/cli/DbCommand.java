package dev.prismaspring.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code prisma db}: commands that work on a live database directly, without migration files:
 * {@code pull} and {@code push}. A new subcommand is one more class in {@code subcommands}; {@link DatabaseUrls} connects and
 * reports connection failures the same way for all of them.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Work on a live database directly, without migrations.",
        subcommands = {DbPullCommand.class, DbPushCommand.class})
final class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }
}
