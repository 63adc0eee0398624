package dev.prismaspring.sql;

/** What an index enforces or serves: a plain index, a unique index, or a MySQL full-text index. */
public enum IndexKind {
    NORMAL,
    UNIQUE,
    FULLTEXT
}
