package dev.prismaspring.query;

import java.util.List;

/** Notified of every SQL statement the client runs (e.g. to log or count them). */
@FunctionalInterface
public interface StatementListener {

    /** {@code params} are the bound values in order. */
    void onStatement(String sql, List<Object> params);
}
