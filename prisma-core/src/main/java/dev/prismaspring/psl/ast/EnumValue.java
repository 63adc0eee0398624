package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/** One value of an enum, with its attributes ({@code @map}). */
public record EnumValue(Identifier name, List<Attribute> attributes, String documentation,
                        CommentLine trailingComment, Span span) implements BlockItem {

    public EnumValue {
        attributes = List.copyOf(attributes);
    }
}
