package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.schema.Datamodel;

/**
 * Validates a parsed schema in Prisma's phases and resolves it into a {@link Datamodel}: names, types, attributes,
 * relations (Prisma's parser database), then the configuration blocks, then, only if nothing failed so far, the
 * validation pipeline. Each phase is a class of this package; they share a {@link ValidationContext}.
 */
public final class SchemaValidation {

    private SchemaValidation() {
    }

    /** Validates {@code ast}, adding to {@code diagnostics} (which already holds the syntax errors). */
    public static Datamodel validate(SchemaAst ast, Diagnostics diagnostics) {
        ValidationContext context = new ValidationContext(ast, diagnostics);
        new NameResolution(context).run();
        if (!diagnostics.hasErrors()) {
            new TypeResolution(context).run();
            if (!diagnostics.hasErrors()) {
                new AttributeResolution(context).run();
                new RelationInference(context).run();
            }
        }
        context.configure(new ConfigValidation(ast, diagnostics).run());
        if (!diagnostics.hasErrors()) {
            new ValidationPipeline(context).run();
        }
        return new DatamodelBuilder(context).build();
    }
}
