package dev.prismaspring.liquibase;

import java.time.Instant;
import java.util.List;

/**
 * Where a database stands against a migrations folder.
 *
 * @param applied  migrations applied (in execution order)
 * @param pending  migrations of the folder not applied yet, in order
 * @param failed   migrations whose last run failed
 * @param modified applied migrations whose migration.sql changed since (checksum mismatch)
 * @param missing  migrations applied to the database but absent from the folder
 */
public record MigrationStatus(List<Applied> applied, List<String> pending, List<Failed> failed, List<Modified> modified,
        List<String> missing) {

    /** An applied migration. */
    public record Applied(String id, Instant appliedAt, String checksum) {
    }

    /** A failed migration with the error recorded for it. */
    public record Failed(String id, Instant failedAt, String error) {
    }

    /** An applied migration whose file no longer gives the recorded checksum. */
    public record Modified(String id, String appliedChecksum, String currentChecksum) {
    }

    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        modified = List.copyOf(modified);
        missing = List.copyOf(missing);
    }

    /** Whether the history itself needs attention (pending, failed, modified or missing migrations). */
    public boolean needsAttention() {
        return !pending.isEmpty() || !failed.isEmpty() || !modified.isEmpty() || !missing.isEmpty();
    }
}
