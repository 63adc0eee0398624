package dev.prismaspring.sql;

/** Whether a column is {@code NOT NULL}, nullable, or an array (PostgreSQL scalar lists). */
public enum ColumnArity {
    REQUIRED,
    NULLABLE,
    LIST;

    /** {@code true} for {@link #REQUIRED}: the column is rendered {@code NOT NULL}. */
    public boolean isRequired() {
        return this == REQUIRED;
    }

    /** {@code true} for {@link #LIST}. */
    public boolean isList() {
        return this == LIST;
    }
}
