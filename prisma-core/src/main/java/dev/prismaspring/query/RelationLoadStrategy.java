package dev.prismaspring.query;

/** How relations are loaded: one statement per relation level ({@code query}) or one statement ({@code join}). */
public enum RelationLoadStrategy {
    query, join
}
