package dev.prismaspring.psl;

import java.util.List;

/**
 * Prints diagnostics the way Prisma does: a header line, the file and line, and a code frame with
 * the span highlighted. With colours the output is byte-identical to Prisma's; without, it is the
 * same text minus the ANSI codes (as {@code prisma validate} prints in a pipe).
 */
public final class DiagnosticPrinter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String BLUE = "\u001b[1;94m";
    private static final String UNDERLINE = "\u001b[4m";
    private static final String RED = "\u001b[1;91m";
    private static final String YELLOW = "\u001b[1;93m";

    private final boolean colors;

    public DiagnosticPrinter(boolean colors) {
        this.colors = colors;
    }

    /** Prints every diagnostic, warnings first, each followed by its code frame. */
    public String print(SourceFiles files, List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            print(out, files.fileOf(diagnostic.span()), diagnostic);
        }
        return out.toString();
    }

    /** Prints one diagnostic with its code frame. */
    public String print(SourceFile file, Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        print(out, file, diagnostic);
        return out.toString();
    }

    private void print(StringBuilder out, SourceFile file, Diagnostic diagnostic) {
        String text = file.text();
        Span span = diagnostic.span();
        int start = Math.min(span.start(), text.length());
        int end = Math.min(Math.max(span.end(), start), text.length());
        String[] lines = text.split("\n", -1);
        int startLine = count(text, start);
        int endLine = count(text, end);
        int lineStart = file.lineStart(startLine);
        String line = lines[startLine];
        int startInLine = start - lineStart;
        int endInLine = Math.min(startInLine + (end - start), line.length());
        String kindColor = diagnostic.isError() ? RED : YELLOW;
        String kind = diagnostic.isError() ? "error" : "warning";

        out.append(paint(kindColor, kind)).append(": ").append(paint(BOLD, diagnostic.message())).append('\n');
        out.append("  ").append(paint(BLUE, "-->")).append("  ")
                .append(paint(UNDERLINE, file.name() + ":" + (startLine + 1))).append('\n');
        out.append(gutter(0)).append('\n');
        out.append(gutterWithLine(startLine, lines)).append('\n');
        String offending = line.substring(startInLine, endInLine);
        out.append(gutter(startLine + 1)).append(line, 0, startInLine)
                .append(offending.isEmpty() ? "" : paint(kindColor, offending))
                .append(line.substring(endInLine)).append('\n');
        if (offending.isEmpty()) {
            out.append(gutter(0)).append(" ".repeat(startInLine)).append(paint(kindColor, "^ Unexpected token."))
                    .append('\n');
        }
        for (int n = startLine + 2; n < endLine + 2; n++) {
            out.append(gutterWithLine(n, lines)).append('\n');
        }
        out.append(gutter(0)).append('\n');
    }

    private static int count(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private String gutterWithLine(int lineNumber, String[] lines) {
        if (lineNumber > 0 && lineNumber <= lines.length) {
            return gutter(lineNumber) + lines[lineNumber - 1];
        }
        return gutter(lineNumber);
    }

    private String gutter(int lineNumber) {
        return paint(BLUE, lineNumber > 0 ? String.format("%2d | ", lineNumber) : "   | ");
    }

    private String paint(String style, String text) {
        return colors ? style + text + RESET : text;
    }
}
