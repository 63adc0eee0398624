package dev.prismaspring.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the harness: Prisma's own migration SQL for each real-world schema (corpus §8.1/8.2), applied to a
 * fresh database, gives exactly the expected catalog dump.
 */
class RealWorldCatalogTest {

    /** Statements a schema needs before its SQL applies (corpus §8.2). */
    private static final Map<String, String> PRELUDE = Map.of(
            "documenso__documenso", "CREATE EXTENSION pg_trgm",
            "lukevella__rallly", "CREATE EXTENSION citext");

    /** Schemas whose SQL fails by design, with the reason. */
    private static final Map<String, String> SKIPPED = Map.of(
            "stack-auth__stack-auth", "its SQL fails by design: a dbgenerated default refers to another column "
                    + "(cannot use column reference in DEFAULT expression); no catalog dump exists (corpus §8.2)");

    static Stream<String> postgresSchemas() {
        return expectedDir().map(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".postgresql.sql"))
                        .map(n -> n.substring(0, n.length() - ".postgresql.sql".length()))
                        .sorted().toList().stream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElseGet(() -> Stream.of("<corpus missing>"));
    }

    private static Optional<Path> expectedDir() {
        return TestSchemas.corpus().map(c -> c.resolve("realworld/expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresSchemas")
    void postgresCatalogMatchesPrisma(String name) throws Exception {
        Path dir = requireCorpus();
        if (SKIPPED.containsKey(name)) {
            String message = "[realworld] skipping " + name + ": " + SKIPPED.get(name);
            System.out.println(message);
            Assumptions.abort(message);
        }
        String sql = Files.readString(dir.resolve(name + ".postgresql.sql"));
        String expected = Files.readString(dir.resolve(name + ".pg-catalog.txt"));
        try (TestDatabase db = TestDatabases.create(DbKind.POSTGRES, name)) {
            if (PRELUDE.containsKey(name)) {
                db.execute(PRELUDE.get(name));
            }
            db.execute(sql);
            assertThat(db.catalog()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.prismaspring.testdb.RealWorldCatalogTest#sqliteSchemas")
    void sqliteCatalogMatchesPrisma(String name) throws Exception {
        Path dir = requireCorpus();
        String sql = Files.readString(dir.resolve(name + ".sqlite.sql"));
        String expected = Files.readString(dir.resolve(name + ".sqlite-catalog.txt"));
        try (TestDatabase db = TestDatabases.create(DbKind.SQLITE, name)) {
            db.execute(sql);
            assertThat(db.catalog()).isEqualTo(expected);
        }
    }

    static Stream<String> sqliteSchemas() {
        return Stream.of("spacedriveapp__spacedrive");
    }

    private static Path requireCorpus() {
        Optional<Path> dir = expectedDir();
        Assumptions.assumeTrue(dir.isPresent(), "shared corpus not found");
        return dir.get();
    }
}
