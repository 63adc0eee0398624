package dev.prismaspring.sql;

/** Sort order of an index column. */
public enum SortOrder {
    ASC,
    DESC
}
