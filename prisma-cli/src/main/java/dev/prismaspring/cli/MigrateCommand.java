package dev.prismaspring.cli;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prisma migrate}: migration commands: diff, dev, deploy, status, reset, resolve. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migration commands.",
        subcommands = {MigrateCommand.DiffCommand.class, MigrateDevCommand.class, MigrateDeployCommand.class,
                MigrateStatusCommand.class, MigrateResetCommand.class, MigrateResolveCommand.class})
final class MigrateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }

    /**
     * {@code prisma migrate diff}: prints the SQL that turns "from" into "to". Supported today: from an empty
     * database ({@code --from-empty}) to a schema ({@code --to-schema}), as a script ({@code --script}).
     */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Print the SQL that turns one state into another. "
                    + "Supported today: --from-empty --to-schema F --script.")
    static final class DiffCommand implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        From from;

        @ArgGroup(exclusive = true, multiplicity = "1")
        To to;

        @Option(names = "--script", description = "Print the SQL script (the only output format supported today).")
        boolean script;

        @Spec
        CommandSpec spec;

        static final class From {
            @Option(names = "--from-empty", required = true, description = "Start from an empty database.")
            boolean empty;

            @Option(names = "--from-schema", required = true, paramLabel = "F",
                    description = "Start from a schema file or folder (not supported yet).")
            Path schema;

            @Option(names = "--from-url", required = true, paramLabel = "U",
                    description = "Start from a live database, by JDBC URL (not supported yet).")
            String url;
        }

        static final class To {
            @Option(names = "--to-schema", required = true, paramLabel = "F",
                    description = "End at this schema: a schema.prisma file or a folder of .prisma files.")
            Path schema;

            @Option(names = "--to-url", required = true, paramLabel = "U",
                    description = "End at a live database, by JDBC URL (not supported yet).")
            String url;
        }

        @Override
        public Integer call() {
            if (!from.empty) {
                throw CliException.usage((from.schema != null ? "--from-schema" : "--from-url")
                        + " is not supported yet. Use --from-empty.");
            }
            if (to.schema == null) {
                throw CliException.usage("--to-url is not supported yet. Use --to-schema.");
            }
            if (!script) {
                throw CliException.usage("Only the SQL script output is supported yet. Add --script.");
            }
            SchemaLoader.LoadedSchema loaded = SchemaLoader.load(to.schema);
            ValidatedSchema result = SchemaValidator.validate(loaded.files());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DiagnosticPrinter printer = new DiagnosticPrinter(Terminal.colors());
            if (!result.isValid()) {
                List<Diagnostic> errors = result.diagnostics().errors();
                err.print(printer.print(result.files(), errors));
                err.println();
                err.println("Validation Error Count: " + errors.size());
                err.flush();
                return PrismaCli.USER_ERROR;
            }
            if (result.datamodel().provider() == null) {
                throw CliException.user("The schema at " + to.schema + " has no datasource block with a provider "
                        + "(postgresql, mysql or sqlite), so there is no SQL to print.");
            }
            String sql = SqlSchemaCalculator.renderCreate(result.datamodel());
            out.print(sql.endsWith("\n") ? sql : sql + "\n");
            out.flush();
            return PrismaCli.OK;
        }
    }
}
