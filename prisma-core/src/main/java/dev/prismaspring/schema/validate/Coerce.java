package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.ast.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Turns expressions into values of the expected kind, reporting Prisma's type-mismatch errors. */
final class Coerce {

    private Coerce() {
    }

    static String mismatch(String expected, Expression expr) {
        return "Expected a " + expected + " value, but received " + expr.describe() + " value `" + expr.raw() + "`.";
    }

    static String string(Expression expr, Diagnostics d) {
        if (expr instanceof Expression.StringValue s) {
            return s.value();
        }
        d.error(mismatch("string", expr), expr.span());
        return null;
    }

    static String constant(Expression expr, Diagnostics d) {
        if (expr instanceof Expression.ConstantValue c) {
            return c.value();
        }
        d.error(mismatch("constant", expr), expr.span());
        return null;
    }

    static Long integer(Expression expr, Diagnostics d) {
        if (expr instanceof Expression.NumericValue n) {
            try {
                return Long.parseLong(n.value());
            } catch (NumberFormatException e) {
                // falls through to the mismatch error
            }
        }
        d.error(mismatch("numeric", expr), expr.span());
        return null;
    }

    static Boolean bool(Expression expr, Diagnostics d) {
        if (expr instanceof Expression.ConstantValue c && (c.value().equals("true") || c.value().equals("false"))) {
            return Boolean.valueOf(c.value());
        }
        d.error(mismatch("boolean", expr), expr.span());
        return null;
    }

    /** An array of values (a single value counts as an array of one); {@code null} if any element failed. */
    static <T> List<T> array(Expression expr, BiFunction<Expression, Diagnostics, T> coerce, Diagnostics d) {
        List<Expression> elements = expr instanceof Expression.ArrayValue a ? a.elements() : List.of(expr);
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (Expression e : elements) {
            T v = coerce.apply(e, d);
            if (v == null) {
                ok = false;
            } else {
                out.add(v);
            }
        }
        return ok ? out : null;
    }
}
