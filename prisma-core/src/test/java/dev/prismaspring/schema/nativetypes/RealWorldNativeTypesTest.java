package dev.prismaspring.schema.nativetypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.ModelDecl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code @db.*} attribute of the real-world schemas validates for its provider and field type. */
class RealWorldNativeTypesTest {

    static Stream<Path> schemas() throws IOException {
        try (Stream<Path> files = Files.list(TestSchema.CORPUS.resolve("realworld"))) {
            return files.filter(p -> p.toString().endsWith(".prisma")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void allNativeTypesValidate(Path schema) throws IOException {
        TestSchema h = new TestSchema(Files.readString(schema));
        assertThat(h.provider()).isNotNull();
        String datasourceName = h.datasource().name();
        Diagnostics d = new Diagnostics();
        int checked = 0;
        for (ModelDecl model : h.result.ast().models()) {
            for (Field field : model.fields()) {
                if (!TestSchema.SCALARS.contains(field.typeName())) {
                    continue;
                }
                for (Attribute attribute : field.attributes()) {
                    if (!attribute.nameText().startsWith(datasourceName + ".")) {
                        continue;
                    }
                    NativeType nt = NativeTypeValidator.validate(h.provider(), h.datasource().providerName(), datasourceName,
                            field.typeName(), attribute, d);
                    assertThat(nt).as(model.name().name() + "." + field.name().name()).isNotNull();
                    checked++;
                }
            }
        }
        assertThat(d.all()).isEmpty();
        // the whole schema (indexes, keys, extensions) gets its verdict in RealWorldValidationTest
        if (Files.readString(schema).contains("@" + datasourceName + ".")) {
            assertThat(checked).isPositive();
        }
    }
}
