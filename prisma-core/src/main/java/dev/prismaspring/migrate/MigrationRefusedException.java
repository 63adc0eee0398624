package dev.prismaspring.migrate;

/** A migration was not applied because of the risks in its {@link SafetyReport}; nothing was executed. */
public final class MigrationRefusedException extends RuntimeException {

    private final transient SafetyReport report;

    public MigrationRefusedException(SafetyReport report) {
        super(report.refusal());
        this.report = report;
    }

    /** The risks that stopped the migration. */
    public SafetyReport report() {
        return report;
    }
}
