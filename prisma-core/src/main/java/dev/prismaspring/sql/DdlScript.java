package dev.prismaspring.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of {@link DdlStep}s, rendered in the format of Prisma's {@code migration.sql}: each step as a
 * {@code -- Description} line followed by its statements, each ending in {@code ;} and a newline, steps
 * separated by one blank line.
 *
 * @param steps the steps, in execution order
 */
public record DdlScript(List<DdlStep> steps) {

    /** What Prisma writes for a migration without steps. */
    public static final String EMPTY_MIGRATION = "-- This is an empty migration.";

    public DdlScript {
        steps = List.copyOf(steps);
    }

    /** The script text, exactly as Prisma formats it. */
    public String render() {
        List<DdlStep> nonEmpty = steps.stream().filter(s -> !s.statements().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return EMPTY_MIGRATION;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nonEmpty.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            DdlStep step = nonEmpty.get(i);
            out.append("-- ").append(step.description()).append('\n');
            for (String statement : step.statements()) {
                out.append(statement).append(";\n");
            }
        }
        return out.toString();
    }

    /** All statements of all steps, in order (for executing them one by one over JDBC). */
    public List<String> statements() {
        List<String> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.statements()));
        return all;
    }
}
