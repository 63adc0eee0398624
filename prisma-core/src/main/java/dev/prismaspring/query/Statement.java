package dev.prismaspring.query;

import java.util.ArrayList;
import java.util.List;

/** A parameterised SQL statement under construction: text with {@code ?} and the values, in order. */
public final class Statement {

    private final StringBuilder sql = new StringBuilder();
    private final List<TypedValue> params = new ArrayList<>();

    public Statement append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends {@code ?} bound to {@code value}. */
    public Statement param(TypedValue value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Appends another statement (text and values). */
    public Statement append(Statement other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    /** Adds values whose {@code ?} the text already holds. */
    public Statement values(List<TypedValue> values) {
        params.addAll(values);
        return this;
    }

    public boolean isEmpty() {
        return sql.length() == 0;
    }

    public String sql() {
        return sql.toString();
    }

    public List<TypedValue> params() {
        return List.copyOf(params);
    }

    public int paramCount() {
        return params.size();
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
