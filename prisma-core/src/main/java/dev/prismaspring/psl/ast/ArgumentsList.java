package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/**
 * The parenthesised arguments of an attribute or function call.
 *
 * @param arguments      named and positional arguments, in source order
 * @param emptyArguments arguments written as {@code name:} without a value (invalid, kept for messages)
 * @param trailingComma  the span of a trailing comma, or {@code null}
 * @param span           the whole list, parentheses included ({@link Span#EMPTY}-like when absent)
 */
public record ArgumentsList(List<Argument> arguments, List<Identifier> emptyArguments, Span trailingComma, Span span) {

    public ArgumentsList {
        arguments = List.copyOf(arguments);
        emptyArguments = List.copyOf(emptyArguments);
    }

    public static ArgumentsList empty(Span at) {
        return new ArgumentsList(List.of(), List.of(), null, at);
    }

    public boolean isEmpty() {
        return arguments.isEmpty() && emptyArguments.isEmpty();
    }
}
