package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/**
 * One comment: a {@code //} line, a {@code ///} documentation line or a {@code /* *\/} block.
 *
 * @param kind    which of the three
 * @param content for line comments the text after {@code //} or {@code ///} up to the end of the line;
 *                for block comments the whole comment, delimiters included
 * @param span    the comment itself (without leading indentation)
 */
public record CommentLine(Kind kind, String content, Span span) {

    /** The three kinds of comment. */
    public enum Kind {
        /** {@code // ...}: not documentation. */
        LINE,
        /** {@code /// ...}: documentation. */
        DOC,
        /** {@code /* ... *\/}: documentation. */
        BLOCK
    }

    /** The comment as written. */
    public String raw() {
        return switch (kind) {
            case LINE -> "//" + content;
            case DOC -> "///" + content;
            case BLOCK -> content;
        };
    }

    /** The documentation text this comment contributes, or {@code null} for a plain {@code //} comment. */
    public String documentation() {
        return switch (kind) {
            case LINE -> null;
            case DOC -> content.stripLeading();
            case BLOCK -> content.substring(2, content.length() - 2).strip();
        };
    }
}
