package dev.prismaspring.schema.nativetypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.ast.ConfigProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresExtensionsTest {

    private static ConfigProperty property(String value) {
        return new TestSchema("datasource db {\n  provider = \"postgresql\"\n  url = \"x\"\n  extensions = " + value + "\n}\n")
                .datasourceProperty("extensions");
    }

    /** Both stages, as the validator runs them: parsing with the datasource, the rules in the pipeline. */
    private static List<PostgresExtension> parseAndValidate(ConfigProperty property, boolean previewFeature, Diagnostics d) {
        List<PostgresExtension> extensions = PostgresExtensions.parse(property.value(), d);
        PostgresExtensions.validate(extensions, PostgresExtensions.propertySpan(property), previewFeature, d);
        return extensions;
    }

    @Test
    void parsesArgumentsAndSortsByName() {
        Diagnostics d = new Diagnostics();
        List<PostgresExtension> ext = parseAndValidate(
                property("[uuid_ossp(map: \"uuid-ossp\", schema: \"ext\"), citext, postgis(version: \"3.4\")]"), true, d);
        assertThat(d.all()).isEmpty();
        assertThat(ext).extracting(PostgresExtension::name).containsExactly("citext", "postgis", "uuid_ossp");
        assertThat(ext.get(2).dbName()).isEqualTo("uuid-ossp");
        assertThat(ext.get(2).databaseName()).isEqualTo("uuid-ossp");
        assertThat(ext.get(2).schema()).isEqualTo("ext");
        assertThat(ext.get(1).version()).isEqualTo("3.4");
        assertThat(ext.get(0).databaseName()).isEqualTo("citext");
    }

    @Test
    void aSingleValueIsOneExtension() {
        Diagnostics d = new Diagnostics();
        assertThat(parseAndValidate(property("postgis"), true, d))
                .extracting(PostgresExtension::name).containsExactly("postgis");
        assertThat(d.all()).isEmpty();
    }

    @Test
    void namesMustNotStartWithANumber() {
        Diagnostics d = new Diagnostics();
        PostgresExtensions.validate(List.of(new PostgresExtension("1abc", dev.prismaspring.psl.Span.EMPTY, null, null, null),
                new PostgresExtension("", dev.prismaspring.psl.Span.EMPTY, null, null, null)), dev.prismaspring.psl.Span.EMPTY, true, d);
        assertThat(d.errors()).extracting(Diagnostic::message).containsExactly(
                "Error validating: The name of an extension must not start with a number.",
                "Error validating: The name of an extension must not be empty.");
    }

    @Test
    void withoutThePreviewFeatureOnlyTheGateIsReported() {
        Diagnostics d = new Diagnostics();
        ConfigProperty p = property("[uuid-ossp]");
        parseAndValidate(p, false, d);
        assertThat(d.errors()).extracting(Diagnostic::message).containsExactly(
                "The `extensions` property is only available with the `postgresqlExtensions` preview feature.");
        assertThat(d.errors().get(0).span().start()).isEqualTo(p.span().start());
        assertThat(d.errors().get(0).span().end()).isEqualTo(p.value().span().end());
    }

    @Test
    void invalidElementsStopArgumentChecks() {
        Diagnostics d = new Diagnostics();
        assertThat(parseAndValidate(property("[postgis(foo: \"x\"), 1, [a]]"), true, d)).isNull();
        assertThat(d.errors()).extracting(Diagnostic::message).containsExactly(
                "Expected a constant or function value, but received numeric value `1`.",
                "Expected a constant or function value, but received array value `[a]`.");
    }
}
