package dev.prismaspring.autoconfigure.actuate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * At startup, once every bean (the migrations among them) is ready: records the schema hash when the migrate mode
 * changes the database, and runs the first full drift check, so that the endpoint, the health and the gauges answer
 * from then on. Problems are logged, never fatal: the status shows them.
 */
public class PrismaStartupCheck implements SmartInitializingSingleton {

    private static final Log LOG = LogFactory.getLog(PrismaStartupCheck.class);

    private final PrismaStatusInspector inspector;
    private final boolean recordHash;

    public PrismaStartupCheck(PrismaStatusInspector inspector, boolean recordHash) {
        this.inspector = inspector;
        this.recordHash = recordHash;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            if (recordHash) {
                inspector.recordSchemaHash();
            }
            PrismaStatusReport report = inspector.refresh();
            if (report.drift().hasDrift()) {
                LOG.warn("The database has drifted from its migrations: " + String.join(" ", report.drift().details())
                        + " See /actuator/prisma.");
            }
        } catch (Exception e) {
            LOG.warn("Could not check the database against the schema at startup: " + e.getMessage());
        }
    }
}
