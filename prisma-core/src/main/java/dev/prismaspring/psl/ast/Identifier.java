package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/** A name as written in the source, with its place. */
public record Identifier(String name, Span span) {

    @Override
    public String toString() {
        return name;
    }
}
