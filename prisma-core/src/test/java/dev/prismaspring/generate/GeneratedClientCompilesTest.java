package dev.prismaspring.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated client of every valid real-world schema in the shared corpus and of the repository's own fixtures
 * compiles with {@code javax.tools} under {@code -Xlint:all} without a single diagnostic.
 */
class GeneratedClientCompilesTest {

    @TempDir
    Path tmp;

    static List<Path> schemas() {
        List<Path> out = new ArrayList<>(TestSchemas.ownFixtures().stream()
                .filter(p -> p.toString().contains("schemas/") || p.toString().contains("generate/")).toList());
        TestSchemas.corpus().ifPresent(c -> {
            try (Stream<Path> files = Files.list(c.resolve("realworld"))) {
                files.filter(p -> p.toString().endsWith(".prisma")).sorted().forEach(out::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // -Dprisma.generate.only=a,b narrows the run while working on the generator
        String only = System.getProperty("prisma.generate.only");
        if (only != null && !only.isBlank()) {
            List<String> parts = List.of(only.split(","));
            out.removeIf(p -> parts.stream().noneMatch(x -> p.getFileName().toString().contains(x)));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> generatedCodeCompilesWithoutWarnings() {
        return schemas().stream().map(schema -> DynamicTest.dynamicTest(schema.getFileName().toString(), () -> {
            ValidatedSchema v = SchemaValidator.validate(TestSchemas.read(schema));
            if (!v.isValid()) {
                System.out.println("[generate] " + schema.getFileName() + " is not a valid schema (as expected for "
                        + "webstudio's views with primary keys): no client to generate");
                assertThat(schema.getFileName().toString()).isEqualTo("webstudio-is__webstudio.prisma");
                return;
            }
            String pkg = "gen." + schema.getFileName().toString().replaceAll("\\.prisma$", "")
                    .replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
            long t0 = System.nanoTime();
            List<GeneratedSource> sources = JavaClientGenerator.generate(v.datamodel(), pkg);
            long generateMs = (System.nanoTime() - t0) / 1_000_000;
            Path dir = tmp.resolve(pkg);
            List<Path> files = JavaSourceCompiler.write(sources, dir.resolve("src"));
            long start = System.nanoTime();
            JavaSourceCompiler.Result r = JavaSourceCompiler.compile(files, dir.resolve("classes"), List.of());
            System.out.printf("[generate] %s: %d models, %d files, generated in %d ms, compiled in %d ms%n",
                    schema.getFileName(), v.datamodel().models().size(), files.size(), generateMs,
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(r.diagnostics()).as(schema.getFileName() + ":\n" + r.report()).isEmpty();
            assertThat(r.success()).isTrue();
        }));
    }
}
