package dev.prismaspring.client;

import java.util.List;

/** The arguments of a raw SQL operation: the SQL text and its bound values, in order. */
public record RawQuery(String sql, List<Object> params) {

    public RawQuery {
        java.util.Objects.requireNonNull(sql, "sql");
        params = params == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }
}
