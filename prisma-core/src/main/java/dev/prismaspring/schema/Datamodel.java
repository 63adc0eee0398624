package dev.prismaspring.schema;

/**
 * The resolved, immutable description of a schema that later stages use (never the AST).
 * Filled in by the validator.
 */
public record Datamodel() {
}
