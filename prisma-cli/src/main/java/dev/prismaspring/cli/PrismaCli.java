package dev.prismaspring.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code prisma} command line. Exit codes: 0 ok, 1 user error (bad schema, refused change),
 * 2 usage or environment error. Messages go to stderr as plain sentences; a stack trace only
 * with {@code --debug}.
 */
@Command(name = "prisma", mixinStandardHelpOptions = true, versionProvider = PrismaCli.Version.class,
        description = "Prisma for Spring Boot: schema tooling, migrations and queries.",
        subcommands = {FormatCommand.class, ValidateCommand.class, MigrateCommand.class, DbCommand.class,
                QueryCommand.class, GenerateCommand.class})
public final class PrismaCli implements Runnable {

    /** Exit code for success. */
    static final int OK = 0;
    /** Exit code for a user error: a bad schema, a refused change. */
    static final int USER_ERROR = 1;
    /** Exit code for a usage or environment error. */
    static final int USAGE_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for unexpected errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (used by tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PrismaCli());
        cli.setExitCodeExceptionMapper(e -> e instanceof CliException c ? c.exitCode() : USAGE_ERROR);
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().getErr().println("Run 'prisma " + subcommandName(e.getCommandLine())
                    + "--help' for usage.");
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug");
            if (e instanceof CliException c) {
                commandLine.getErr().println(c.getMessage());
                if (debug) {
                    e.printStackTrace(commandLine.getErr());
                }
                return c.exitCode();
            }
            commandLine.getErr().println("Unexpected error: " + e
                    + (debug ? "" : ". Run again with --debug for the stack trace."));
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            return USAGE_ERROR;
        });
        return cli;
    }

    private static String subcommandName(CommandLine commandLine) {
        return commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PrismaCli.class.getPackage().getImplementationVersion();
            return new String[] {"prisma (Prisma for Spring Boot) " + (version == null ? "development" : version)};
        }
    }
}
