package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;

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
}
