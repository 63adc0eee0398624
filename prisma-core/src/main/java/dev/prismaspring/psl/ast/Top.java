package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/** A declaration: model, view, composite type, enum, datasource or generator. */
public sealed interface Top extends TopItem permits ModelDecl, EnumDecl, ConfigBlock {

    Identifier name();

    /** Everything between the braces, in source order. */
    List<BlockItem> items();

    /** Documentation from the comment block right above the declaration, or {@code null}. */
    String documentation();

    /** The keyword that opens the declaration: model, view, type, enum, datasource, generator. */
    String keyword();

    @Override
    Span span();
}
