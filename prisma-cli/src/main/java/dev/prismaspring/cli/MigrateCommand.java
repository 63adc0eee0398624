package dev.prismaspring.cli;

import dev.prismaspring.migrate.LiveSchemas;
import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.migrate.MigrationScript;
import dev.prismaspring.migrate.MigrationSummary;
import dev.prismaspring.migrate.SchemaDiffer;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
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
     * {@code prisma migrate diff}: prints what turns "from" into "to": the SQL script ({@code --script}) or
     * Prisma's summary. From an empty database or a schema, to a schema or an empty database. {@code --exit-code}:
     * 0 when there is no difference, 2 when there is one, 1 on error. Live databases ({@code --from-url},
     * {@code --to-url}) are read by the introspector, Liquibase's tables left out.
     */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Print the SQL (--script) or a summary of the changes that turn one state into another.")
    static final class DiffCommand implements Callable<Integer> {

        /** Exit code of {@code --exit-code} when the two states differ (Prisma's). */
        static final int CHANGES = 2;

        @ArgGroup(exclusive = true, multiplicity = "1")
        From from;

        @ArgGroup(exclusive = true, multiplicity = "1")
        To to;

        @Option(names = "--script", description = "Print the SQL script instead of a summary.")
        boolean script;

        @Option(names = "--exit-code", description = "Exit with 0 when there is no difference, 2 when there is one "
                + "(1 on error).")
        boolean exitCode;

        @Spec
        CommandSpec spec;

        static final class From {
            @Option(names = "--from-empty", required = true, description = "Start from an empty database.")
            boolean empty;

            @Option(names = "--from-schema", required = true, paramLabel = "F",
                    description = "Start from a schema: a schema.prisma file or a folder of .prisma files.")
            Path schema;

            @Option(names = "--from-url", required = true, paramLabel = "U",
                    description = "Start from a live database, by JDBC URL (Liquibase's tables are left out).")
            String url;
        }

        static final class To {
            @Option(names = "--to-empty", required = true, description = "End at an empty database.")
            boolean empty;

            @Option(names = "--to-schema", required = true, paramLabel = "F",
                    description = "End at this schema: a schema.prisma file or a folder of .prisma files.")
            Path schema;

            @Option(names = "--to-url", required = true, paramLabel = "U",
                    description = "End at a live database, by JDBC URL (Liquibase's tables are left out).")
            String url;
        }

        /** A side of the diff: its schema (null when empty) and the provider it names (null when empty). */
        private record Side(SqlSchema schema, Provider provider) {
        }

        @Override
        public Integer call() {
            if (from.empty && to.empty) {
                throw CliException.usage("--from-empty and --to-empty leave nothing to compare. Give a schema on "
                        + "one side.");
            }
            Side before = from.empty ? null : from.url != null ? introspect(from.url) : load(from.schema);
            if (before == null && !from.empty) {
                return PrismaCli.USER_ERROR;
            }
            Side after = to.empty ? null : to.url != null ? introspect(to.url) : load(to.schema);
            if (after == null && !to.empty) {
                return PrismaCli.USER_ERROR;
            }
            if (before != null && after != null && before.provider() != after.provider()) {
                throw CliException.user("The two schemas use different providers (" + name(before.provider())
                        + " in " + (from.url != null ? JdbcUrls.redact(from.url) : from.schema) + ", "
                        + name(after.provider()) + " in " + (to.url != null ? JdbcUrls.redact(to.url) : to.schema)
                        + "), so there is no SQL that turns one into the other.");
            }
            Provider provider = (after != null ? after : before).provider();
            SqlDialect dialect = SqlDialect.forProvider(provider);
            SqlSchema fromSchema = before != null ? before.schema() : SqlSchema.empty();
            SqlSchema toSchema = after != null ? after.schema() : SqlSchema.empty();
            if (from.url != null) {
                fromSchema = LiveSchemas.withoutImplicitIndexes(fromSchema, after == null ? null : toSchema, provider);
            }
            if (to.url != null) {
                toSchema = LiveSchemas.withoutImplicitIndexes(toSchema, before == null ? null : fromSchema, provider);
            }
            MigrationScript migration = SchemaDiffer.script(fromSchema, toSchema, dialect);
            PrintWriter out = spec.commandLine().getOut();
            String text = script ? migration.sql() : MigrationSummary.render(migration.changes());
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
            return exitCode && !migration.isEmpty() ? CHANGES : PrismaCli.OK;
        }

        private static String name(Provider provider) {
            return provider.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The structure of a live database (Liquibase's tables left out); the provider from the database. */
        private static Side introspect(String url) {
            try (java.sql.Connection c = JdbcUrls.connect(url)) {
                Provider provider = dev.prismaspring.sql.Introspector.providerOf(c);
                return new Side(LiveSchemas.introspect(c, provider, null), provider);
            } catch (java.sql.SQLException e) {
                throw CliException.usage("Could not read the structure of the database at " + JdbcUrls.redact(url)
                        + ": " + e.getMessage() + ".");
            }
        }

        /** Loads and validates a schema; prints the diagnostics and returns null when it is invalid. */
        private Side load(Path location) {
            SchemaLoader.LoadedSchema loaded = SchemaLoader.load(location);
            ValidatedSchema result = SchemaValidator.validate(loaded.files());
            if (!result.isValid()) {
                PrintWriter err = spec.commandLine().getErr();
                DiagnosticPrinter printer = new DiagnosticPrinter(Terminal.colors());
                List<Diagnostic> errors = result.diagnostics().errors();
                err.print(printer.print(result.files(), errors));
                err.println();
                err.println("Validation Error Count: " + errors.size());
                err.flush();
                return null;
            }
            if (result.datamodel().provider() == null) {
                throw CliException.user("The schema at " + location + " has no datasource block with a provider "
                        + "(postgresql, mysql or sqlite), so there is no SQL to print.");
            }
            return new Side(SqlSchemaCalculator.calculate(result.datamodel()), result.datamodel().provider());
        }
    }
}
