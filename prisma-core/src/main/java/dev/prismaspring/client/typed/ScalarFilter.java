package dev.prismaspring.client.typed;

import java.util.Arrays;
import java.util.List;

/**
 * The operators every scalar filter has ({@code equals}, {@code in}, {@code notIn}, {@code not}). The null tests
 * ({@code isNull()}, {@code isNotNull()}) are public only on the {@code ...NullableFilter} classes the generator uses
 * for optional fields, as Prisma's {@code IntFilter} and {@code IntNullableFilter}: the engine rejects them on
 * required fields, so there they do not compile.
 *
 * @param <T> the field's Java type
 * @param <F> the concrete filter (for chaining)
 */
public abstract class ScalarFilter<T, F extends ScalarFilter<T, F>> extends PrismaInput {

    /** The concrete filter, for fluent setters. */
    @SuppressWarnings("unchecked")
    protected final F self() {
        return (F) this;
    }

    /** {@code equals: value}. (Named {@code equalTo} so as not to overload {@link Object#equals}.) */
    public final F equalTo(T value) {
        arg("equals", value);
        return self();
    }

    /** {@code in: [values]}. */
    public final F in(List<T> values) {
        arg("in", List.copyOf(values));
        return self();
    }

    /** {@code in: [values]}. */
    @SafeVarargs
    public final F in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code notIn: [values]}. */
    public final F notIn(List<T> values) {
        arg("notIn", List.copyOf(values));
        return self();
    }

    /** {@code notIn: [values]}. */
    @SafeVarargs
    public final F notIn(T... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code not: value}. */
    public final F not(T value) {
        arg("not", value);
        return self();
    }

    /** {@code not: { ...filter }}. */
    public final F not(F filter) {
        arg("not", filter);
        return self();
    }

    /** {@code equals: null}; made public by the nullable filters. */
    protected final F equalsNull() {
        arg("equals", null);
        return self();
    }

    /** {@code not: null}; made public by the nullable filters. */
    protected final F notNull() {
        arg("not", null);
        return self();
    }
}
