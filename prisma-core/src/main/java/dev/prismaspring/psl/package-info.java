/**
 * The syntax stage: source files, spans, diagnostics, the PEG-faithful parser and the pretty
 * printer for diagnostics. Knows nothing of later stages.
 */
package dev.prismaspring.psl;
