package dev.prismaspring.schema.nativetypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.schema.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeTypeCatalogTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | String   | Text
            POSTGRESQL | Int      | Integer
            POSTGRESQL | BigInt   | BigInt
            POSTGRESQL | Float    | DoublePrecision
            POSTGRESQL | Decimal  | Decimal(65,30)
            POSTGRESQL | DateTime | Timestamp(3)
            POSTGRESQL | Boolean  | Boolean
            POSTGRESQL | Bytes    | ByteA
            POSTGRESQL | Json     | JsonB
            MYSQL      | String   | VarChar(191)
            MYSQL      | DateTime | DateTime(3)
            MYSQL      | Boolean  | TinyInt
            MYSQL      | Float    | Double
            MYSQL      | Bytes    | LongBlob
            MYSQL      | Decimal  | Decimal(65,30)
            MYSQL      | Json     | Json
            MYSQL      | Int      | Int
            MYSQL      | BigInt   | BigInt
            """)
    void defaults(Provider provider, String scalar, String nativeType) {
        assertThat(NativeTypeCatalog.defaultFor(provider, scalar).render()).isEqualTo(nativeType);
    }

    @Test
    void sqliteHasNoNativeTypes() {
        assertThat(NativeTypeCatalog.forProvider(Provider.SQLITE)).isEmpty();
        for (String scalar : NativeTypeCatalog.SCALAR_TYPES) {
            assertThat(NativeTypeCatalog.defaultFor(Provider.SQLITE, scalar)).isNull();
        }
    }

    @Test
    void everyDefaultIsInTheCatalogAndCompatible() {
        for (Provider p : new Provider[] {Provider.POSTGRESQL, Provider.MYSQL}) {
            for (String scalar : NativeTypeCatalog.SCALAR_TYPES) {
                NativeType def = NativeTypeCatalog.defaultFor(p, scalar);
                assertThat(def).as(p + " " + scalar).isNotNull();
                assertThat(NativeTypeCatalog.find(p, def.name())).get().satisfies(d -> assertThat(d.isCompatibleWith(scalar)).isTrue());
                assertThat(NativeTypeCatalog.isDefaultFor(p, def, scalar)).isTrue();
                assertThat(NativeTypeCatalog.scalarTypeFor(p, def)).isEqualTo(scalar.equals("Boolean") && p == Provider.MYSQL ? "Int" : scalar);
            }
        }
    }

    @Test
    void argumentShapes() {
        assertThat(NativeTypeCatalog.forProvider(Provider.POSTGRESQL)).hasSize(26);
        assertThat(NativeTypeCatalog.forProvider(Provider.MYSQL)).hasSize(32);
        NativeTypeDefinition varchar = NativeTypeCatalog.find(Provider.MYSQL, "VarChar").orElseThrow();
        assertThat(varchar.requiredArgumentCount()).isEqualTo(1);
        assertThat(varchar.optionalArgumentCount()).isZero();
        NativeTypeDefinition decimal = NativeTypeCatalog.find(Provider.POSTGRESQL, "Decimal").orElseThrow();
        assertThat(decimal.requiredArgumentCount()).isZero();
        assertThat(decimal.optionalArgumentCount()).isEqualTo(2);
        assertThat(NativeTypeCatalog.find(Provider.MYSQL, "TinyInt").orElseThrow().scalarTypes()).containsExactly("Boolean", "Int");
        assertThat(NativeTypeCatalog.connectorName(Provider.POSTGRESQL)).isEqualTo("Postgres");
        assertThat(NativeTypeCatalog.connectorName(Provider.MYSQL)).isEqualTo("MySQL");
    }

    @Test
    void integerArgumentsFollowRustsU32Parsing() {
        assertThat(NativeTypeArguments.parseU32("+10")).isEqualTo(10L);
        assertThat(NativeTypeArguments.parseU32("4294967295")).isEqualTo(4294967295L);
        assertThat(NativeTypeArguments.parseU32("4294967296")).isNull();
        assertThat(NativeTypeArguments.parseU32("-0")).isNull();
        assertThat(NativeTypeArguments.parseU32("")).isNull();
        assertThat(NativeTypeArguments.parseU32("007")).isEqualTo(7L);
    }
}
