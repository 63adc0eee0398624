package dev.prismaspring.migrate;

/**
 * Where a database stands against its schema and migrations, in order of precedence: when several facts hold, the
 * first one in this order is the status.
 *
 * <ol>
 *   <li>{@link #FAILED}: a migration failed (or an applied one was edited since): the database may be half
 *       migrated, nothing else can be trusted until it is repaired;</li>
 *   <li>{@link #DRIFTED}: the database differs from the structure its applied migrations lead to (changed by
 *       hand): the next migration may not apply;</li>
 *   <li>{@link #PENDING}: migrations wait to be applied;</li>
 *   <li>{@link #UNMIGRATED_CHANGES}: the schema has changes no migration holds yet;</li>
 *   <li>{@link #UP_TO_DATE}: none of the above.</li>
 * </ol>
 */
public enum SchemaStatus {
    UP_TO_DATE,
    PENDING,
    UNMIGRATED_CHANGES,
    DRIFTED,
    FAILED;

    /** The status of the given facts, by the precedence above. */
    public static SchemaStatus of(boolean failed, boolean drifted, boolean pending, boolean unmigratedChanges) {
        if (failed) {
            return FAILED;
        }
        if (drifted) {
            return DRIFTED;
        }
        if (pending) {
            return PENDING;
        }
        return unmigratedChanges ? UNMIGRATED_CHANGES : UP_TO_DATE;
    }
}
