package dev.prismaspring.schema.nativetypes;

import java.util.List;
import java.util.Objects;

/**
 * A resolved native type such as {@code VarChar(191)} or {@code Timestamp(3)}: its name as written after the
 * datasource prefix and its arguments as strings, in Prisma's canonical form (nonnegative integers without sign).
 *
 * @param name the native type name, e.g. {@code VarChar}
 * @param args the arguments, possibly empty
 */
public record NativeType(String name, List<String> args) {

    public NativeType {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    public static NativeType of(String name, String... args) {
        return new NativeType(name, List.of(args));
    }

    /** As Prisma renders it in messages: {@code Decimal(65,30)}, {@code Text}. */
    public String render() {
        return args.isEmpty() ? name : name + "(" + String.join(",", args) + ")";
    }

    /** The integer arguments (all native type arguments of the supported connectors are nonnegative integers). */
    public List<Long> numericArgs() {
        return args.stream().map(Long::parseLong).toList();
    }

    @Override
    public String toString() {
        return render();
    }
}
