package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.nativetypes.IndexRules;

/** Base of the validator's phases and checks: the {@link ValidationContext} they share and its diagnostics. */
abstract class ValidationPhase {

    /** The state shared by all phases of one validation. */
    protected final ValidationContext context;
    /** Where the phase reports: the context's diagnostics. */
    protected final Diagnostics d;

    ValidationPhase(ValidationContext context) {
        this.context = context;
        this.d = context.diagnostics;
    }

    /** {@code Error validating model "<name>": <message>}. */
    final void modelError(Model model, String message, Span span) {
        d.error("Error validating model \"" + model.name() + "\": " + message, span);
    }

    /** {@code Error parsing attribute "<attribute>": <message>} (Prisma's attribute validation error). */
    final void attributeError(String attribute, String message, Span span) {
        d.error(IndexRules.attributeMessage(attribute, message), span);
    }
}
