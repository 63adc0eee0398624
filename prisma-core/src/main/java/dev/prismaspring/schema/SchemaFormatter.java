package dev.prismaspring.schema;

import dev.prismaspring.psl.SourceFiles;
import java.util.List;

/**
 * Formats a schema exactly as {@code prisma format} does, including the relation fields and
 * {@code @relation} attributes that Prisma adds where a relation lacks its other side.
 */
public final class SchemaFormatter {

    private SchemaFormatter() {
    }

    /** Formats a one-file schema. */
    public static String format(String text) {
        return format(SourceFiles.single("schema.prisma", text)).get(0);
    }

    /** Formats every file of a schema; the result has one text per file, in the same order. */
    public static List<String> format(SourceFiles files) {
        // placeholder until the formatter lands: returns the input unchanged
        return files.files().stream().map(f -> f.text()).toList();
    }
}
