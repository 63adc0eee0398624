package dev.prismaspring.cli;

import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a schema given as one {@code .prisma} file or a folder of them (searched recursively,
 * in path order, as Prisma does for multi-file schemas).
 */
final class SchemaLoader {

    private SchemaLoader() {
    }

    /** A loaded schema: its files and the path each came from. */
    record LoadedSchema(SourceFiles files, List<Path> paths) {
    }

    static LoadedSchema load(Path location) {
        if (!Files.exists(location)) {
            throw CliException.usage("Schema not found at " + location + ". Pass --schema with a .prisma file or a "
                    + "folder of .prisma files.");
        }
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".prisma"))
                        .sorted().forEach(paths::add);
            } catch (IOException e) {
                throw CliException.usage("Could not read the folder " + location + ": " + e.getMessage() + ".");
            }
            if (paths.isEmpty()) {
                throw CliException.usage("The folder " + location + " holds no .prisma files.");
            }
        } else {
            paths.add(location);
        }
        List<SourceFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(new SourceFile(displayName(path), read(path)));
        }
        return new LoadedSchema(new SourceFiles(files), List.copyOf(paths));
    }

    private static String read(Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CliException.user("The schema file " + path + " is not valid UTF-8. Save it as UTF-8 and try again.");
        } catch (IOException e) {
            throw CliException.usage("Could not read " + path + ": " + e.getMessage() + ".");
        }
    }

    /** The name diagnostics show: the path relative to the working directory when it lies below it. */
    private static String displayName(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : path.toString();
    }
}
