package dev.prismaspring.client.typed;

import java.util.List;

/**
 * Prisma's scalar list filter ({@code String[]} and the like, PostgreSQL only).
 *
 * @param <T> the element type
 */
public final class ScalarListFilter<T> extends PrismaInput {

    /** {@code equals: [values]}. */
    public ScalarListFilter<T> equalTo(List<T> values) {
        arg("equals", List.copyOf(values));
        return this;
    }

    /** {@code has: value}. */
    public ScalarListFilter<T> has(T value) {
        arg("has", value);
        return this;
    }

    /** {@code hasEvery: [values]}. */
    public ScalarListFilter<T> hasEvery(List<T> values) {
        arg("hasEvery", List.copyOf(values));
        return this;
    }

    /** {@code hasSome: [values]}. */
    public ScalarListFilter<T> hasSome(List<T> values) {
        arg("hasSome", List.copyOf(values));
        return this;
    }

    /** {@code isEmpty: value}. */
    public ScalarListFilter<T> isEmpty(boolean value) {
        arg("isEmpty", value);
        return this;
    }
}
