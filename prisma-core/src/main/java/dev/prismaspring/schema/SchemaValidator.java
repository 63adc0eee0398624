package dev.prismaspring.schema;

import dev.prismaspring.psl.PslParser;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.schema.validate.SchemaValidation;

/**
 * Parses and validates a schema as Prisma 7.10 does (with the project's one difference: the
 * datasource may still carry {@code url}, {@code directUrl} and {@code shadowDatabaseUrl}).
 * Never throws on bad input.
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    /** Validates a one-file schema named {@code schema.prisma}. */
    public static ValidatedSchema validate(String text) {
        return validate(SourceFiles.single("schema.prisma", text));
    }

    /** Validates all files of a schema together. */
    public static ValidatedSchema validate(SourceFiles files) {
        PslParser.Result parsed = PslParser.parse(files);
        Datamodel datamodel = SchemaValidation.validate(parsed.ast(), parsed.diagnostics());
        return new ValidatedSchema(parsed.ast(), datamodel, parsed.diagnostics());
    }
}
