package dev.prismaspring.schema.nativetypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.schema.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativeTypeValidatorTest {

    /** Parses a one-field model and validates the field's native type attribute. */
    private static final class Case {
        final TestSchema h;
        final Field field;
        final Attribute attribute;
        final Diagnostics diagnostics = new Diagnostics();
        final NativeType result;

        Case(String provider, String fieldDecl) {
            h = new TestSchema("datasource db {\n  provider = \"" + provider + "\"\n  url = \"x\"\n}\n\nmodel A {\n  id Int @id\n  f " + fieldDecl + "\n}\n");
            field = h.result.ast().models().get(0).fields().get(1);
            attribute = TestSchema.nativeTypeAttribute(field);
            result = NativeTypeValidator.validate(h.provider(), h.datasource().providerName(), h.datasource().name(),
                    field.typeName(), attribute, diagnostics);
        }

        String onlyError() {
            assertThat(diagnostics.warnings()).isEmpty();
            assertThat(diagnostics.errors()).hasSize(1);
            Diagnostic d = diagnostics.errors().get(0);
            assertThat(d.span()).isEqualTo(attribute.span());
            return d.message();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | String @db.VarChar(255)     | VarChar(255)
            postgresql | String @db.VarChar          | VarChar
            postgresql | String @db.Text             | Text
            postgresql | String @db.Uuid             | Uuid
            postgresql | String @db.Citext           | Citext
            postgresql | DateTime @db.Timestamp(6)   | Timestamp(6)
            postgresql | DateTime @db.Timestamptz(0) | Timestamptz(0)
            postgresql | DateTime @db.Date           | Date
            postgresql | Decimal @db.Decimal(20, 12) | Decimal(20,12)
            postgresql | Decimal @db.Decimal         | Decimal
            postgresql | Decimal @db.Money           | Money
            postgresql | Json @db.JsonB              | JsonB
            postgresql | Bytes @db.ByteA             | ByteA
            postgresql | Int @db.SmallInt            | SmallInt
            postgresql | Int @db.Oid                 | Oid
            postgresql | BigInt @db.BigInt           | BigInt
            postgresql | Float @db.Real              | Real
            postgresql | Boolean @db.Boolean         | Boolean
            postgresql | String @db.Bit(1)           | Bit(1)
            postgresql | String @db.Char(10)         | Char(10)
            postgres   | String @db.Xml              | Xml
            mysql      | String @db.VarChar(191)     | VarChar(191)
            mysql      | String @db.LongText         | LongText
            mysql      | Boolean @db.TinyInt         | TinyInt
            mysql      | Int @db.UnsignedTinyInt     | UnsignedTinyInt
            mysql      | Boolean @db.Bit(1)          | Bit(1)
            mysql      | Bytes @db.Bit(64)           | Bit(64)
            mysql      | DateTime @db.DateTime(3)    | DateTime(3)
            mysql      | DateTime @db.Timestamp      | Timestamp
            mysql      | Decimal @db.Decimal(65, 30) | Decimal(65,30)
            mysql      | Int @db.Year                | Year
            mysql      | Bytes @db.VarBinary(16)     | VarBinary(16)
            mysql      | String @db.Char(255)        | Char(255)
            mysql      | String @db.VarChar(65535)   | VarChar(65535)
            """)
    void acceptsValidNativeTypes(String provider, String decl, String rendered) {
        Case c = new Case(provider, decl);
        assertThat(c.diagnostics.all()).isEmpty();
        assertThat(c.result.render()).isEqualTo(rendered);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | String @db.Foo               | Native type Foo is not supported for postgresql connector.
            postgres   | String @db.Foo               | Native type Foo is not supported for postgres connector.
            postgresql | String @db.varchar           | Native type varchar is not supported for postgresql connector.
            sqlite     | String @db.Text              | Native type Text is not supported for sqlite connector.
            mysql      | String @db.Citext            | Native type Citext is not supported for mysql connector.
            mysql      | String @db.VarChar           | Function "VarChar" takes 1 arguments, but received 0.
            mysql      | String @db.VarChar(1, 2)     | Function "VarChar" takes 1 arguments, but received 2.
            postgresql | String @db.Text(5)           | Function "Text" takes 0 arguments, but received 1.
            postgresql | String @db.VarChar(1, 2)     | Native type VarChar takes 1 optional arguments, but received 2.
            postgresql | Decimal @db.Decimal(1, 2, 3) | Native type Decimal takes 2 optional arguments, but received 3.
            postgresql | Int @db.Text                 | Native type Text is not compatible with declared field type Int, expected field type String.
            mysql      | String @db.TinyInt           | Native type TinyInt is not compatible with declared field type String, expected field type Boolean or Int.
            mysql      | String @db.Bit(1)            | Native type Bit is not compatible with declared field type String, expected field type Boolean or Bytes.
            postgresql | String @db.VarChar(-1)       | Expected a nonnegative integer, but found (-1).
            postgresql | String @db.VarChar(1.5)      | Expected a nonnegative integer, but found (1.5).
            postgresql | String @db.VarChar("10")     | Expected a nonnegative integer, but found ("10").
            postgresql | String @db.VarChar(4294967296) | Expected a nonnegative integer, but found (4294967296).
            postgresql | Decimal @db.Decimal(10)      | Expected two nonnegative integers, but found (10).
            mysql      | Decimal @db.Decimal(10, x)   | Expected two nonnegative integers, but found (10, x).
            postgresql | DateTime @db.Timestamp(7)    | Argument M is out of range for native type `Timestamp(7)` of Postgres: M can range from 0 to 6.
            postgresql | DateTime @db.Timetz(9)       | Argument M is out of range for native type `Timetz(9)` of Postgres: M can range from 0 to 6.
            postgresql | Decimal @db.Decimal(2, 3)    | The scale must not be larger than the precision for the Decimal(2,3) native type in Postgres.
            postgresql | Decimal @db.Decimal(0, 0)    | Argument M is out of range for native type `Decimal(0,0)` of Postgres: Precision must be positive with a maximum value of 1000.
            postgresql | Decimal @db.Decimal(1001, 2) | Argument M is out of range for native type `Decimal(1001,2)` of Postgres: Precision must be positive with a maximum value of 1000.
            postgresql | String @db.VarBit(0)         | Argument M is out of range for native type `VarBit(0)` of Postgres: M must be a positive integer.
            mysql      | Decimal @db.Decimal(66, 2)   | Argument M is out of range for native type `Decimal(66,2)` of MySQL: Precision can range from 1 to 65.
            mysql      | Decimal @db.Decimal(65, 31)  | Argument M is out of range for native type `Decimal(65,31)` of MySQL: Scale can range from 0 to 30.
            mysql      | Decimal @db.Decimal(3, 5)    | The scale must not be larger than the precision for the Decimal(3,5) native type in MySQL.
            mysql      | Bytes @db.Bit(0)             | Argument M is out of range for native type `Bit(0)` of MySQL: M can range from 1 to 64.
            mysql      | Bytes @db.Bit(65)            | Argument M is out of range for native type `Bit(65)` of MySQL: M can range from 1 to 64.
            mysql      | Boolean @db.Bit(2)           | Argument M is out of range for native type `Bit(2)` of MySQL: only Bit(1) can be used as Boolean.
            mysql      | String @db.Char(256)         | Argument M is out of range for native type `Char(256)` of MySQL: M can range from 0 to 255.
            mysql      | String @db.VarChar(65536)    | Argument M is out of range for native type `VarChar(65536)` of MySQL: M can range from 0 to 65,535.
            """)
    void reportsPrismasMessages(String provider, String decl, String message) {
        Case c = new Case(provider, decl);
        assertThat(c.onlyError()).isEqualTo(message);
    }

    @Test
    void outOfRangeArgumentsStillResolve() {
        Case c = new Case("postgresql", "DateTime @db.Timestamp(7)");
        assertThat(c.result).isEqualTo(NativeType.of("Timestamp", "7"));
    }

    @Test
    void failedChecksResolveToNull() {
        assertThat(new Case("postgresql", "Int @db.Text").result).isNull();
        assertThat(new Case("sqlite", "String @db.Text").result).isNull();
        assertThat(new Case("mysql", "String @db.VarChar").result).isNull();
    }

    @Test
    void reportsAWrongDatasourcePrefixAndContinues() {
        Case c = new Case("postgresql", "Int @foo.Text");
        assertThat(c.diagnostics.errors()).extracting(Diagnostic::message).containsExactly(
                "The prefix foo is invalid. It must be equal to the name of an existing datasource e.g. db. Did you mean to use db.Text?",
                "Native type Text is not compatible with declared field type Int, expected field type String.");
        assertThat(c.diagnostics.errors()).allSatisfy(d -> assertThat(d.span()).isEqualTo(c.attribute.span()));
    }

    @Test
    void withoutDatasourceNameThePrefixIsNotChecked() {
        Case c = new Case("postgresql", "String @foo.Text");
        Diagnostics d = new Diagnostics();
        assertThat(NativeTypeValidator.validate(Provider.POSTGRESQL, "String", c.attribute, d)).isEqualTo(NativeType.of("Text"));
        assertThat(d.all()).isEmpty();
    }

    @Test
    void theErrorSpanIsTheWholeAttribute() {
        Case c = new Case("postgresql", "DateTime @db.Timestamp(7)");
        int start = c.h.text.indexOf("@db.Timestamp(7)");
        assertThat(c.diagnostics.errors().get(0).span().start()).isEqualTo(start);
        assertThat(c.diagnostics.errors().get(0).span().end()).isEqualTo(start + "@db.Timestamp(7)".length());
    }

    @Test
    void resolveReportsNothing() {
        Case c = new Case("mysql", "String @db.Text");
        assertThat(NativeTypeValidator.resolve(Provider.MYSQL, c.attribute)).isEqualTo(NativeType.of("Text"));
        assertThat(NativeTypeValidator.resolve(Provider.SQLITE, c.attribute)).isNull();
        assertThat(NativeTypeValidator.resolve(Provider.POSTGRESQL, new Case("postgresql", "String @db.VarChar(x)").attribute)).isNull();
    }
}
