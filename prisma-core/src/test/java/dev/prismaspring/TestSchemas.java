package dev.prismaspring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds test schemas: the repository's own fixtures and, when present, the shared corpus. */
public final class TestSchemas {

    private TestSchemas() {
    }

    /** The shared corpus folder ({@code ../shared/corpus}), if this checkout has it. */
    public static Optional<Path> corpus() {
        String property = System.getProperty("prisma.corpus.dir");
        List<Path> candidates = property != null
                ? List.of(Path.of(property))
                : List.of(Path.of("../shared/corpus"), Path.of("../../shared/corpus"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        System.out.println("[corpus] shared corpus not found (looked at " + candidates
                + "); corpus-based checks are skipped and only the repository's own fixtures run.");
        return Optional.empty();
    }

    /** The repository's own {@code .prisma} fixtures under {@code src/test/resources}. */
    public static List<Path> ownFixtures() {
        return prismaFiles(Path.of("src/test/resources"));
    }

    /** Every {@code .prisma} file below a folder, in path order. */
    public static List<Path> prismaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository's blog schema ({@code src/test/resources/schemas/blog.prisma}) for a provider; on SQLite,
     * which has no native types, without its {@code @db.*} attributes.
     */
    public static String blog(String provider) {
        String text = read(Path.of("src/test/resources/schemas/blog.prisma"))
                .replace("provider = \"postgresql\"", "provider = \"" + provider + "\"");
        return provider.equals("sqlite") ? text.replaceAll(" @db\\.\\w+(\\([^)]*\\))?", "") : text;
    }

    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
