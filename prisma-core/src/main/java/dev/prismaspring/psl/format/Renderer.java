package dev.prismaspring.psl.format;

/**
 * The output stream of the formatter: text plus the current indentation, which is written
 * lazily before the first text of each line (so empty lines carry no indentation).
 */
final class Renderer {

    private final StringBuilder out = new StringBuilder();
    private final int indentWidth;
    private int indent;

    Renderer(int indentWidth) {
        this.indentWidth = indentWidth;
    }

    void indentUp() {
        indent++;
    }

    void indentDown() {
        if (indent == 0) {
            throw new IllegalStateException("indentation error");
        }
        indent--;
    }

    /** Writes text; at the start of a line (even for empty text) the indentation comes first. */
    void write(String text) {
        if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
            out.append(" ".repeat(indent * indentWidth));
        }
        out.append(text);
    }

    void endLine() {
        out.append('\n');
    }

    boolean endsWithNewline() {
        return !out.isEmpty() && out.charAt(out.length() - 1) == '\n';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
