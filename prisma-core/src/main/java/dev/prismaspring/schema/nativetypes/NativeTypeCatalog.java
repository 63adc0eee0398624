package dev.prismaspring.schema.nativetypes;

import static dev.prismaspring.schema.nativetypes.NativeTypeArguments.NONE;
import static dev.prismaspring.schema.nativetypes.NativeTypeArguments.OPTIONAL_INTEGER;
import static dev.prismaspring.schema.nativetypes.NativeTypeArguments.OPTIONAL_INTEGER_PAIR;
import static dev.prismaspring.schema.nativetypes.NativeTypeArguments.REQUIRED_INTEGER;

import dev.prismaspring.schema.Provider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The native types ({@code @db.*}) each connector offers, as in Prisma's {@code builtin_connectors}
 * ({@code postgres_datamodel_connector/native_types.rs}, {@code mysql_datamodel_connector/native_types.rs}),
 * with the scalar types each is compatible with and the default native type per scalar type.
 *
 * <p>SQLite offers no native types: every {@code @db.X} on SQLite is reported as
 * {@code Native type X is not supported for sqlite connector.} and there is no default native type
 * ({@link #defaultFor} returns {@code null}). The experimental {@code Geometry}/{@code Geography} types of
 * unreleased engine branches are not included (there is no {@code Geometry} scalar type).
 */
public final class NativeTypeCatalog {

    /** Prisma's scalar type names, in Prisma's order. */
    public static final List<String> SCALAR_TYPES =
            List.of("Int", "BigInt", "Float", "Boolean", "String", "DateTime", "Json", "Bytes", "Decimal");

    private static final Map<String, NativeTypeDefinition> POSTGRES = defs(
            def("SmallInt", NONE, "Int"),
            def("Integer", NONE, "Int"),
            def("BigInt", NONE, "BigInt"),
            def("Decimal", OPTIONAL_INTEGER_PAIR, "Decimal"),
            def("Money", NONE, "Decimal"),
            def("Inet", NONE, "String"),
            def("Oid", NONE, "Int"),
            def("Citext", NONE, "String"),
            def("Real", NONE, "Float"),
            def("DoublePrecision", NONE, "Float"),
            def("VarChar", OPTIONAL_INTEGER, "String"),
            def("Char", OPTIONAL_INTEGER, "String"),
            def("Text", NONE, "String"),
            def("ByteA", NONE, "Bytes"),
            def("Timestamp", OPTIONAL_INTEGER, "DateTime"),
            def("Timestamptz", OPTIONAL_INTEGER, "DateTime"),
            def("Date", NONE, "DateTime"),
            def("Time", OPTIONAL_INTEGER, "DateTime"),
            def("Timetz", OPTIONAL_INTEGER, "DateTime"),
            def("Boolean", NONE, "Boolean"),
            def("Bit", OPTIONAL_INTEGER, "String"),
            def("VarBit", OPTIONAL_INTEGER, "String"),
            def("Uuid", NONE, "String"),
            def("Xml", NONE, "String"),
            def("Json", NONE, "Json"),
            def("JsonB", NONE, "Json"));

    private static final Map<String, NativeTypeDefinition> MYSQL = defs(
            def("Int", NONE, "Int"),
            def("UnsignedInt", NONE, "Int"),
            def("SmallInt", NONE, "Int"),
            def("UnsignedSmallInt", NONE, "Int"),
            def("TinyInt", NONE, "Boolean", "Int"),
            def("UnsignedTinyInt", NONE, "Boolean", "Int"),
            def("MediumInt", NONE, "Int"),
            def("UnsignedMediumInt", NONE, "Int"),
            def("BigInt", NONE, "BigInt"),
            def("Decimal", OPTIONAL_INTEGER_PAIR, "Decimal"),
            def("UnsignedBigInt", NONE, "BigInt"),
            def("Float", NONE, "Float"),
            def("Double", NONE, "Float"),
            def("Bit", REQUIRED_INTEGER, "Boolean", "Bytes"),
            def("Char", REQUIRED_INTEGER, "String"),
            def("VarChar", REQUIRED_INTEGER, "String"),
            def("Binary", REQUIRED_INTEGER, "Bytes"),
            def("VarBinary", REQUIRED_INTEGER, "Bytes"),
            def("TinyBlob", NONE, "Bytes"),
            def("Blob", NONE, "Bytes"),
            def("MediumBlob", NONE, "Bytes"),
            def("LongBlob", NONE, "Bytes"),
            def("TinyText", NONE, "String"),
            def("Text", NONE, "String"),
            def("MediumText", NONE, "String"),
            def("LongText", NONE, "String"),
            def("Date", NONE, "DateTime"),
            def("Time", OPTIONAL_INTEGER, "DateTime"),
            def("DateTime", OPTIONAL_INTEGER, "DateTime"),
            def("Timestamp", OPTIONAL_INTEGER, "DateTime"),
            def("Year", NONE, "Int"),
            def("Json", NONE, "Json"));

    private static final Map<String, NativeType> POSTGRES_DEFAULTS = Map.of(
            "Int", NativeType.of("Integer"),
            "BigInt", NativeType.of("BigInt"),
            "Float", NativeType.of("DoublePrecision"),
            "Decimal", NativeType.of("Decimal", "65", "30"),
            "Boolean", NativeType.of("Boolean"),
            "String", NativeType.of("Text"),
            "DateTime", NativeType.of("Timestamp", "3"),
            "Bytes", NativeType.of("ByteA"),
            "Json", NativeType.of("JsonB"));

    private static final Map<String, NativeType> MYSQL_DEFAULTS = Map.of(
            "Int", NativeType.of("Int"),
            "BigInt", NativeType.of("BigInt"),
            "Float", NativeType.of("Double"),
            "Decimal", NativeType.of("Decimal", "65", "30"),
            "Boolean", NativeType.of("TinyInt"),
            "String", NativeType.of("VarChar", "191"),
            "DateTime", NativeType.of("DateTime", "3"),
            "Bytes", NativeType.of("LongBlob"),
            "Json", NativeType.of("Json"));

    private NativeTypeCatalog() {
    }

    /** All native types of the provider's connector, in Prisma's declaration order (empty for SQLite). */
    public static List<NativeTypeDefinition> forProvider(Provider provider) {
        return List.copyOf(table(provider).values());
    }

    /** The native type with this exact (case-sensitive) name, if the connector has it. */
    public static Optional<NativeTypeDefinition> find(Provider provider, String name) {
        return Optional.ofNullable(table(provider).get(name));
    }

    /**
     * The native type Prisma uses for a scalar type when no {@code @db.*} attribute is given
     * (PostgreSQL String → {@code Text}, MySQL String → {@code VarChar(191)}, ...).
     *
     * @return the default, or {@code null} for SQLite (no native types) or an unknown scalar type name
     */
    public static NativeType defaultFor(Provider provider, String scalarType) {
        return switch (provider) {
            case POSTGRESQL -> POSTGRES_DEFAULTS.get(scalarType);
            case MYSQL -> MYSQL_DEFAULTS.get(scalarType);
            case SQLITE -> null;
        };
    }

    /** Whether {@code nativeType} is exactly the default for {@code scalarType} (Prisma's {@code native_type_is_default_for_scalar_type}). */
    public static boolean isDefaultFor(Provider provider, NativeType nativeType, String scalarType) {
        NativeType def = defaultFor(provider, scalarType);
        return def != null && def.equals(nativeType);
    }

    /** The scalar type Prisma maps a native type to (Prisma's {@code scalar_type_for_native_type}), or {@code null}. */
    public static String scalarTypeFor(Provider provider, NativeType nativeType) {
        NativeTypeDefinition def = table(provider).get(nativeType.name());
        if (def == null) {
            return null;
        }
        if (provider == Provider.MYSQL) {
            switch (def.name()) {
                case "TinyInt", "UnsignedTinyInt":
                    return "Int";
                case "Bit":
                    return "Bytes";
                default:
                    break;
            }
        }
        return def.scalarTypes().get(0);
    }

    /** The connector name Prisma uses in native type messages: {@code Postgres}, {@code MySQL}, {@code SQLite}. */
    public static String connectorName(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> "Postgres";
            case MYSQL -> "MySQL";
            case SQLITE -> "SQLite";
        };
    }

    private static Map<String, NativeTypeDefinition> table(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> POSTGRES;
            case MYSQL -> MYSQL;
            case SQLITE -> Map.of();
        };
    }

    private static NativeTypeDefinition def(String name, NativeTypeArguments args, String... scalarTypes) {
        return new NativeTypeDefinition(name, args, List.of(scalarTypes));
    }

    private static Map<String, NativeTypeDefinition> defs(NativeTypeDefinition... defs) {
        Map<String, NativeTypeDefinition> map = new LinkedHashMap<>();
        for (NativeTypeDefinition def : defs) {
            map.put(def.name(), def);
        }
        return Collections.unmodifiableMap(map);
    }
}
