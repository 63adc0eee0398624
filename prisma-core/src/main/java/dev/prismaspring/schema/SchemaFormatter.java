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
        dev.prismaspring.psl.ast.SchemaAst ast = dev.prismaspring.psl.PslParser.parse(files).ast();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            out.add(dev.prismaspring.psl.format.PslFormatter.format(ast, i));
        }
        return out;
    }
}
