package dev.prismaspring.client.typed;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Prisma's {@code JsonFilter}: {@code equals}, {@code not}, a {@code path} and the string/array operators. */
public final class JsonFilter extends PrismaInput {

    /** {@code equals: value}. */
    public JsonFilter equalTo(JsonNode value) {
        arg("equals", value);
        return this;
    }

    /** {@code not: value}. */
    public JsonFilter not(JsonNode value) {
        arg("not", value);
        return this;
    }

    /** {@code path: [keys]}: the operators apply to the value at this path. */
    public JsonFilter path(String... keys) {
        arg("path", List.of(keys));
        return this;
    }

    /** {@code string_contains: value}. */
    public JsonFilter stringContains(String value) {
        arg("string_contains", value);
        return this;
    }

    /** {@code string_starts_with: value}. */
    public JsonFilter stringStartsWith(String value) {
        arg("string_starts_with", value);
        return this;
    }

    /** {@code string_ends_with: value}. */
    public JsonFilter stringEndsWith(String value) {
        arg("string_ends_with", value);
        return this;
    }

    /** {@code array_contains: value}. */
    public JsonFilter arrayContains(JsonNode value) {
        arg("array_contains", value);
        return this;
    }

    /** {@code array_starts_with: value}. */
    public JsonFilter arrayStartsWith(JsonNode value) {
        arg("array_starts_with", value);
        return this;
    }

    /** {@code array_ends_with: value}. */
    public JsonFilter arrayEndsWith(JsonNode value) {
        arg("array_ends_with", value);
        return this;
    }
}
