package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;
import java.util.List;

/** A {@code datasource} or {@code generator} block. */
public record ConfigBlock(Kind kind, Identifier name, List<BlockItem> items, String documentation, Span span,
                          Span innerSpan) implements Top {

    public ConfigBlock {
        items = List.copyOf(items);
    }

    /** The two configuration blocks. */
    public enum Kind {
        DATASOURCE("datasource"),
        GENERATOR("generator");

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

    public List<ConfigProperty> properties() {
        return items.stream().filter(ConfigProperty.class::isInstance).map(ConfigProperty.class::cast).toList();
    }

    /** The first property with this key, or {@code null}. */
    public ConfigProperty property(String key) {
        for (ConfigProperty property : properties()) {
            if (property.name().name().equals(key)) {
                return property;
            }
        }
        return null;
    }
}
