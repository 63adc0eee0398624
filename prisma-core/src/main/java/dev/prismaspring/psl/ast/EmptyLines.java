package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/** One or more blank lines; kept because the formatter's layout depends on them. */
public record EmptyLines(Span span) implements TopItem, BlockItem {
}
