package dev.prismaspring.schema;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.psl.ast.SchemaAst;

/**
 * The outcome of reading a schema: its syntax tree, its resolved datamodel and every diagnostic
 * (syntax and validation, in Prisma's order).
 *
 * @param ast         the syntax tree
 * @param datamodel   the resolved datamodel; complete only when {@link #isValid()}
 * @param diagnostics errors and warnings
 */
public record ValidatedSchema(SchemaAst ast, Datamodel datamodel, Diagnostics diagnostics) {

    public SourceFiles files() {
        return ast.files();
    }

    /** Valid means no errors; warnings are allowed. */
    public boolean isValid() {
        return !diagnostics.hasErrors();
    }
}
