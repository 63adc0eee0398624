package dev.prismaspring.psl.ast;

/** Whether a field holds one value, an optional value or a list. */
public enum FieldArity {
    REQUIRED,
    OPTIONAL,
    LIST
}
