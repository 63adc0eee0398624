package dev.prismaspring.psl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells aligned into columns, as Prisma's formatter lays out the lines of a block.
 *
 * <p>A regular row has cells and a suffix (an end-of-line comment) that does not take part in
 * the layout; an interleaved row is free text (an unparseable line) that is written as is and
 * does not influence the column widths either. Column widths are measured in UTF-8 bytes, as
 * Prisma does, so rows with non-ASCII text line up exactly as {@code prisma format} lines them up.
 */
final class TableFormat {

    private sealed interface Row permits Regular, Interleaved {
    }

    private record Regular(List<StringBuilder> cells, StringBuilder suffix) implements Row {
    }

    private record Interleaved(StringBuilder text) implements Row {
    }

    private static final int COLUMN_SPACING = 1;

    private final List<Row> rows = new ArrayList<>();

    /** Starts a new (empty) regular row; an empty row renders as a blank line. */
    void startNewLine() {
        rows.add(new Regular(new ArrayList<>(), new StringBuilder()));
    }

    /**
     * The cell at {@code index} of the current row, creating it (and any missing cells before it),
     * and dropping cells after it, as Prisma's column-locked writer does.
     */
    StringBuilder column(int index) {
        Row last = rows.get(rows.size() - 1);
        if (last instanceof Interleaved interleaved) {
            return interleaved.text();
        }
        List<StringBuilder> cells = ((Regular) last).cells();
        while (cells.size() > index + 1) {
            cells.remove(cells.size() - 1);
        }
        while (cells.size() < index + 1) {
            cells.add(new StringBuilder());
        }
        return cells.get(index);
    }

    void interleave(String text) {
        rows.add(new Interleaved(new StringBuilder(text)));
    }

    void appendSuffix(String text) {
        if (rows.isEmpty() || !(rows.get(rows.size() - 1) instanceof Regular regular)) {
            throw new IllegalStateException("not inside a regular table row");
        }
        regular.suffix().append(text);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Writes all rows, one line each, and empties the table. */
    void render(Renderer target) {
        int[] max = new int[0];
        for (Row row : rows) {
            if (row instanceof Regular regular) {
                List<StringBuilder> cells = regular.cells();
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (cells.size() > max.length) {
                    max = java.util.Arrays.copyOf(max, cells.size());
                }
                for (int i = 0; i < cells.size(); i++) {
                    max[i] = Math.max(max[i], utf8Length(cells.get(i)));
                }
            }
        }
        for (Row row : rows) {
            if (row instanceof Regular regular) {
                List<StringBuilder> cells = regular.cells();
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i).toString();
                    target.write(cell);
                    if (i < cells.size() - 1) {
                        target.write(" ".repeat(max[i] - utf8Length(cell) + COLUMN_SPACING));
                    }
                }
                if (!regular.suffix().isEmpty()) {
                    if (!cells.isEmpty()) {
                        target.write(" ");
                    }
                    target.write(regular.suffix().toString());
                }
            } else {
                target.write(((Interleaved) row).text().toString());
            }
            target.endLine();
        }
        rows.clear();
    }

    /** Length of the text in UTF-8 bytes. */
    static int utf8Length(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isSurrogate(c)) {
                length += 2; // a surrogate pair is 4 bytes
            } else {
                length += 3;
            }
        }
        return length;
    }
}
