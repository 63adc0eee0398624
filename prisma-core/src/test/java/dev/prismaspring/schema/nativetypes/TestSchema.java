package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.nio.file.Path;
import java.util.Set;

/** A schema text run through the real validator, with the pieces the tests of this package take from it. */
final class TestSchema {

    static final Path CORPUS = Path.of("/work/shared/corpus");
    static final Set<String> SCALARS = Set.of("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes");

    final String text;
    final ValidatedSchema result;

    TestSchema(String text) {
        this.text = text;
        this.result = SchemaValidator.validate(text);
    }

    Datamodel.Datasource datasource() {
        return result.datamodel().datasource();
    }

    Provider provider() {
        return datasource().provider();
    }

    /** The datasource property of this name, as written. */
    ConfigProperty datasourceProperty(String name) {
        return result.ast().configBlocks().get(0).property(name);
    }

    /** The first attribute with a dotted name ({@code @db.Text}) of a field, or {@code null}. */
    static Attribute nativeTypeAttribute(Field field) {
        return field.attributes().stream().filter(a -> a.nameText().contains(".")).findFirst().orElse(null);
    }
}
