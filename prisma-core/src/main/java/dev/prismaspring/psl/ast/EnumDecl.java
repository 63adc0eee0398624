package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/** An {@code enum} declaration. */
public record EnumDecl(Identifier name, List<BlockItem> items, String documentation, Span span, Span innerSpan)
        implements Top {

    public EnumDecl {
        items = List.copyOf(items);
    }

    @Override
    public String keyword() {
        return "enum";
    }

    public List<EnumValue> values() {
        return items.stream().filter(EnumValue.class::isInstance).map(EnumValue.class::cast).toList();
    }

    /** Block attributes ({@code @@map}, {@code @@schema}) in source order. */
    public List<Attribute> attributes() {
        return items.stream().filter(BlockAttribute.class::isInstance)
                .map(i -> ((BlockAttribute) i).attribute()).toList();
    }
}
