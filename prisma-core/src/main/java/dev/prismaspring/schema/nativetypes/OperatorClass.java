package dev.prismaspring.schema.nativetypes;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL operator classes for the {@code ops:} argument of an index field (Prisma's {@code OperatorClass}),
 * each with the index types it can be used with.
 *
 * <p>{@link #displayName()} is how Prisma prints the class in messages. It equals the constant name except for
 * {@link #UuidMinMaxMultiOps}, which Prisma 6.x prints as {@code BitMinMaxOps} (an upstream bug that the
 * {@code postgres_indexes/brin/uuid_minmaxmulti_wrong_native_type} fixture expects).
 */
public enum OperatorClass {
    InetOps("InetOps", IndexAlgorithm.Gist, IndexAlgorithm.SpGist),
    JsonbOps("JsonbOps", IndexAlgorithm.Gin),
    JsonbPathOps("JsonbPathOps", IndexAlgorithm.Gin),
    ArrayOps("ArrayOps", IndexAlgorithm.Gin),
    TextOps("TextOps", IndexAlgorithm.SpGist),
    BitMinMaxOps("BitMinMaxOps", IndexAlgorithm.Brin),
    VarBitMinMaxOps("VarBitMinMaxOps", IndexAlgorithm.Brin),
    BpcharBloomOps("BpcharBloomOps", IndexAlgorithm.Brin),
    BpcharMinMaxOps("BpcharMinMaxOps", IndexAlgorithm.Brin),
    ByteaBloomOps("ByteaBloomOps", IndexAlgorithm.Brin),
    ByteaMinMaxOps("ByteaMinMaxOps", IndexAlgorithm.Brin),
    DateBloomOps("DateBloomOps", IndexAlgorithm.Brin),
    DateMinMaxOps("DateMinMaxOps", IndexAlgorithm.Brin),
    DateMinMaxMultiOps("DateMinMaxMultiOps", IndexAlgorithm.Brin),
    Float4BloomOps("Float4BloomOps", IndexAlgorithm.Brin),
    Float4MinMaxOps("Float4MinMaxOps", IndexAlgorithm.Brin),
    Float4MinMaxMultiOps("Float4MinMaxMultiOps", IndexAlgorithm.Brin),
    Float8BloomOps("Float8BloomOps", IndexAlgorithm.Brin),
    Float8MinMaxOps("Float8MinMaxOps", IndexAlgorithm.Brin),
    Float8MinMaxMultiOps("Float8MinMaxMultiOps", IndexAlgorithm.Brin),
    InetInclusionOps("InetInclusionOps", IndexAlgorithm.Brin),
    InetBloomOps("InetBloomOps", IndexAlgorithm.Brin),
    InetMinMaxOps("InetMinMaxOps", IndexAlgorithm.Brin),
    InetMinMaxMultiOps("InetMinMaxMultiOps", IndexAlgorithm.Brin),
    Int2BloomOps("Int2BloomOps", IndexAlgorithm.Brin),
    Int2MinMaxOps("Int2MinMaxOps", IndexAlgorithm.Brin),
    Int2MinMaxMultiOps("Int2MinMaxMultiOps", IndexAlgorithm.Brin),
    Int4BloomOps("Int4BloomOps", IndexAlgorithm.Brin),
    Int4MinMaxOps("Int4MinMaxOps", IndexAlgorithm.Brin),
    Int4MinMaxMultiOps("Int4MinMaxMultiOps", IndexAlgorithm.Brin),
    Int8BloomOps("Int8BloomOps", IndexAlgorithm.Brin),
    Int8MinMaxOps("Int8MinMaxOps", IndexAlgorithm.Brin),
    Int8MinMaxMultiOps("Int8MinMaxMultiOps", IndexAlgorithm.Brin),
    NumericBloomOps("NumericBloomOps", IndexAlgorithm.Brin),
    NumericMinMaxOps("NumericMinMaxOps", IndexAlgorithm.Brin),
    NumericMinMaxMultiOps("NumericMinMaxMultiOps", IndexAlgorithm.Brin),
    OidBloomOps("OidBloomOps", IndexAlgorithm.Brin),
    OidMinMaxOps("OidMinMaxOps", IndexAlgorithm.Brin),
    OidMinMaxMultiOps("OidMinMaxMultiOps", IndexAlgorithm.Brin),
    TextBloomOps("TextBloomOps", IndexAlgorithm.Brin),
    TextMinMaxOps("TextMinMaxOps", IndexAlgorithm.Brin),
    TimestampBloomOps("TimestampBloomOps", IndexAlgorithm.Brin),
    TimestampMinMaxOps("TimestampMinMaxOps", IndexAlgorithm.Brin),
    TimestampMinMaxMultiOps("TimestampMinMaxMultiOps", IndexAlgorithm.Brin),
    TimestampTzBloomOps("TimestampTzBloomOps", IndexAlgorithm.Brin),
    TimestampTzMinMaxOps("TimestampTzMinMaxOps", IndexAlgorithm.Brin),
    TimestampTzMinMaxMultiOps("TimestampTzMinMaxMultiOps", IndexAlgorithm.Brin),
    TimeBloomOps("TimeBloomOps", IndexAlgorithm.Brin),
    TimeMinMaxOps("TimeMinMaxOps", IndexAlgorithm.Brin),
    TimeMinMaxMultiOps("TimeMinMaxMultiOps", IndexAlgorithm.Brin),
    TimeTzBloomOps("TimeTzBloomOps", IndexAlgorithm.Brin),
    TimeTzMinMaxOps("TimeTzMinMaxOps", IndexAlgorithm.Brin),
    TimeTzMinMaxMultiOps("TimeTzMinMaxMultiOps", IndexAlgorithm.Brin),
    UuidBloomOps("UuidBloomOps", IndexAlgorithm.Brin),
    UuidMinMaxOps("UuidMinMaxOps", IndexAlgorithm.Brin),
    UuidMinMaxMultiOps("BitMinMaxOps", IndexAlgorithm.Brin);

    private final String displayName;
    private final Set<IndexAlgorithm> indexTypes;

    OperatorClass(String displayName, IndexAlgorithm first, IndexAlgorithm... rest) {
        this.displayName = displayName;
        this.indexTypes = EnumSet.of(first, rest);
    }

    /** The name Prisma prints in messages (see the class comment). */
    public String displayName() {
        return displayName;
    }

    /** Prisma's {@code OperatorClass::supports_index_type}. */
    public boolean supportsIndexType(IndexAlgorithm algorithm) {
        return indexTypes.contains(algorithm);
    }

    /** Parses the constant written in {@code ops: X} (case-sensitive). */
    public static Optional<OperatorClass> fromName(String name) {
        for (OperatorClass c : values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
