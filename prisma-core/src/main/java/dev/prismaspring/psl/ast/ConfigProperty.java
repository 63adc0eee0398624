package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/**
 * A {@code key = value} line in a datasource or generator block.
 *
 * @param name            the key
 * @param value           the value
 * @param trailingComment the comment at the end of the line, or {@code null}
 * @param span            the whole line, its terminator included (as Prisma's span)
 */
public record ConfigProperty(Identifier name, Expression value, CommentLine trailingComment, Span span)
        implements BlockItem {
}
