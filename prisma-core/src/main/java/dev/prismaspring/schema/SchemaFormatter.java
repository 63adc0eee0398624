package dev.prismaspring.schema;

import dev.prismaspring.psl.PslParser;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.format.PslFormatter;
import dev.prismaspring.schema.format.RelationCompletion;
import java.util.ArrayList;
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
        PslParser.Result parsed = PslParser.parse(files);
        SchemaAst ast = parsed.ast();
        if (!parsed.diagnostics().hasErrors()) {
            List<RelationCompletion.Insertion> insertions = RelationCompletion.insertions(ast);
            if (!insertions.isEmpty()) {
                ast = PslParser.parse(RelationCompletion.apply(files, insertions)).ast();
            }
        }
        List<String> formatted = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            formatted.add(PslFormatter.format(ast, i));
        }
        return formatted;
    }
}
