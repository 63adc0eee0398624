package dev.prismaspring.client;

import java.util.List;

/**
 * A statement an operation ran: its SQL text and its bound values in order.
 */
public record ExecutedStatement(String sql, List<Object> params) {

    public ExecutedStatement {
        params = params == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }
}
