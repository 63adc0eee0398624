package dev.prismaspring.autoconfigure.actuate;

import java.sql.SQLException;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/prisma}: whether the live database matches the schema (design.md, "Actuator"). {@code GET}
 * returns the status with the cached drift check (re-run when migrations changed since); {@code POST} re-runs the
 * full drift check first.
 */
@Endpoint(id = "prisma")
public class PrismaEndpoint {

    private final PrismaStatusInspector inspector;

    public PrismaEndpoint(PrismaStatusInspector inspector) {
        this.inspector = inspector;
    }

    /** The status, schema, migrations, unmigrated changes and drift. */
    @ReadOperation
    public Map<String, Object> prisma() {
        try {
            return inspector.report().toJson();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The same, after a full drift check now. */
    @WriteOperation
    public Map<String, Object> check() {
        try {
            return inspector.refresh().toJson();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("The database does not answer, so its status is unknown: " + e.getMessage(),
                e);
    }
}
