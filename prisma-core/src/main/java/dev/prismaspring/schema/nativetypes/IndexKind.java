package dev.prismaspring.schema.nativetypes;

/** What kind of key or index a field list belongs to. */
public enum IndexKind {
    /** {@code @id} / {@code @@id} */
    PRIMARY_KEY,
    /** {@code @unique} / {@code @@unique} */
    UNIQUE,
    /** {@code @@index} */
    NORMAL,
    /** {@code @@fulltext} */
    FULLTEXT
}
