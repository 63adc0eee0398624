package dev.prismaspring.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options the migrate commands share: the database and the migrations folder. */
final class MigrationOptions {

    @Option(names = "--url", required = true, paramLabel = "U", description = "The database, as a JDBC URL.")
    String url;

    @Option(names = "--migrations", paramLabel = "DIR", defaultValue = "prisma/migrations",
            description = "The migrations folder (default: ${DEFAULT-VALUE}).")
    Path migrations;

    /** The runner; with {@code --debug} (the global option) Liquibase's log is shown. */
    LiquibaseMigrations migrations(picocli.CommandLine.Model.CommandSpec spec) {
        boolean debug = spec.root().userObject() instanceof PrismaCli cli && cli.debug;
        return new LiquibaseMigrations(url, migrations, debug);
    }
}
