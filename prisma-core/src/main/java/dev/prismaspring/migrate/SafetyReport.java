package dev.prismaspring.migrate;

import dev.prismaspring.migrate.DataLossWarning.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link DestructiveChangeChecker}: every risk of a migration and the classification of each
 * change. Warnings and data loss need an explicit acceptance ({@code --accept-data-loss},
 * {@code prisma.migrate.accept-data-loss=true}); unexecutable changes are refused either way.
 *
 * @param warnings the risks, data-loss warnings first, then unexecutable steps (Prisma's order)
 * @param inspected whether a database was inspected (row counts known)
 */
public record SafetyReport(List<DataLossWarning> warnings, boolean inspected,
        Map<SchemaChange, Severity> classification) {

    public SafetyReport {
        warnings = List.copyOf(warnings);
        classification = new IdentityHashMap<>(classification);
    }

    /** A report with nothing to warn about. */
    public static SafetyReport safe() {
        return new SafetyReport(List.of(), false, Map.of());
    }

    /** How one change of the checked migration is classified ({@link Severity#SAFE} when nothing was found). */
    public Severity severity(SchemaChange change) {
        return classification.getOrDefault(change, Severity.SAFE);
    }

    /** Whether nothing risky was found. */
    public boolean isSafe() {
        return warnings.isEmpty();
    }

    /** Whether some change cannot run on the data present. */
    public boolean hasUnexecutable() {
        return warnings.stream().anyMatch(w -> w.severity() == Severity.UNEXECUTABLE);
    }

    /** Whether applying needs {@code --accept-data-loss}. */
    public boolean requiresAcceptDataLoss() {
        return warnings.stream().anyMatch(w -> w.severity() == Severity.WARNING || w.severity() == Severity.DESTRUCTIVE);
    }

    /** Whether the migration may run: no unexecutable step, and data loss accepted when there is any. */
    public boolean mayApply(boolean acceptDataLoss) {
        return !hasUnexecutable() && (acceptDataLoss || !requiresAcceptDataLoss());
    }

    /** Prisma's comment block for the top of {@code migration.sql}; empty when there is nothing to say. */
    public String warningsComment() {
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("/*\n  Warnings:\n\n");
        for (DataLossWarning w : warnings) {
            out.append("  - ").append(w.detail()).append('\n');
        }
        return out.append("\n*/\n").toString();
    }

    /**
     * The text to refuse a migration with: each risk on its own line, then what to do. Empty when nothing is
     * risky.
     */
    public String refusal() {
        if (warnings.isEmpty()) {
            return "";
        }
        List<String> lossy = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (DataLossWarning w : warnings) {
            (w.severity() == Severity.UNEXECUTABLE ? failing : lossy).add(w.detail());
        }
        StringBuilder out = new StringBuilder();
        if (!lossy.isEmpty()) {
            out.append("The migration was not applied because it may lose data:\n\n");
            lossy.forEach(l -> out.append("  • ").append(l).append('\n'));
            out.append("\nTo apply it anyway, run again with --accept-data-loss (CLI) or set "
                    + "prisma.migrate.accept-data-loss=true (application).\n");
        }
        if (!failing.isEmpty()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("The migration cannot be applied to the data in the database:\n\n");
            failing.forEach(l -> out.append("  • ").append(l).append('\n'));
            out.append("\nAccepting data loss does not help here: give the new required columns a default, make "
                    + "them optional first, or update the rows that stand in the way, then migrate again.\n");
        }
        return out.toString();
    }
}
