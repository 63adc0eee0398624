package dev.prismaspring.psl;

import java.util.Arrays;
import java.util.Objects;

/**
 * One {@code .prisma} file: its display name (as used in diagnostics) and its text, with a line
 * index for turning offsets into 1-based lines and columns.
 */
public final class SourceFile {

    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = computeLineStarts(text);
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The name shown in diagnostics, e.g. {@code schema.prisma}. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** 0-based line index of the character at {@code offset}. */
    public int lineIndex(int offset) {
        int idx = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), text.length()));
        return idx >= 0 ? idx : -idx - 2;
    }

    /** 1-based line number of the character at {@code offset}. */
    public int line(int offset) {
        return lineIndex(offset) + 1;
    }

    /** 1-based column (in UTF-16 code units) of the character at {@code offset}. */
    public int column(int offset) {
        return Math.min(Math.max(offset, 0), text.length()) - lineStarts[lineIndex(offset)] + 1;
    }

    /** Number of lines ({@code \n}-separated; a final line without newline counts). */
    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset of the first character of the 0-based line {@code lineIndex}. */
    public int lineStart(int lineIndex) {
        return lineStarts[lineIndex];
    }

    /** Text of the 0-based line {@code lineIndex}, without its line terminator. */
    public String lineText(int lineIndex) {
        int start = lineStarts[lineIndex];
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r' && end < text.length()) {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    /** The text a span covers. */
    public String slice(Span span) {
        return text.substring(span.start(), span.end());
    }

    @Override
    public String toString() {
        return name;
    }
}
