package dev.prismaspring.psl;

/** How bad a {@link Diagnostic} is: errors make a schema invalid, warnings do not. */
public enum Severity {
    ERROR,
    WARNING
}
