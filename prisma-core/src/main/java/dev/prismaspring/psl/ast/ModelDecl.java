package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/**
 * A {@code model}, {@code view} or composite {@code type} declaration (one syntax for all three).
 *
 * @param kind          which keyword opened it
 * @param name          the name
 * @param items         the block's contents in source order
 * @param documentation documentation comment above it, or {@code null}
 * @param span          the whole declaration
 * @param innerSpan     the contents between the braces
 */
public record ModelDecl(Kind kind, Identifier name, List<BlockItem> items, String documentation, Span span,
                        Span innerSpan) implements Top {

    public ModelDecl {
        items = List.copyOf(items);
    }

    /** The three declarations that share the model syntax. */
    public enum Kind {
        MODEL("model"),
        VIEW("view"),
        COMPOSITE_TYPE("type");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    @Override
    public String keyword() {
        return kind.keyword();
    }

    public boolean isView() {
        return kind == Kind.VIEW;
    }

    public boolean isCompositeType() {
        return kind == Kind.COMPOSITE_TYPE;
    }

    /** The well-formed fields in source order (malformed ones are only in {@link #items()}). */
    public List<Field> fields() {
        return items.stream().filter(Field.class::isInstance).map(Field.class::cast)
                .filter(Field::isWellFormed).toList();
    }

    /** Block attributes ({@code @@...}) in source order. */
    public List<Attribute> attributes() {
        return items.stream().filter(BlockAttribute.class::isInstance)
                .map(i -> ((BlockAttribute) i).attribute()).toList();
    }
}
