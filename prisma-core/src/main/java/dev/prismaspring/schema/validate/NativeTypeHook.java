package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import java.util.List;

/**
 * Where the full native-type validation ({@code @db.VarChar(255)} etc.: known type names per
 * connector, argument counts and values, compatibility with the field's scalar type) plugs in.
 * The validator already checks the datasource prefix and records the type in the datamodel.
 *
 * <p>TODO(native-types): wire the per-connector native type checks in here.
 */
final class NativeTypeHook {

    private NativeTypeHook() {
    }

    /**
     * Validates one native type attribute of a scalar field.
     *
     * @param provider the datasource provider
     * @param scalar   the field's scalar type
     * @param typeName the native type name without prefix, e.g. {@code VarChar}
     * @param args     the arguments as written (strings unescaped)
     * @param span     the attribute
     * @param d        where to report
     */
    static void check(Provider provider, Datamodel.ScalarType scalar, String typeName, List<String> args, Span span,
                      Diagnostics d) {
        // intentionally empty until the native-types work lands
    }
}
