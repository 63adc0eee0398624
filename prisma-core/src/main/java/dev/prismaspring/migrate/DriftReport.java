package dev.prismaspring.migrate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of a full drift check: the differences between the live database and the structure expected of it,
 * and when the check ran (the Actuator caches a report and shows its age).
 *
 * @param checkedAt   when the database was introspected
 * @param differences the differences, tables in name order; empty when the database matches
 */
public record DriftReport(Instant checkedAt, List<DriftDifference> differences) {

    public DriftReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        differences = List.copyOf(differences);
    }

    /** Whether the database has drifted. */
    public boolean hasDrift() {
        return !differences.isEmpty();
    }

    /** One sentence per difference. */
    public List<String> details() {
        return differences.stream().map(DriftDifference::detail).toList();
    }
}
