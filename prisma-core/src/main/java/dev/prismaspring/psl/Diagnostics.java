package dev.prismaspring.psl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the diagnostics of one parse or validation run, errors and warnings apart, each in the
 * order they were emitted. Stages never throw on bad input; they add to this instead.
 */
public final class Diagnostics {

    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        (diagnostic.isError() ? errors : warnings).add(diagnostic);
    }

    public void error(String message, Span span) {
        errors.add(Diagnostic.error(message, span));
    }

    public void warning(String message, Span span) {
        warnings.add(Diagnostic.warning(message, span));
    }

    public void addAll(Diagnostics other) {
        errors.addAll(other.errors);
        warnings.addAll(other.warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Diagnostic> errors() {
        return Collections.unmodifiableList(errors);
    }

    public List<Diagnostic> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Warnings first, then errors, each in emission order (the order Prisma prints them). */
    public List<Diagnostic> all() {
        List<Diagnostic> all = new ArrayList<>(warnings);
        all.addAll(errors);
        return all;
    }

    @Override
    public String toString() {
        return all().toString();
    }
}
