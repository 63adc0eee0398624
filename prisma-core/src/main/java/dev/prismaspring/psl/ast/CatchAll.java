package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/**
 * Source that is not a valid declaration: an unknown line, an unknown block, or a type alias.
 * The parser reports it; the formatter writes it back unchanged.
 *
 * @param kind what the parser took it for
 * @param text the text as written (line terminator included where the grammar takes it)
 * @param span its place
 */
public record CatchAll(Kind kind, String text, Span span) implements TopItem, BlockItem {

    /** What kind of unparseable text. */
    public enum Kind {
        /** A line that starts no known declaration. */
        LINE,
        /** A {@code name { ... }} block with an unknown keyword. */
        ARBITRARY_BLOCK,
        /** {@code type A = B}: composite type aliases are not supported. */
        TYPE_ALIAS
    }
}
