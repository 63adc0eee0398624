package dev.prismaspring.migrate.files;

import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;

/**
 * The text a migration keeps as its {@code schema.prisma} snapshot: one schema file as it is; several files
 * concatenated, each after a {@code // file: <name>} comment (a comment, so the snapshot stays one valid schema).
 * The CLI and the starter write the same snapshot for the same schema.
 */
public final class SchemaSnapshot {

    private SchemaSnapshot() {
    }

    /** The snapshot text of a schema made of {@code files}. */
    public static String text(SourceFiles files) {
        if (files.size() == 1) {
            return files.get(0).text();
        }
        StringBuilder out = new StringBuilder();
        for (SourceFile f : files.files()) {
            out.append("// file: ").append(f.name()).append('\n').append(f.text());
            if (!f.text().endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
