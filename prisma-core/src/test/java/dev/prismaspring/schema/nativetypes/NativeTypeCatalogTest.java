package dev.prismaspring.schema.nativetypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.schema.Provider;
import org.junit.jupiter.api.Test;

class NativeTypeCatalogTest {

    @Test
    void postgresDefaults() {
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "String")).isEqualTo(NativeType.of("Text"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "Int")).isEqualTo(NativeType.of("Integer"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "BigInt")).isEqualTo(NativeType.of("BigInt"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "Float")).isEqualTo(NativeType.of("DoublePrecision"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "Decimal").render()).isEqualTo("Decimal(65,30)");
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "DateTime").render()).isEqualTo("Timestamp(3)");
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "Boolean")).isEqualTo(NativeType.of("Boolean"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "Bytes")).isEqualTo(NativeType.of("ByteA"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.POSTGRESQL, "Json")).isEqualTo(NativeType.of("JsonB"));
    }

    @Test
    void mysqlDefaults() {
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "String").render()).isEqualTo("VarChar(191)");
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "DateTime").render()).isEqualTo("DateTime(3)");
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "Boolean")).isEqualTo(NativeType.of("TinyInt"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "Float")).isEqualTo(NativeType.of("Double"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "Bytes")).isEqualTo(NativeType.of("LongBlob"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "Decimal").render()).isEqualTo("Decimal(65,30)");
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "Json")).isEqualTo(NativeType.of("Json"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "Int")).isEqualTo(NativeType.of("Int"));
        assertThat(NativeTypeCatalog.defaultFor(Provider.MYSQL, "BigInt")).isEqualTo(NativeType.of("BigInt"));
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
