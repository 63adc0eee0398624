package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Diagnostics;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL operator classes against index types, native types and field types (GiST, GIN, SP-GiST and BRIN), for
 * {@link IndexRules#validatePostgresOperatorClasses}. Every message is wrapped and points at the attribute.
 */
final class PostgresOperatorClasses {

    private PostgresOperatorClasses() {
    }

    /** Prisma's {@code generalized_index_validations}; see {@link IndexRules#validatePostgresOperatorClasses}. */
    static void validate(IndexDefinition index, Diagnostics diagnostics) {
        IndexAlgorithm algo = index.algorithm() == null ? IndexAlgorithm.BTree : index.algorithm();
        for (IndexFieldInfo field : index.fields()) {
            if (field.rawOperatorClass()) {
                continue;
            }
            OperatorClass opclass = null;
            if (field.operatorClass() != null) {
                opclass = OperatorClass.fromName(field.operatorClass()).orElse(null);
                if (opclass == null) {
                    continue;
                }
            }
            if (opclass != null && !opclass.supportsIndexType(algo)) {
                error(index, diagnostics, "The given operator class `" + opclass + "` is not supported with the `"
                        + algo + "` index type.");
                continue;
            }
            String nt = field.nativeTypeName();
            String type = field.scalarType();
            switch (algo) {
                case Gist -> {
                    if (!("Inet".equals(nt) && opclass == OperatorClass.InetOps)) {
                        genericError(index, field, algo, nt, opclass, diagnostics);
                    }
                }
                case Gin -> validateGin(index, field, nt, type, opclass, diagnostics);
                case SpGist -> validateSpGist(index, field, nt, type, opclass, diagnostics);
                case Brin -> validateBrin(index, field, nt, type, opclass, diagnostics);
                default -> {
                }
            }
        }
    }

    private static void validateGin(IndexDefinition index, IndexFieldInfo field, String nt, String type,
                                    OperatorClass opclass, Diagnostics diagnostics) {
        boolean json = "Json".equals(type);
        if (nt == null && opclass == null && json) {
            return;
        }
        if (opclass == null && field.list()) {
            return;
        }
        boolean jsonbOps = opclass == OperatorClass.JsonbOps || opclass == OperatorClass.JsonbPathOps;
        if ("JsonB".equals(nt) && (jsonbOps || opclass == null)) {
            return;
        }
        if (nt == null && jsonbOps) {
            if (!json) {
                notOfType(index, field, opclass, "Json", diagnostics);
            }
            return;
        }
        if (opclass == OperatorClass.ArrayOps) {
            if (!field.list()) {
                error(index, diagnostics, "The given operator class `ArrayOps` expects the type of field `"
                        + field.fieldName() + "` to be an array.");
            }
            return;
        }
        genericError(index, field, IndexAlgorithm.Gin, nt, opclass, diagnostics);
    }

    private static void validateSpGist(IndexDefinition index, IndexFieldInfo field, String nt, String type,
                                       OperatorClass opclass, Diagnostics diagnostics) {
        boolean string = "String".equals(type);
        if ("Inet".equals(nt) && (opclass == OperatorClass.InetOps || opclass == null)) {
            return;
        }
        if (nt == null && opclass == null && string) {
            return;
        }
        if (nt == null && opclass == OperatorClass.TextOps) {
            if (!string) {
                notOfType(index, field, opclass, "String", diagnostics);
            }
            return;
        }
        if (("Text".equals(nt) || "VarChar".equals(nt) || "Char".equals(nt))
                && (opclass == OperatorClass.TextOps || opclass == null)) {
            return;
        }
        genericError(index, field, IndexAlgorithm.SpGist, nt, opclass, diagnostics);
    }

    /** Native type → operator classes BRIN accepts for it ({@code null} = no class given, the default). */
    private static final Map<String, Set<OperatorClass>> BRIN_BY_NATIVE_TYPE = Map.ofEntries(
            Map.entry("Bit", Set.of(OperatorClass.BitMinMaxOps)),
            Map.entry("VarBit", Set.of(OperatorClass.VarBitMinMaxOps)),
            Map.entry("Char", Set.of(OperatorClass.BpcharBloomOps, OperatorClass.BpcharMinMaxOps)),
            Map.entry("Date", Set.of(OperatorClass.DateBloomOps, OperatorClass.DateMinMaxOps, OperatorClass.DateMinMaxMultiOps)),
            Map.entry("Real", Set.of(OperatorClass.Float4BloomOps, OperatorClass.Float4MinMaxOps, OperatorClass.Float4MinMaxMultiOps)),
            Map.entry("DoublePrecision", Set.of(OperatorClass.Float8BloomOps, OperatorClass.Float8MinMaxOps, OperatorClass.Float8MinMaxMultiOps)),
            Map.entry("Inet", Set.of(OperatorClass.InetInclusionOps, OperatorClass.InetBloomOps, OperatorClass.InetMinMaxOps, OperatorClass.InetMinMaxMultiOps)),
            Map.entry("SmallInt", Set.of(OperatorClass.Int2BloomOps, OperatorClass.Int2MinMaxOps, OperatorClass.Int2MinMaxMultiOps)),
            Map.entry("Integer", Set.of(OperatorClass.Int4BloomOps, OperatorClass.Int4MinMaxOps, OperatorClass.Int4MinMaxMultiOps)),
            Map.entry("BigInt", Set.of(OperatorClass.Int8BloomOps, OperatorClass.Int8MinMaxOps, OperatorClass.Int8MinMaxMultiOps)),
            Map.entry("Decimal", Set.of(OperatorClass.NumericBloomOps, OperatorClass.NumericMinMaxOps, OperatorClass.NumericMinMaxMultiOps)),
            Map.entry("Oid", Set.of(OperatorClass.OidBloomOps, OperatorClass.OidMinMaxOps, OperatorClass.OidMinMaxMultiOps)),
            Map.entry("ByteA", Set.of(OperatorClass.ByteaBloomOps, OperatorClass.ByteaMinMaxOps)),
            Map.entry("Text", Set.of(OperatorClass.TextBloomOps, OperatorClass.TextMinMaxOps)),
            Map.entry("VarChar", Set.of(OperatorClass.TextBloomOps, OperatorClass.TextMinMaxOps)),
            Map.entry("Timestamp", Set.of(OperatorClass.TimestampBloomOps, OperatorClass.TimestampMinMaxOps, OperatorClass.TimestampMinMaxMultiOps)),
            Map.entry("Timestamptz", Set.of(OperatorClass.TimestampTzBloomOps, OperatorClass.TimestampTzMinMaxOps, OperatorClass.TimestampTzMinMaxMultiOps)),
            Map.entry("Time", Set.of(OperatorClass.TimeBloomOps, OperatorClass.TimeMinMaxOps, OperatorClass.TimeMinMaxMultiOps)),
            Map.entry("Timetz", Set.of(OperatorClass.TimeTzBloomOps, OperatorClass.TimeTzMinMaxOps, OperatorClass.TimeTzMinMaxMultiOps)),
            Map.entry("Uuid", Set.of(OperatorClass.UuidBloomOps, OperatorClass.UuidMinMaxOps, OperatorClass.UuidMinMaxMultiOps)));

    /**
     * Scalar type → operator classes BRIN accepts on a field of that type without a native type, in Prisma's match
     * order: those of the type's default native type.
     */
    private static final List<Map.Entry<String, Set<OperatorClass>>> BRIN_BY_SCALAR_TYPE = List.of(
            Map.entry("Float", BRIN_BY_NATIVE_TYPE.get("DoublePrecision")),
            Map.entry("Int", BRIN_BY_NATIVE_TYPE.get("Integer")),
            Map.entry("BigInt", BRIN_BY_NATIVE_TYPE.get("BigInt")),
            Map.entry("Decimal", BRIN_BY_NATIVE_TYPE.get("Decimal")),
            Map.entry("Bytes", BRIN_BY_NATIVE_TYPE.get("ByteA")),
            Map.entry("String", BRIN_BY_NATIVE_TYPE.get("Text")),
            Map.entry("DateTime", BRIN_BY_NATIVE_TYPE.get("Timestamp")));

    private static void validateBrin(IndexDefinition index, IndexFieldInfo field, String nt, String type,
                                     OperatorClass opclass, Diagnostics diagnostics) {
        if (nt != null) {
            Set<OperatorClass> allowed = BRIN_BY_NATIVE_TYPE.get(nt);
            if (allowed != null && (opclass == null || allowed.contains(opclass))) {
                return;
            }
        } else {
            for (Map.Entry<String, Set<OperatorClass>> entry : BRIN_BY_SCALAR_TYPE) {
                boolean typeMatches = entry.getKey().equals(type);
                if (opclass == null && typeMatches) {
                    return;
                }
                if (opclass != null && entry.getValue().contains(opclass)) {
                    if (!typeMatches) {
                        notOfType(index, field, opclass, entry.getKey(), diagnostics);
                    }
                    return;
                }
            }
        }
        genericError(index, field, IndexAlgorithm.Brin, nt, opclass, diagnostics);
    }

    /** Prisma's {@code err_f} closure. */
    private static void genericError(IndexDefinition index, IndexFieldInfo field, IndexAlgorithm algo, String nt,
                                     OperatorClass opclass, Diagnostics diagnostics) {
        if (nt != null && opclass != null) {
            error(index, diagnostics, "The given operator class `" + opclass + "` does not support native type `" + nt
                    + "` of field `" + field.fieldName() + "`.");
        } else if (nt != null) {
            error(index, diagnostics, "The " + algo + " index field type `" + nt + "` has no default operator class.");
        } else if (opclass != null) {
            error(index, diagnostics, "The given operator class `" + opclass + "` expects the field `" + field.fieldName()
                    + "` to define a valid native type.");
        } else if (!algo.supportsFieldType(field)) {
            error(index, diagnostics, "The " + algo + " index type does not support the type of the field `"
                    + field.fieldName() + "`.");
        }
    }

    private static void notOfType(IndexDefinition index, IndexFieldInfo field, OperatorClass opclass, String typeName,
                                  Diagnostics diagnostics) {
        error(index, diagnostics, "The given operator class `" + opclass + "` points to the field `" + field.fieldName()
                + "` that is not of " + typeName + " type.");
    }

    private static void error(IndexDefinition index, Diagnostics diagnostics, String message) {
        diagnostics.error(IndexRules.attributeMessage(index.attributeName(), message), index.attributeSpan());
    }
}
