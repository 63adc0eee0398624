package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/**
 * A field attribute ({@code @id}, {@code @db.VarChar(20)}) or block attribute ({@code @@index([a])}).
 *
 * @param name          the attribute's path without the {@code @}/{@code @@} prefix, e.g. {@code db.VarChar}
 * @param arguments     its arguments (empty when written without parentheses)
 * @param hasParentheses whether an argument list was written, even an empty one
 * @param span          the whole attribute, prefix included
 */
public record Attribute(Identifier name, ArgumentsList arguments, boolean hasParentheses, Span span) {

    /** The attribute name, e.g. {@code relation} or {@code db.Uuid}. */
    public String nameText() {
        return name.name();
    }
}
