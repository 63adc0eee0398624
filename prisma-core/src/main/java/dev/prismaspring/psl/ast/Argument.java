package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/**
 * One argument of an attribute or function: {@code name: value} or a positional {@code value}.
 *
 * @param name  the name, or {@code null} for a positional argument
 * @param value the value
 * @param span  the whole argument
 */
public record Argument(Identifier name, Expression value, Span span) {

    public boolean isUnnamed() {
        return name == null;
    }
}
