package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.migrate.files.Migration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the database stands against the migrations folder, as Liquibase's history table records it.
 *
 * @param applied  the applied migrations, in execution order
 * @param pending  the ids of the folder's migrations not applied yet, in order
 * @param failed   the migrations whose last run failed
 * @param modified the applied migrations whose {@code migration.sql} changed since (checksum mismatch)
 * @param local    the folder's migrations, in order (with their schema snapshots)
 */
public record MigrationFacts(List<Applied> applied, List<String> pending, List<Failed> failed,
        List<Modified> modified, List<Migration> local) {

    /** An applied migration with Liquibase's checksum. */
    public record Applied(String id, Instant appliedAt, String checksum) {
    }

    /** A failed migration with the error recorded for it. */
    public record Failed(String id, Instant failedAt, String error) {
    }

    /** An applied migration whose file no longer gives the recorded checksum. */
    public record Modified(String id, String appliedChecksum, String currentChecksum) {
    }

    public MigrationFacts {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        modified = List.copyOf(modified);
        local = List.copyOf(local);
    }

    /** No migrations folder and no history (push mode, or an application without migrations). */
    public static MigrationFacts none() {
        return new MigrationFacts(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The last applied migration of the folder, if it is there. */
    public Optional<Migration> lastApplied() {
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        String id = applied.get(applied.size() - 1).id();
        return local.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The folder's last migration, if any. */
    public Optional<Migration> latest() {
        return local.isEmpty() ? Optional.empty() : Optional.of(local.get(local.size() - 1));
    }
}
