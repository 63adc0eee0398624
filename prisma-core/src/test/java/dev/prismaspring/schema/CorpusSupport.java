package dev.prismaspring.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared test corpus and reads the expectation blocks of validation fixtures. */
final class CorpusSupport {

    private CorpusSupport() {
    }

    /** The corpus directory, or {@code null} when it cannot be found. */
    static Path corpusDir() {
        String prop = System.getProperty("prisma.corpus.dir");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).normalize();
        }
        Path fallback = Paths.get("../../shared/corpus").toAbsolutePath().normalize();
        return Files.isDirectory(fallback) ? fallback : null;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The expected output of a validation fixture, as upstream's harness reads it: the last run of
     * lines starting with {@code //} at column 0 that reaches the end of the file, each line stripped
     * of all leading {@code "// "} and terminated by a newline.
     */
    static String expectation(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int blockStart = -1; // byte offset of the first line of the current run
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int from = i + 1;
            int to = i + 3;
            if (to > bytes.length || !isCharBoundary(bytes, from) || !isCharBoundary(bytes, to)) {
                continue; // Rust's str::get yields None: the open block is not reset
            }
            if (bytes[from] == '/' && bytes[from + 1] == '/') {
                if (blockStart < 0) {
                    blockStart = from;
                }
            } else {
                blockStart = -1;
            }
        }
        if (blockStart < 0) {
            return "";
        }
        String block = new String(bytes, blockStart, bytes.length - blockStart, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        // Rust's str::lines: split on \n, drop a trailing \r, no final empty line
        String[] lines = block.split("\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        for (int k = 0; k < n; k++) {
            String line = lines[k];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            while (line.startsWith("// ")) {
                line = line.substring(3);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static boolean isCharBoundary(byte[] bytes, int index) {
        if (index == bytes.length) {
            return true;
        }
        return (bytes[index] & 0xC0) != 0x80;
    }
}
