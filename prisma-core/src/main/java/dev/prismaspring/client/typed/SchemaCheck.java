package dev.prismaspring.client.typed;

import dev.prismaspring.client.ModelDelegate;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.query.QuerySchema;
import java.util.Optional;

/**
 * Checks, when a generated {@code Prisma} class is created, that the {@link PrismaClient}'s schema still has the
 * models and fields the code was generated from, so a stale generated client fails at startup with one sentence
 * instead of at its first query.
 */
public final class SchemaCheck {

    private SchemaCheck() {
    }

    /** The client's delegate for {@code model}, after checking it has every one of {@code fields}. */
    public static ModelDelegate model(PrismaClient client, String model, String... fields) {
        Optional<QuerySchema.ModelInfo> info = client.schema().find(model);
        if (info.isEmpty()) {
            throw new IllegalStateException("The generated Prisma client does not match the schema: it has no model '"
                    + model + "'. Generate the client again from the current schema (mvn generate-sources or "
                    + "prisma generate).");
        }
        for (String field : fields) {
            if (!info.get().fieldNames().contains(field)) {
                throw new IllegalStateException("The generated Prisma client does not match the schema: model '"
                        + model + "' has no field '" + field + "'. Generate the client again from the current "
                        + "schema (mvn generate-sources or prisma generate).");
            }
        }
        return client.model(model);
    }
}
