package dev.prismaspring.migrate;

/**
 * What kind of difference a {@link DriftDifference} is. "Missing" means the schema has it and the compared side
 * (the live database for drift, the migrations for unmigrated changes) does not; "Extra" the other way round;
 * "Changed" that both have it with another shape. {@link #label()} is the name the Actuator endpoint shows
 * ({@code MissingColumn}, ...).
 */
public enum DriftKind {
    MISSING_TABLE("MissingTable"),
    EXTRA_TABLE("ExtraTable"),
    MISSING_COLUMN("MissingColumn"),
    EXTRA_COLUMN("ExtraColumn"),
    /** Type, nullability, default or auto-increment of a column. */
    CHANGED_COLUMN("ChangedColumn"),
    CHANGED_PRIMARY_KEY("ChangedPrimaryKey"),
    MISSING_INDEX("MissingIndex"),
    EXTRA_INDEX("ExtraIndex"),
    /** An index with the expected shape under another name. */
    CHANGED_INDEX("ChangedIndex"),
    MISSING_FOREIGN_KEY("MissingForeignKey"),
    EXTRA_FOREIGN_KEY("ExtraForeignKey"),
    /** A foreign key with the expected shape under another name. */
    CHANGED_FOREIGN_KEY("ChangedForeignKey"),
    MISSING_ENUM("MissingEnum"),
    EXTRA_ENUM("ExtraEnum"),
    /** Values added to or removed from an enum type (PostgreSQL). */
    CHANGED_ENUM("ChangedEnum");

    private final String label;

    DriftKind(String label) {
        this.label = label;
    }

    /** The kind as the endpoint and the docs name it, e.g. {@code MissingColumn}. */
    public String label() {
        return label;
    }
}
