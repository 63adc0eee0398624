package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Consecutive comment lines, at the top level or inside a block. */
public record CommentBlock(List<CommentLine> lines, Span span) implements TopItem, BlockItem {

    public CommentBlock {
        lines = List.copyOf(lines);
    }

    /** The documentation these lines carry ({@code ///} and block comments), or {@code null}. */
    public String documentation() {
        String doc = lines.stream().map(CommentLine::documentation).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return lines.stream().anyMatch(l -> l.documentation() != null) ? doc : null;
    }
}
