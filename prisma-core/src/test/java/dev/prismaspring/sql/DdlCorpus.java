package dev.prismaspring.sql;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Shared helpers of the DDL conformance tests: corpus paths, schema loading, line diffs. */
final class DdlCorpus {

    private DdlCorpus() {
    }

    /** {@code realworld/expected} of the corpus, aborting (with a printed reason) when the corpus is absent. */
    static Path expectedDir() {
        Optional<Path> corpus = TestSchemas.corpus();
        if (corpus.isEmpty()) {
            String message = "[ddl] skipping: shared corpus not found (set -Dprisma.corpus.dir)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        return corpus.get().resolve("realworld/expected");
    }

    /** The real-world schema names that have Prisma-generated SQL with this extension ({@code .postgresql.sql}). */
    static Stream<String> realWorldWith(String extension) {
        Optional<Path> corpus = TestSchemas.corpus();
        if (corpus.isEmpty()) {
            return Stream.of("<corpus missing>");
        }
        try (Stream<Path> files = Files.list(corpus.get().resolve("realworld/expected"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension))
                    .map(n -> n.substring(0, n.length() - extension.length())).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input Prisma used: {@code expected/<name>.normalised.prisma} when it exists, else {@code <name>.prisma}. */
    static Path realWorldInput(String name) {
        Path dir = expectedDir();
        Path normalised = dir.resolve(name + ".normalised.prisma");
        return Files.exists(normalised) ? normalised : dir.getParent().resolve(name + ".prisma");
    }

    /** Validates a schema text and fails with its diagnostics when it is invalid. */
    static ValidatedSchema validate(String text, String what) {
        ValidatedSchema schema = SchemaValidator.validate(text);
        if (!schema.isValid()) {
            throw new AssertionError(what + " is invalid: " + schema.diagnostics().errors());
        }
        return schema;
    }

    /** The first lines where two texts differ, for messages. */
    static String firstDifferences(String expected, String actual, int max) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        List<String> out = new ArrayList<>();
        int n = Math.max(e.length, a.length);
        for (int i = 0; i < n && out.size() < max; i++) {
            String el = i < e.length ? e[i] : "<none>";
            String al = i < a.length ? a[i] : "<none>";
            if (!el.equals(al)) {
                out.add("line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al);
            }
        }
        return String.join("\n", out);
    }

    /** Lines of {@code a} missing from {@code b} (as multisets are not needed here: sets of sorted dump lines). */
    static List<String> missing(String a, String b) {
        List<String> bl = List.of(b.split("\n"));
        return Stream.of(a.split("\n")).filter(l -> !bl.contains(l)).toList();
    }
}
