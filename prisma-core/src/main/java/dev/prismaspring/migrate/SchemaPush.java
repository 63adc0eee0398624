package dev.prismaspring.migrate;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code db push}: makes the database match a schema directly, without migration files (shared by the CLI and an
 * application's {@code push} mode). The database is introspected (Liquibase's tables left out), compared with the
 * schema's SqlSchema, and the differ's script from the one to the other is applied by the
 * {@link MigrationExecutor}: risky changes only when data loss is accepted, changes that cannot run on the data
 * never; a refused push runs nothing ({@link MigrationRefusedException} lists each risk).
 */
public final class SchemaPush {

    private SchemaPush() {
    }

    /** The outcome of a push. */
    public sealed interface Result permits InSync, Applied {
    }

    /** The database already had the schema's structure. */
    public record InSync() implements Result {
    }

    /** The script was applied; {@code safety} lists the data loss that was accepted, if any. */
    public record Applied(MigrationScript script, SafetyReport safety) implements Result {
    }

    /**
     * Pushes {@code target} to the database behind {@code connection} (a {@code provider} database).
     *
     * @throws MigrationRefusedException when the changes need {@code acceptDataLoss} or cannot run on the data
     */
    public static Result push(Connection connection, Provider provider, SqlSchema target, boolean acceptDataLoss)
            throws SQLException {
        SqlSchema actual = LiveSchemas.introspect(connection, provider, target);
        if (LiveSchemas.same(actual, target, provider)) {
            return new InSync();
        }
        MigrationScript script = SchemaDiffer.script(LiveSchemas.withoutImplicitIndexes(actual, target, provider),
                target, SqlDialect.forProvider(provider));
        if (script.isEmpty()) {
            return new InSync();
        }
        return new Applied(script, MigrationExecutor.apply(connection, script, acceptDataLoss));
    }
}
