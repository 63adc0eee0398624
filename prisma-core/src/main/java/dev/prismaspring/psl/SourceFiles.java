package dev.prismaspring.psl;

import java.util.List;

/**
 * The files of one schema, in a fixed order; a {@link Span}'s {@code fileId} indexes this list.
 * A single-file schema is a list of one.
 */
public record SourceFiles(List<SourceFile> files) {

    public SourceFiles {
        files = List.copyOf(files);
    }

    public static SourceFiles of(SourceFile... files) {
        return new SourceFiles(List.of(files));
    }

    public static SourceFiles single(String name, String text) {
        return of(new SourceFile(name, text));
    }

    public SourceFile get(int fileId) {
        return files.get(fileId);
    }

    public SourceFile fileOf(Span span) {
        return files.get(span.fileId());
    }

    public int size() {
        return files.size();
    }
}
