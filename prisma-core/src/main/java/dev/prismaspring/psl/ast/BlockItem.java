package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/** Anything inside the braces of a block, in source order. */
public sealed interface BlockItem permits Field, BlockAttribute, EnumValue, ConfigProperty, CommentBlock, EmptyLines, CatchAll {

    Span span();
}
