package dev.prismaspring.psl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.SchemaMutator;
import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.SchemaFormatter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: no input crashes the parser, validator or formatter. Every corpus schema (and the
 * repository's own fixtures) is cut at random points and has random bytes flipped; each mutant must
 * end in diagnostics, never an exception, and with spans that lie inside the text.
 */
class RobustnessTest {

    private static final long SEED = Long.getLong("prisma.fuzz.seed", 20261121L);
    /** Characters that matter to the grammar; flipping to them reaches the parser's recovery paths. */
    private static final String SYNTAX = "{}()[]@\"\\\n\r:=,.?!/*";
    private static final int MUTANTS_PER_FILE = Integer.getInteger("prisma.fuzz.mutants", 12);
    /** Structural mutants per file (each validated and formatted). */
    private static final int EDITS_PER_FILE = Integer.getInteger("prisma.fuzz.schemaEdits", 3);

    @Test
    void mutatedSchemasNeverCrash() {
        List<Path> files = new ArrayList<>(TestSchemas.ownFixtures());
        TestSchemas.corpus().ifPresent(corpus -> files.addAll(TestSchemas.prismaFiles(corpus)));
        Random random = new Random(SEED);
        int mutants = 0;
        int withErrors = 0;
        for (Path file : files) {
            byte[] original = TestSchemas.read(file).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                String mutant = new String(mutate(original, random), StandardCharsets.UTF_8);
                mutants++;
                try {
                    if (!check(mutant)) {
                        continue;
                    }
                    withErrors++;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("crash on a mutant of " + file + " (seed " + SEED + ", mutant " + i
                            + "):\n" + mutant, e);
                }
            }
        }
        System.out.printf("[fuzz] %d mutants of %d files (seed %d): no crash, %d ended in errors%n",
                mutants, files.size(), SEED, withErrors);
        assertThat(mutants).isGreaterThan(0);
    }

    /**
     * Structural edits (fields, models, types, arity, attributes, relation sides, indexes; {@link SchemaMutator}):
     * every mutant ends in a datamodel or in diagnostics, never an exception. Their migrations are checked in
     * {@code dev.prismaspring.migrate.SchemaMutationRoundTripTest}.
     */
    @Test
    void structurallyEditedSchemasNeverCrash() {
        List<Path> files = new ArrayList<>(TestSchemas.ownFixtures());
        TestSchemas.corpus().ifPresent(corpus -> files.addAll(TestSchemas.prismaFiles(corpus.resolve("realworld"))));
        SchemaMutator mutator = new SchemaMutator(new Random(SEED));
        int mutants = 0;
        int valid = 0;
        for (Path file : files) {
            String original = TestSchemas.read(file);
            for (int i = 0; i < EDITS_PER_FILE; i++) {
                SchemaMutator.Mutant mutant = mutator.mutate(original, 3);
                mutants++;
                try {
                    valid += check(mutant.text()) ? 0 : 1;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("crash on a mutant of " + file + " (seed " + SEED + ", mutant " + i
                            + ", edits " + mutant.edits() + "):\n" + mutant.text(), e);
                }
            }
        }
        System.out.printf("[fuzz] %d structural mutants of %d files (seed %d): no crash, %d valid%n",
                mutants, files.size(), SEED, valid);
        assertThat(mutants).isGreaterThan(0);
        assertThat(valid).as("some mutants stay valid").isGreaterThan(0);
    }

    /** Validates and formats; returns whether the mutant had errors. */
    private static boolean check(String text) {
        ValidatedSchema result = SchemaValidator.validate(text);
        SourceFile file = result.files().get(0);
        for (Diagnostic d : result.diagnostics().all()) {
            assertThat(d.span().end()).isLessThanOrEqualTo(file.text().length());
        }
        new DiagnosticPrinter(true).print(result.files(), result.diagnostics().all());
        String formatted = SchemaFormatter.format(text);
        assertThat(formatted).isNotNull();
        return result.diagnostics().hasErrors();
    }

    private static byte[] mutate(byte[] original, Random random) {
        if (original.length == 0) {
            return original;
        }
        byte[] bytes = random.nextBoolean()
                ? java.util.Arrays.copyOf(original, random.nextInt(original.length + 1))
                : original.clone();
        int flips = bytes.length == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = random.nextInt(3) == 0 ? (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()))
                    : (byte) random.nextInt(256);
        }
        return bytes;
    }
}
