package dev.prismaspring.client.typed;

import java.util.function.Consumer;

/** Helpers for generated code. */
public final class Inputs {

    private Inputs() {
    }

    /** {@code input} after {@code spec} filled it in: the lambda forms of the generated setters. */
    public static <T> T build(T input, Consumer<? super T> spec) {
        spec.accept(input);
        return input;
    }
}
