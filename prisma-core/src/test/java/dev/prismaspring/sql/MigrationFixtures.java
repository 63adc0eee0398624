package dev.prismaspring.sql;

import dev.prismaspring.TestSchemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Reads the expected SQL of the corpus's migration fixtures ({@code migrations/**}, corpus README §4). */
final class MigrationFixtures {

    private static final String MARKER = "// Expected Migration:";

    private MigrationFixtures() {
    }

    /** The SQL after {@code // Expected Migration:} with the {@code // } prefixes removed, ending in a newline. */
    static String expectedSql(String fixture) {
        Optional<Path> corpus = TestSchemas.corpus();
        Assumptions.assumeTrue(corpus.isPresent(), "shared corpus not found");
        String text = TestSchemas.read(corpus.get().resolve("migrations").resolve(fixture));
        int at = text.indexOf(MARKER);
        if (at < 0) {
            throw new IllegalArgumentException(fixture + " has no expected migration");
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.substring(at + MARKER.length()).split("\n", -1)) {
            if (line.startsWith("// ")) {
                lines.add(line.substring(3));
            } else if (line.equals("//")) {
                lines.add("");
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
