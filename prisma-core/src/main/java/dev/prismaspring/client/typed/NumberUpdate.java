package dev.prismaspring.client.typed;

/**
 * An atomic number operation in an update ({@code increment}, {@code decrement}, {@code multiply},
 * {@code divide}, {@code set}): {@code views(NumberUpdate.increment(1))}.
 *
 * @param <T> the field's Java type
 */
public final class NumberUpdate<T extends Number> extends PrismaInput {

    private NumberUpdate(String operation, T value) {
        arg(operation, value);
    }

    /** {@code increment: by}. */
    public static <T extends Number> NumberUpdate<T> increment(T by) {
        return new NumberUpdate<>("increment", by);
    }

    /** {@code decrement: by}. */
    public static <T extends Number> NumberUpdate<T> decrement(T by) {
        return new NumberUpdate<>("decrement", by);
    }

    /** {@code multiply: by}. */
    public static <T extends Number> NumberUpdate<T> multiply(T by) {
        return new NumberUpdate<>("multiply", by);
    }

    /** {@code divide: by}. */
    public static <T extends Number> NumberUpdate<T> divide(T by) {
        return new NumberUpdate<>("divide", by);
    }

    /** {@code set: value}. */
    public static <T extends Number> NumberUpdate<T> set(T value) {
        return new NumberUpdate<>("set", value);
    }
}
