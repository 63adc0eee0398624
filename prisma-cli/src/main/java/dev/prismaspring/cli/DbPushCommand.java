package dev.prismaspring.cli;

import dev.prismaspring.migrate.MigrationRefusedException;
import dev.prismaspring.migrate.MigrationScript;
import dev.prismaspring.migrate.SafetyReport;
import dev.prismaspring.migrate.SchemaPush;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Introspector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma db push [--accept-data-loss]}: makes the database match the schema directly, without migration
 * files, through {@link SchemaPush} (shared with the starter's {@code push} mode): the database is introspected
 * (Liquibase's tables left out), compared with the schema's SqlSchema (equal structure: "already in sync"), and the
 * differ's script from the one to the other is applied: risky changes only with {@code --accept-data-loss}, changes
 * that cannot run on the data never; a refused push runs nothing and lists each risk.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Make the database match the schema directly, without migrations.")
final class DbPushCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, paramLabel = "U", description = "JDBC URL of the database.")
    String url;

    @Option(names = "--schema", paramLabel = "F", defaultValue = "prisma/schema.prisma",
            description = "The schema (default: ${DEFAULT-VALUE}).")
    Path schema;

    @Option(names = "--accept-data-loss", description = "Apply changes that may lose data.")
    boolean acceptDataLoss;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchemaSnapshots.Current current = SchemaSnapshots.load(schema, err);
        Provider provider = current.validated().datamodel().provider();
        try (Connection c = JdbcUrls.connect(url)) {
            Provider live = Introspector.providerOf(c);
            if (live != provider) {
                throw CliException.user("The schema's provider is " + provider.name().toLowerCase(Locale.ROOT)
                        + " but --url points at a " + live.name().toLowerCase(Locale.ROOT) + " database. Use a URL "
                        + "of the schema's provider.");
            }
            SchemaPush.Result result;
            try {
                result = SchemaPush.push(c, provider, current.sqlSchema(), acceptDataLoss);
            } catch (MigrationRefusedException e) {
                err.print(e.report().refusal());
                err.flush();
                throw CliException.user("Nothing was changed in the database.");
            }
            if (!(result instanceof SchemaPush.Applied applied)) {
                out.println("The database is already in sync with the schema.");
                out.flush();
                return PrismaCli.OK;
            }
            MigrationScript script = applied.script();
            SafetyReport report = applied.safety();
            out.println("The database is now in sync with the schema (" + script.statements().size() + " statement"
                    + (script.statements().size() == 1 ? "" : "s") + ").");
            if (!report.isSafe()) {
                out.println("Accepted data loss:");
                report.warnings().forEach(w -> out.println("  • " + w.detail()));
            }
            out.flush();
            return PrismaCli.OK;
        } catch (SQLException e) {
            throw CliException.user("Could not push the schema to the database at " + JdbcUrls.redact(url) + ": "
                    + e.getMessage() + ".");
        }
    }
}
