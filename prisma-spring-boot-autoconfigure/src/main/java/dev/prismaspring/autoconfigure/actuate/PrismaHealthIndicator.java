package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.migrate.DriftDifference;
import dev.prismaspring.migrate.SchemaStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code prisma} health: {@code UP} when the database answers and is {@link SchemaStatus#UP_TO_DATE};
 * {@code DOWN} when a migration failed (or was modified after it ran) or the database does not answer; the
 * configured status ({@code prisma.health.drift-status}, default {@code OUT_OF_SERVICE}) when it drifted, has
 * pending migrations or unmigrated changes. The details carry the facts.
 */
public class PrismaHealthIndicator implements HealthIndicator {

    private final PrismaStatusInspector inspector;
    private final Status notUpToDate;

    public PrismaHealthIndicator(PrismaStatusInspector inspector, String driftStatus) {
        this.inspector = inspector;
        this.notUpToDate = new Status(driftStatus);
    }

    @Override
    public Health health() {
        PrismaStatusReport report;
        try {
            report = inspector.report();
        } catch (Exception e) {
            return Health.down(e).build();
        }
        Status status = switch (report.status()) {
            case UP_TO_DATE -> Status.UP;
            case FAILED -> Status.DOWN;
            case PENDING, UNMIGRATED_CHANGES, DRIFTED -> notUpToDate;
        };
        return Health.status(status).withDetails(details(report)).build();
    }

    static Map<String, Object> details(PrismaStatusReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status().name());
        out.put("schemaHash", r.schema().hash());
        out.put("applied", r.migrations().applied().size());
        out.put("pending", r.migrations().pending());
        out.put("failed", r.migrations().failed().stream().map(MigrationFacts.Failed::id).toList());
        out.put("modified", r.migrations().modified().stream().map(MigrationFacts.Modified::id).toList());
        out.put("unmigratedChanges", r.unmigratedChanges().stream().map(DriftDifference::detail).toList());
        out.put("drift", r.drift().details());
        out.put("driftCheckedAt", PrismaStatusReport.time(r.drift().checkedAt()));
        return out;
    }
}
