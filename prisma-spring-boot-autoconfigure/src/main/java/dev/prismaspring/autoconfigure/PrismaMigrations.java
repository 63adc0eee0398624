package dev.prismaspring.autoconfigure;

import dev.prismaspring.liquibase.LiquibaseMigrator;
import dev.prismaspring.liquibase.MigrationException;
import dev.prismaspring.liquibase.MigrationStatus;
import dev.prismaspring.migrate.DataLossWarning;
import dev.prismaspring.migrate.DestructiveChangeChecker;
import dev.prismaspring.migrate.DriftDetector;
import dev.prismaspring.migrate.MigrationRefusedException;
import dev.prismaspring.migrate.SafetyReport;
import dev.prismaspring.migrate.SchemaPush;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import dev.prismaspring.migrate.files.MigrationSqlWriter;
import dev.prismaspring.migrate.files.NextMigration;
import dev.prismaspring.migrate.files.SnapshotException;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Brings the database to the schema at startup, as {@code prisma.migrate.mode} says: {@code deploy} applies
 * pending migrations through Liquibase (the runner the CLI uses) and refuses a failed or modified one; {@code dev}
 * first writes a migration for unmigrated schema changes into {@code prisma.migrate.dev-output-dir}, as
 * {@code prisma migrate dev} does, then deploys from there; {@code push} makes the database match the schema
 * directly; {@code validate} changes nothing and refuses a database that differs; {@code none} does nothing.
 * Every refusal is a {@link PrismaStartupException} that lists what is wrong.
 */
public class PrismaMigrations {

    /** The name part of migrations that dev mode writes ({@code <timestamp>_dev}). */
    static final String DEV_MIGRATION_NAME = "dev";

    private static final Log logger = LogFactory.getLog(PrismaMigrations.class);

    private final PrismaSchema schema;
    private final DataSource dataSource;
    private final PrismaProperties.Migrate properties;
    private final Supplier<List<Migration>> locationMigrations;

    public PrismaMigrations(PrismaSchema schema, DataSource dataSource, PrismaProperties.Migrate properties,
            Supplier<List<Migration>> locationMigrations) {
        this.schema = schema;
        this.dataSource = dataSource;
        this.properties = properties;
        this.locationMigrations = locationMigrations;
    }

    /** Runs the configured mode. */
    public void run() {
        PrismaProperties.MigrateMode mode = properties.getMode();
        if (mode == PrismaProperties.MigrateMode.NONE) {
            return;
        }
        ProviderCheck.check(schema, dataSource);
        switch (mode) {
            case DEPLOY -> deploy(migrator(locationMigrations), properties.getLocation());
            case DEV -> dev();
            case PUSH -> push();
            case VALIDATE -> validate();
            case NONE -> {
            }
        }
    }

    /**
     * The Liquibase runner on the application's DataSource and the migrations this mode works with: those of
     * {@code prisma.migrate.dev-output-dir} in {@code dev} mode, of {@code prisma.migrate.location} otherwise. Its
     * {@link LiquibaseMigrator#status()} tells applied, pending, failed and modified migrations.
     */
    public LiquibaseMigrator migrator() {
        if (properties.getMode() == PrismaProperties.MigrateMode.DEV) {
            MigrationDirectory directory = MigrationDirectory.at(
                    MigrationResources.fileSystemPath(properties.getDevOutputDir()));
            return migrator(directory::migrations);
        }
        return migrator(locationMigrations);
    }

    /** The configured mode. */
    public PrismaProperties.MigrateMode mode() {
        return properties.getMode();
    }

    /** The schema the migrations bring the database to. */
    public PrismaSchema schema() {
        return schema;
    }

    /** The shared Liquibase runner on the application's DataSource. */
    LiquibaseMigrator migrator(Supplier<List<Migration>> migrations) {
        return new LiquibaseMigrator(dataSource::getConnection, "the application's DataSource", migrations);
    }

    private void deploy(LiquibaseMigrator migrator, String where) {
        List<Migration> migrations = migrator.migrations();
        if (migrations.isEmpty()) {
            logger.warn("No Prisma migrations found at " + where + " (prisma.migrate.location): nothing to apply. "
                    + "Create one with 'prisma migrate dev' or start once with prisma.migrate.mode=dev.");
            return;
        }
        List<String> applied = refusing(migrator::deploy);
        if (applied.isEmpty()) {
            logger.info("Prisma: " + migrations.size() + " migration(s) found at " + where + ", none pending.");
        } else {
            logger.info("Prisma: applied " + applied.size() + " migration(s) from " + where + ": "
                    + String.join(", ", applied));
        }
    }

    private void dev() {
        Path folder = MigrationResources.fileSystemPath(properties.getDevOutputDir());
        MigrationDirectory directory = MigrationDirectory.at(folder);
        LiquibaseMigrator migrator = migrator(directory::migrations);
        List<Migration> existing = directory.migrations();
        if (!existing.isEmpty()) {
            deploy(migrator, folder.toString());
        }
        MigrationStatus status = refusing(migrator::status);
        if (!status.missing().isEmpty()) {
            throw new PrismaStartupException("The database has migrations applied that are not in " + folder
                    + " (prisma.migrate.dev-output-dir): " + String.join(", ", status.missing()) + ".",
                    "Point prisma.migrate.dev-output-dir at the migrations folder this database was migrated from "
                            + "(relative paths start at the working directory), or use prisma.migrate.mode=deploy.");
        }
        checkDrift(status, existing);
        NextMigration.Draft draft;
        try {
            draft = NextMigration.draft(existing, schema.sqlSchema(), SqlDialect.forProvider(schema.provider()),
                    script -> {
                        try (Connection c = dataSource.getConnection()) {
                            return DestructiveChangeChecker.check(script, c);
                        }
                    });
        } catch (SnapshotException e) {
            throw new PrismaStartupException(e.getMessage(), "Restore the snapshot, then start again.", e);
        } catch (SQLException e) {
            throw databaseError("inspect the data of the database", e);
        }
        if (draft instanceof NextMigration.InSync inSync) {
            logger.info("Prisma (dev): " + inSync.message());
            return;
        }
        NextMigration.Ready ready = (NextMigration.Ready) draft;
        if (!ready.safety().mayApply(properties.isAcceptDataLoss())) {
            throw refusal("write and apply a migration for the schema changes", ready.safety());
        }
        Provider provider = schema.provider();
        Migration written;
        try {
            written = directory.write(DEV_MIGRATION_NAME, Instant.now(),
                    id -> MigrationSqlWriter.write(id, provider, ready.plan().forwardSql(),
                            ready.plan().rollbackStatements()),
                    schema.snapshotText());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new PrismaStartupException("Prisma (dev) could not write the new migration into " + folder + ": "
                    + e.getMessage() + ".", "Set prisma.migrate.dev-output-dir to the project's writable migrations "
                    + "folder; in production use prisma.migrate.mode=deploy.", e);
        }
        logger.info("Prisma (dev): created migration " + written.id() + " in " + folder + ".");
        deploy(migrator, folder.toString());
    }

    /** Refuses when the database is not what its applied migrations made (dev mode, as the CLI does). */
    private void checkDrift(MigrationStatus status, List<Migration> existing) {
        Optional<SqlSchema> expected;
        try {
            expected = NextMigration.lastApplied(status.applied().stream().map(MigrationStatus.Applied::id)
                    .toList(), existing);
        } catch (SnapshotException e) {
            throw new PrismaStartupException(e.getMessage(), "Restore the snapshot, then start again.", e);
        }
        if (expected.isEmpty()) {
            return;
        }
        List<String> drift = differences(expected.get());
        if (!drift.isEmpty()) {
            throw new PrismaStartupException("Drift detected: the database was changed outside the migrations in "
                    + properties.getDevOutputDir() + ":\n\n" + bullets(drift),
                    "Undo the manual changes, or recreate the database from the migrations ('prisma migrate "
                            + "reset', all data is lost), then start again.");
        }
    }

    private void push() {
        try (Connection c = dataSource.getConnection()) {
            SchemaPush.Result result = SchemaPush.push(c, schema.provider(), schema.sqlSchema(),
                    properties.isAcceptDataLoss());
            if (result instanceof SchemaPush.Applied applied) {
                logger.info("Prisma (push): the database is now in sync with the schema ("
                        + applied.script().statements().size() + " statement(s)).");
                applied.safety().warnings().forEach(w -> logger.warn("Prisma (push): accepted data loss: "
                        + w.detail()));
            } else {
                logger.info("Prisma (push): the database is already in sync with the schema.");
            }
        } catch (MigrationRefusedException e) {
            throw refusal("push the schema to the database", e.report());
        } catch (SQLException e) {
            throw databaseError("push the schema to the database", e);
        }
    }

    private void validate() {
        List<String> drift = differences(schema.sqlSchema());
        if (!drift.isEmpty()) {
            throw new PrismaStartupException("The database differs from the Prisma schema at " + schema.location()
                    + " (prisma.migrate.mode=validate):\n\n" + bullets(drift),
                    "Apply the migrations ('prisma migrate deploy', or prisma.migrate.mode=deploy), or change the "
                            + "schema to match the database.");
        }
        logger.info("Prisma (validate): the database matches the schema.");
    }

    /** The differences of the live database from {@code expected}; empty when none. */
    private List<String> differences(SqlSchema expected) {
        try (Connection c = dataSource.getConnection()) {
            return DriftDetector.of(SqlDialect.forProvider(schema.provider()), List.of()).check(c, expected)
                    .details();
        } catch (SQLException e) {
            throw databaseError("read the structure of the database", e);
        }
    }

    private static PrismaStartupException refusal(String what, SafetyReport report) {
        StringBuilder description = new StringBuilder("Prisma refused to " + what + " at startup");
        List<DataLossWarning> unexecutable = report.warnings().stream()
                .filter(w -> w.severity() == DataLossWarning.Severity.UNEXECUTABLE).toList();
        List<DataLossWarning> lossy = report.warnings().stream()
                .filter(w -> w.severity() != DataLossWarning.Severity.UNEXECUTABLE).toList();
        if (!lossy.isEmpty()) {
            description.append(" because it may lose data:\n\n")
                    .append(bullets(lossy.stream().map(DataLossWarning::detail).toList()));
        }
        if (!unexecutable.isEmpty()) {
            description.append(lossy.isEmpty() ? " because" : "\n\nand").append(" it cannot be applied to the data "
                    + "in the database:\n\n").append(bullets(unexecutable.stream().map(DataLossWarning::detail)
                    .toList()));
        }
        String action = unexecutable.isEmpty()
                ? "Set prisma.migrate.accept-data-loss=true to accept the data loss, or change the schema."
                : "Give the new required columns a default, make them optional first, or update the rows that "
                        + "stand in the way (accepting data loss does not help here), then start again.";
        return new PrismaStartupException(description.toString(), action);
    }

    private static String bullets(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append("  • ").append(l).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static <T> T refusing(Supplier<T> action) {
        try {
            return action.get();
        } catch (MigrationException e) {
            throw new PrismaStartupException(e.getMessage(), e.kind() == MigrationException.Kind.DATABASE
                    ? "Check spring.datasource.url and that the database is running."
                    : "Fix the migration history (the prisma CLI's 'migrate status' and 'migrate resolve' help), "
                            + "then start again; prisma.migrate.mode=none starts without migrating.", e);
        }
    }

    private static PrismaStartupException databaseError(String what, SQLException e) {
        return new PrismaStartupException("Prisma could not " + what + " at startup: " + e.getMessage() + ".",
                "Check spring.datasource.url and that the database is running.", e);
    }
}
