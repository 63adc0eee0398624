package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Span;

/**
 * One field of an index, key or unique constraint, as the index rules need it.
 *
 * @param fieldName         the field's name
 * @param scalarType        the field's Prisma scalar type name ({@code String}, {@code Int}, ...), or {@code null}
 *                          for enum, composite and {@code Unsupported(...)} fields
 * @param unsupportedType   whether the field's type is {@code Unsupported("...")}
 * @param list              whether the field is a list ({@code Int[]})
 * @param nativeType        the field's explicit native type ({@code @db.*}, as resolved by
 *                          {@link NativeTypeValidator#resolve}), or {@code null} when none is written
 * @param operatorClass     the {@code ops:} argument: the constant name ({@code InetOps}) or, when {@code rawOperatorClass},
 *                          the string inside {@code raw("...")}; {@code null} when absent
 * @param rawOperatorClass  whether {@code ops: raw("...")} was used (no validation for raw classes)
 * @param hasLength         whether the field in the index has a {@code length:} argument
 * @param hasSortOrder      whether the field in the index has a {@code sort:} argument
 * @param fieldSpan         the field declaration's span (Prisma points the PostgreSQL {@code Xml} error there)
 */
public record IndexFieldInfo(String fieldName, String scalarType, boolean unsupportedType, boolean list,
                             NativeType nativeType, String operatorClass, boolean rawOperatorClass,
                             boolean hasLength, boolean hasSortOrder, Span fieldSpan) {

    /** A plain field: no list, no {@code ops}, {@code length} or {@code sort}. */
    public static IndexFieldInfo of(String fieldName, String scalarType, NativeType nativeType) {
        return new IndexFieldInfo(fieldName, scalarType, false, false, nativeType, null, false, false, false, Span.EMPTY);
    }

    public IndexFieldInfo withOperatorClass(String operatorClass, boolean raw) {
        return new IndexFieldInfo(fieldName, scalarType, unsupportedType, list, nativeType, operatorClass, raw,
                hasLength, hasSortOrder, fieldSpan);
    }

    /** The name of the explicit native type, or {@code null}. */
    public String nativeTypeName() {
        return nativeType == null ? null : nativeType.name();
    }
}
