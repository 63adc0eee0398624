package dev.prismaspring.psl;

/**
 * A region of one source file: {@code start} inclusive, {@code end} exclusive, both counted in
 * UTF-16 code units (Java {@code String} indices) of the file's text.
 *
 * @param fileId index of the file in its {@link SourceFiles}
 * @param start  first character of the region
 * @param end    one past the last character of the region
 */
public record Span(int fileId, int start, int end) {

    /** A span that points nowhere; used for synthesised nodes. */
    public static final Span EMPTY = new Span(0, 0, 0);

    public Span {
        if (end < start) {
            throw new IllegalArgumentException("span end " + end + " before start " + start);
        }
    }

    /** Whether {@code other} lies inside this span (same file). */
    public boolean contains(Span other) {
        return fileId == other.fileId && start <= other.start && other.end <= end;
    }

    /** Length in characters. */
    public int length() {
        return end - start;
    }
}
