package dev.prismaspring.client.typed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An argument object of the typed client: an ordered set of Prisma argument names and values that becomes the
 * {@code Map} the dynamic client takes ({@link #toPrismaArgs()}). Generated inputs ({@code UserWhereInput},
 * {@code UserCreateInput}, ...) and the shared filters extend it; a setter called twice keeps the last value.
 */
public abstract class PrismaInput {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Sets argument {@code name}; for generated code and subclasses. */
    protected final void arg(String name, Object value) {
        values.put(name, value);
    }

    /** Whether nothing was set. */
    public final boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The arguments as Prisma Client's argument tree: nested inputs become maps, DateTime values ISO-8601 strings,
     * Bytes base64 strings, enums their schema names; numbers, strings, booleans and Json trees stay as they are.
     */
    public final Map<String, Object> toPrismaArgs() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, toArgument(v)));
        return out;
    }

    /** One value as the dynamic client expects it in an argument tree. */
    public static Object toArgument(Object value) {
        if (value instanceof PrismaInput in) {
            return in.toPrismaArgs();
        }
        if (value instanceof PrismaEnum e) {
            return e.prismaName();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant t) {
            return t.toString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(toArgument(x)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toArgument(v)));
            return out;
        }
        return value;
    }

    /** The argument tree as text, for logs and test messages. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + toPrismaArgs();
    }
}
