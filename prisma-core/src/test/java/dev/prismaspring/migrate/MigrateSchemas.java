package dev.prismaspring.migrate;

import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Schema text to {@link SqlSchema} for the migrate tests. */
final class MigrateSchemas {

    static final Path SERIES = Path.of("src/test/resources/migrate/series");

    private MigrateSchemas() {
    }

    static String provider(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    /** The SqlSchema of a schema text, its provider replaced by the one of {@code kind}. */
    static SqlSchema sql(String text, DbKind kind) {
        String replaced = text.replace("provider = \"postgresql\"", "provider = \"" + provider(kind) + "\"");
        ValidatedSchema v = SchemaValidator.validate(replaced);
        if (!v.isValid()) {
            throw new AssertionError("invalid schema for " + kind + ": " + v.diagnostics().errors() + "\n" + replaced);
        }
        return SqlSchemaCalculator.calculate(v.datamodel());
    }

    /** A models-only schema text with a datasource block for {@code provider} put in front. */
    static SqlSchema models(String provider, String models) {
        ValidatedSchema v = SchemaValidator.validate("datasource db {\n  provider = \"" + provider + "\"\n}\n\n" + models);
        if (!v.isValid()) {
            throw new AssertionError("invalid schema: " + v.diagnostics().errors() + "\n" + models);
        }
        return SqlSchemaCalculator.calculate(v.datamodel());
    }

    /** Version {@code n} (1-based) of the series. */
    static String seriesText(int n) {
        try {
            return Files.readString(SERIES.resolve(String.format("v%02d.prisma", n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int seriesLength() {
        int n = 0;
        while (Files.exists(SERIES.resolve(String.format("v%02d.prisma", n + 1)))) {
            n++;
        }
        return n;
    }
}
