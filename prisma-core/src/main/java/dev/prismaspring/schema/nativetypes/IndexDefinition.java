package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Span;
import java.util.List;
import java.util.Objects;

/**
 * An index, unique constraint or primary key, reduced to what the native-type and provider dependent index rules need.
 *
 * @param kind              primary key, unique, normal or fulltext
 * @param attributeName     the attribute as Prisma names it in messages: {@code @@index}, {@code @unique},
 *                          {@code @@unique}, {@code @id}, {@code @@id}, {@code @@fulltext}
 * @param attributeSpan     the whole attribute
 * @param algorithm         the {@code type:} argument, or {@code null} when absent
 * @param typeArgumentSpan  the span of the {@code type:} argument, or {@code null} (then the attribute span is used)
 * @param clustered         the {@code clustered:} argument, or {@code null} when absent
 * @param fields            the fields in index order
 */
public record IndexDefinition(IndexKind kind, String attributeName, Span attributeSpan, IndexAlgorithm algorithm,
                              Span typeArgumentSpan, Boolean clustered, List<IndexFieldInfo> fields) {

    public IndexDefinition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attributeName, "attributeName");
        Objects.requireNonNull(attributeSpan, "attributeSpan");
        fields = List.copyOf(fields);
    }

    /** An index without {@code type:} or {@code clustered:}. */
    public static IndexDefinition of(IndexKind kind, String attributeName, Span attributeSpan, List<IndexFieldInfo> fields) {
        return new IndexDefinition(kind, attributeName, attributeSpan, null, null, null, fields);
    }

    public IndexDefinition withAlgorithm(IndexAlgorithm algo, Span typeSpan) {
        return new IndexDefinition(kind, attributeName, attributeSpan, algo, typeSpan, clustered, fields);
    }
}
