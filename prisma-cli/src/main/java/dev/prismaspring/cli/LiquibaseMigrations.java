package dev.prismaspring.cli;

import dev.prismaspring.liquibase.LiquibaseMigrator;
import dev.prismaspring.liquibase.MigrationException;
import dev.prismaspring.liquibase.MigrationStatus;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.schema.Provider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CLI's view of a migrations folder and a database: the shared {@link LiquibaseMigrator} (the same runner an
 * application uses at startup) on the folder's migrations, its problems turned into {@link CliException}s (a
 * refused or failed migration exits 1, a database that cannot be reached exits 2), plus {@link #wipe()} for
 * {@code migrate reset}.
 */
final class LiquibaseMigrations {

    /** Keeps Liquibase's own logging quiet: the CLI reports in its own sentences. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private final String url;
    private final Provider provider;
    private final MigrationDirectory directory;
    private final LiquibaseMigrator migrator;

    LiquibaseMigrations(String url, Path migrationsDir, boolean debug) {
        this.url = url;
        this.provider = JdbcUrls.provider(url);
        this.directory = MigrationDirectory.at(migrationsDir);
        this.migrator = new LiquibaseMigrator(() -> JdbcUrls.connect(url), JdbcUrls.redact(url),
                directory::migrations);
        LIQUIBASE_LOG.setLevel(debug ? Level.INFO : Level.OFF);
    }

    Provider provider() {
        return provider;
    }

    MigrationDirectory directory() {
        return directory;
    }

    /** The status of every migration; never changes the database (creates no Liquibase table). */
    MigrationStatus status() {
        return cli(migrator::status);
    }

    /** Applies the pending migrations; returns the ids applied now. See {@link LiquibaseMigrator#deploy()}. */
    List<String> deploy() {
        return cli(migrator::deploy);
    }

    /** Forgets a failed migration, so that deploy runs it again. */
    void resolveRolledBack(String id) {
        cli(() -> {
            migrator.resolveRolledBack(id);
            return null;
        });
    }

    /** Marks a failed migration as applied (the user completed it by hand). */
    void resolveApplied(String id) {
        cli(() -> {
            migrator.resolveApplied(id);
            return null;
        });
    }

    /** Rolls back the last {@code count} applied migrations with their {@code --rollback} SQL. */
    void rollback(int count) {
        cli(() -> {
            migrator.rollback(count);
            return null;
        });
    }

    /** Drops everything in the database (Liquibase's tables included). */
    void wipe() {
        try (Connection c = JdbcUrls.connect(url)) {
            DatabaseWiper.wipe(c, provider);
        } catch (SQLException e) {
            throw CliException.usage("Could not empty the database in " + JdbcUrls.redact(url) + ": "
                    + rootMessage(e) + ".");
        }
    }

    private static <T> T cli(Supplier<T> action) {
        try {
            return action.get();
        } catch (MigrationException e) {
            throw e.kind() == MigrationException.Kind.DATABASE ? CliException.usage(e.getMessage())
                    : CliException.user(e.getMessage());
        }
    }

    /** The innermost useful message of an exception chain, on one line, without a trailing period. */
    static String rootMessage(Throwable e) {
        return LiquibaseMigrator.rootMessage(e);
    }
}
