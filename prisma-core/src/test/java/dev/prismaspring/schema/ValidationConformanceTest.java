package dev.prismaspring.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prismaspring.psl.DiagnosticPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every PSL validation fixture of the shared corpus (Prisma 6.19 expectations) and compares
 * the pretty-printed diagnostics byte for byte. Ratchet: the number of identical files must not drop.
 */
class ValidationConformanceTest {

    /** Files currently reproduced byte for byte; raise when more pass (all 122). */
    private static final int MINIMUM_IDENTICAL = 122;

    @Test
    void validationFixtures() throws IOException {
        Path corpus = CorpusSupport.corpusDir();
        assumeTrue(corpus != null, "shared corpus not found (set -Dprisma.corpus.dir); skipping validation fixtures");
        Path root = corpus.resolve("validation");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
        }
        DiagnosticPrinter printer = new DiagnosticPrinter(true);
        int identical = 0;
        List<String> differing = new ArrayList<>();
        for (Path file : files) {
            String text = CorpusSupport.read(file);
            String expected = CorpusSupport.expectation(text);
            String actual;
            try {
                ValidatedSchema result = SchemaValidator.validate(text);
                actual = printer.print(result.files(), result.diagnostics().all());
            } catch (RuntimeException e) {
                actual = "EXCEPTION " + e;
                e.printStackTrace();
            }
            String name = root.relativize(file).toString();
            if (expected.equals(actual)) {
                identical++;
            } else {
                differing.add(name + "\n      " + firstDifference(expected, actual));
            }
        }
        System.out.println("validation fixtures: " + identical + "/" + files.size() + " identical");
        for (String d : differing) {
            System.out.println("  differs: " + d);
        }
        assertThat(identical).as("identical validation fixtures").isGreaterThanOrEqualTo(MINIMUM_IDENTICAL);
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.replace("\u001b", "^[").split("\n", -1);
        String[] a = actual.replace("\u001b", "^[").split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected [" + el + "] got [" + al + "]";
            }
        }
        return "?";
    }
}
