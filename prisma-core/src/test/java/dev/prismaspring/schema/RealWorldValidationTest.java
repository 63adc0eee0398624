package dev.prismaspring.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The 14 real-world schemas of the corpus under the project's rule (Prisma 7.10, but {@code url},
 * {@code directUrl}, {@code shadowDatabaseUrl} accepted and {@code metrics} a deprecated feature).
 *
 * <p>Two checks per schema: the original file must get the project's verdict (valid, warnings
 * allowed; webstudio rejected with its four "Views cannot have primary keys." errors), with the
 * diagnostics Prisma 6.19 gives when it accepts the file's dialect; and the input of the
 * {@code prisma7_normalised} result (the normalised copy, or the file itself when Prisma 7 already
 * accepts it) must give exactly Prisma 7.10's diagnostics (message and start line).
 */
class RealWorldValidationTest {

    private static final String WEBSTUDIO = "webstudio-is__webstudio";

    @TestFactory
    Stream<DynamicTest> realWorldSchemas() throws IOException {
        Path corpus = CorpusSupport.corpusDir();
        assumeTrue(corpus != null, "shared corpus not found (set -Dprisma.corpus.dir); skipping real-world schemas");
        Path dir = corpus.resolve("realworld");
        List<Path> schemas;
        try (Stream<Path> list = Files.list(dir)) {
            schemas = list.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
        }
        assertThat(schemas).hasSize(14);
        ObjectMapper mapper = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path schema : schemas) {
            String name = schema.getFileName().toString().replaceFirst("\\.prisma$", "");
            JsonNode expected = mapper.readTree(dir.resolve("expected/" + name + ".validate.json").toFile());
            tests.add(DynamicTest.dynamicTest(name + " (project rule)", () -> checkOriginal(schema, name, expected)));
            tests.add(DynamicTest.dynamicTest(name + " (Prisma 7.10)", () -> checkPrisma7(dir, schema, name, expected)));
        }
        Path multi = dir.resolve("multifile");
        if (Files.isDirectory(multi)) {
            try (Stream<Path> list = Files.list(multi)) {
                for (Path folder : list.sorted().toList()) {
                    String name = folder.getFileName().toString();
                    tests.add(DynamicTest.dynamicTest(name + " (multi-file originals)", () -> checkMultiFile(dir, folder)));
                }
            }
        }
        return tests.stream();
    }

    /** The original files of a multi-file schema validate as their joined copy does. */
    private static void checkMultiFile(Path dir, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
        }
        List<SourceFile> sources = new ArrayList<>();
        for (Path p : files) {
            sources.add(new SourceFile(folder.relativize(p).toString(), CorpusSupport.read(p)));
        }
        ValidatedSchema multi = SchemaValidator.validate(new SourceFiles(sources));
        ValidatedSchema joined = SchemaValidator.validate(CorpusSupport.read(dir.resolve(folder.getFileName() + ".prisma")));
        assertThat(multi.isValid()).as(multi.diagnostics().toString()).isEqualTo(joined.isValid());
        assertThat(multi.diagnostics().warnings()).extracting(Diagnostic::message)
                .containsExactlyElementsOf(joined.diagnostics().warnings().stream().map(Diagnostic::message).toList());
        assertThat(multi.datamodel().models()).hasSameSizeAs(joined.datamodel().models());
    }

    private static void checkOriginal(Path schema, String name, JsonNode expected) {
        ValidatedSchema result = SchemaValidator.validate(CorpusSupport.read(schema));
        JsonNode p6 = expected.get("prisma6_19");
        boolean prisma7Style = !p6.get("ok").asBoolean() && p6.get("errors").size() == 1
                && p6.get("errors").get(0).get("message").asString().startsWith("Argument \"url\" is missing");
        if (name.equals(WEBSTUDIO)) {
            assertThat(result.isValid()).as(name + " must be rejected").isFalse();
            assertThat(render(result.diagnostics().errors(), result)).containsExactlyElementsOf(expectedList(p6, "errors"));
            assertThat(render(result.diagnostics().warnings(), result))
                    .containsExactlyElementsOf(expectedList(p6, "warnings"));
            return;
        }
        assertThat(result.isValid()).as(name + " must be valid: " + render(result.diagnostics().errors(), result))
                .isTrue();
        // Prisma 6.19 accepts the Prisma-6-style files, and then its warnings are the project's
        // (metrics included); Prisma-7-style files are checked against Prisma 7.10 instead.
        JsonNode reference = prisma7Style ? expected.get("prisma7") : p6;
        assertThat(render(result.diagnostics().warnings(), result))
                .containsExactlyElementsOf(expectedList(reference, "warnings"));
    }

    private static void checkPrisma7(Path dir, Path schema, String name, JsonNode expected) {
        JsonNode reference = expected.has("prisma7_normalised") ? expected.get("prisma7_normalised") : expected.get("prisma7");
        Path input = expected.has("prisma7_normalised") ? dir.resolve("expected/" + name + ".normalised.prisma") : schema;
        ValidatedSchema result = SchemaValidator.validate(CorpusSupport.read(input));
        assertThat(result.isValid()).isEqualTo(reference.get("ok").asBoolean());
        assertThat(render(result.diagnostics().errors(), result))
                .containsExactlyElementsOf(expectedList(reference, "errors"));
        assertThat(render(result.diagnostics().warnings(), result))
                .containsExactlyElementsOf(expectedList(reference, "warnings"));
    }

    private static List<String> expectedList(JsonNode result, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : result.get(key)) {
            out.add(d.get("startLine").asInt() + ": " + d.get("message").asString());
        }
        return out;
    }

    private static List<String> render(List<Diagnostic> diagnostics, ValidatedSchema result) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            SourceFile file = result.files().fileOf(d.span());
            out.add(file.line(d.span().start()) + ": " + d.message());
        }
        return out;
    }
}
