package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/** Anything at the top level of a schema file, in source order. */
public sealed interface TopItem permits Top, CommentBlock, EmptyLines, CatchAll {

    Span span();
}
