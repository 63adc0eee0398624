package dev.prismaspring.autoconfigure;

import dev.prismaspring.migrate.files.SchemaSnapshot;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.util.Objects;

/**
 * The application's schema as loaded from {@code prisma.schema-location}: its files, validated, with a provider.
 *
 * @param location  the location it was loaded from, as configured
 * @param validated the validated schema (without errors)
 */
public record PrismaSchema(String location, ValidatedSchema validated) {

    public PrismaSchema {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(validated, "validated");
        if (!validated.isValid() || validated.datamodel().provider() == null) {
            throw new IllegalArgumentException("the schema at " + location + " is not valid or has no provider");
        }
    }

    /** The datamodel. */
    public Datamodel datamodel() {
        return validated.datamodel();
    }

    /** The provider of the schema's datasource block. */
    public Provider provider() {
        return datamodel().provider();
    }

    /** The tables, columns, indexes and foreign keys the schema asks for. */
    public SqlSchema sqlSchema() {
        return SqlSchemaCalculator.calculate(datamodel());
    }

    /** The text a new migration keeps as its {@code schema.prisma} snapshot (the CLI's format). */
    public String snapshotText() {
        return SchemaSnapshot.text(validated.files());
    }
}
