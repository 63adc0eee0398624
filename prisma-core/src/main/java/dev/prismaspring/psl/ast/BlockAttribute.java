package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/**
 * A block attribute line such as {@code @@index([a, b]) // comment}.
 *
 * @param attribute       the attribute
 * @param trailingComment the comment at the end of the line, or {@code null}
 */
public record BlockAttribute(Attribute attribute, CommentLine trailingComment) implements BlockItem {

    @Override
    public Span span() {
        return attribute.span();
    }
}
