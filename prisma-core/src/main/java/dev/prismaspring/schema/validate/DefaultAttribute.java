package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.validate.Model.Fld;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads {@code @default(...)}: literals, enum values, lists and the built-in functions, per field type. */
final class DefaultAttribute extends ValidationPhase {

    DefaultAttribute(ValidationContext context) {
        super(context);
    }

    private static final Set<String> KNOWN_DEFAULT_FUNCTIONS = Set.of("autoincrement", "now", "dbgenerated", "uuid",
            "cuid", "ulid", "nanoid", "auto", "sequence");

    void visitDefault(Fld f, AttributeContext ctx) {
        f.defaultAttr = ctx.current();
        Expression value = ctx.visitDefaultArg("value");
        if (value == null) {
            return;
        }
        f.defaultExpr = value;
        f.defaultMap = ctx.mapArgument();
        // @default(dbgenerated(...)) is valid on every type
        if (value instanceof Expression.FunctionCall fc && fc.name().equals("dbgenerated")) {
            f.defaultValue = dbgenerated(fc, ctx);
            return;
        }
        switch (f.kind) {
            case SCALAR -> f.defaultValue = scalarDefault(f, value, ctx);
            case ENUM -> f.defaultValue = f.isList() ? enumListDefault(f, value, ctx) : enumDefault(f, value, ctx);
            case UNSUPPORTED -> ctx.attributeError("Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
            case COMPOSITE -> d.error("Error validating field `" + f.name() + "` in composite type `"
                    + f.composite.name().name() + "`: Defaults on fields of type composite are not supported. Please "
                    + "remove the `@default` attribute.", ctx.span());
            default -> {
            }
        }
    }

    private Datamodel.DefaultValue scalarDefault(Fld f, Expression value, AttributeContext ctx) {
        ScalarType type = f.scalar;
        if (value instanceof Expression.FunctionCall fc) {
            String fn = fc.name();
            List<Argument> args = fc.arguments().arguments();
            if (fn.equals("autoincrement") && f.defaultMap != null) {
                ctx.attributeError("Naming an autoincrement default value is not allowed.");
                return null;
            }
            if (fn.equals("autoincrement") && (type == ScalarType.Int || type == ScalarType.BigInt)) {
                return emptyArgs(fn, args, ctx) ? new Datamodel.Autoincrement() : null;
            }
            if (type == ScalarType.String) {
                switch (fn) {
                    case "uuid" -> {
                        Integer v = versionArg(fn, args, ctx, Set.of(4, 7),
                                "`uuid()` takes either no argument, or a single integer argument which is either 4 or 7.");
                        return v == null ? null : new Datamodel.Uuid(v == 0 ? 4 : v);
                    }
                    case "cuid" -> {
                        Integer v = versionArg(fn, args, ctx, Set.of(1, 2),
                                "`cuid()` takes either no argument, or a single integer argument which is either 1 or 2.");
                        return v == null ? null : new Datamodel.Cuid(v == 0 ? 1 : v);
                    }
                    case "nanoid" -> {
                        Integer v = versionArg(fn, args, ctx, null,
                                "`nanoid()` takes either no argument, or a single integer argument between 2 and 255.");
                        return v == null ? null : new Datamodel.Nanoid(v == 0 ? null : v);
                    }
                    case "ulid" -> {
                        return emptyArgs(fn, args, ctx) ? new Datamodel.Ulid() : null;
                    }
                    default -> {
                    }
                }
            }
            if (fn.equals("now") && type == ScalarType.DateTime) {
                return emptyArgs(fn, args, ctx) ? new Datamodel.Now() : null;
            }
            if (fn.equals("auto")) {
                if (!args.isEmpty()) {
                    ctx.attributeError("`auto()` takes no arguments");
                } else {
                    f.defaultFunction = "auto";
                }
                return null;
            }
            if (!KNOWN_DEFAULT_FUNCTIONS.contains(fn)) {
                f.defaultFunction = fn;
                return null;
            }
            ctx.attributeError("The function `" + fn + "()` cannot be used on fields of type `" + type.name() + "`.");
            return null;
        }
        if (f.isList()) {
            if (!(value instanceof Expression.ArrayValue arr)) {
                ctx.attributeError("The default value of a list field must be a list.");
                return null;
            }
            return listDefault(arr.elements(), e -> literalDefault(type, e, ctx));
        }
        if (value instanceof Expression.ArrayValue) {
            ctx.attributeError("The default value of a non-list field cannot be a list.");
            return null;
        }
        return literalDefault(type, value, ctx);
    }

    private Datamodel.DefaultValue literalDefault(ScalarType type, Expression value, AttributeContext ctx) {
        boolean ok = switch (type) {
            case String, Json, Bytes, DateTime -> value instanceof Expression.StringValue;
            case Int, BigInt, Float -> value instanceof Expression.NumericValue;
            case Decimal -> value instanceof Expression.NumericValue || value instanceof Expression.StringValue;
            case Boolean -> value instanceof Expression.ConstantValue;
        };
        if (!ok) {
            ctx.attributeError("Expected a " + type.name() + " value, but found `" + value.raw() + "`.");
            return null;
        }
        if (value instanceof Expression.StringValue s) {
            return new Datamodel.Literal("string", s.value());
        }
        if (value instanceof Expression.NumericValue n) {
            return new Datamodel.Literal("numeric", n.value());
        }
        String c = ((Expression.ConstantValue) value).value();
        if (!c.equals("true") && !c.equals("false")) {
            attributeError("@default", "A boolean literal must be `true` or `false`.", value.span());
            return null;
        }
        return new Datamodel.Literal("boolean", c);
    }

    private Datamodel.DefaultValue enumDefault(Fld f, Expression value, AttributeContext ctx) {
        if (value instanceof Expression.ConstantValue c) {
            if (f.enumDecl.values().stream().noneMatch(v -> v.name().name().equals(c.value()))) {
                ctx.attributeError("The defined default value `" + c.value()
                        + "` is not a valid value of the enum specified for the field.");
                return null;
            }
            return new Datamodel.EnumValue(c.value());
        }
        ctx.attributeError("Expected an enum value, but found `" + value.raw() + "`.");
        return null;
    }

    private Datamodel.DefaultValue enumListDefault(Fld f, Expression value, AttributeContext ctx) {
        if (!(value instanceof Expression.ArrayValue arr)) {
            ctx.attributeError("Expected an enum value, but found `" + value.raw() + "`.");
            return null;
        }
        return listDefault(arr.elements(), e -> enumDefault(f, e, ctx));
    }

    /** A list default, element by element; {@code null} at the first invalid element (already reported). */
    private static Datamodel.DefaultValue listDefault(List<Expression> elements,
                                                      Function<Expression, Datamodel.DefaultValue> element) {
        List<Datamodel.DefaultValue> values = new ArrayList<>();
        for (Expression e : elements) {
            Datamodel.DefaultValue v = element.apply(e);
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return new Datamodel.ListValue(values);
    }

    private boolean emptyArgs(String fn, List<Argument> args, AttributeContext ctx) {
        if (!args.isEmpty()) {
            ctx.attributeError("The `" + fn + "` function does not take any argument. Consider changing this default "
                    + "to `" + fn + "()`.");
            return false;
        }
        return true;
    }

    /** 0 = no argument; null = error already reported. {@code allowed == null} means nanoid's 2..255. */
    private Integer versionArg(String fn, List<Argument> args, AttributeContext ctx, Set<Integer> allowed,
                               String rangeMessage) {
        if (args.isEmpty()) {
            return 0;
        }
        if (args.size() == 1 && args.get(0).name() == null && args.get(0).value() instanceof Expression.NumericValue n) {
            int v;
            try {
                v = Integer.parseInt(n.value());
            } catch (NumberFormatException e) {
                ctx.attributeError(rangeMessage);
                return null;
            }
            boolean ok = allowed == null ? v >= 2 && v <= 255 : allowed.contains(v);
            if (!ok) {
                ctx.attributeError(rangeMessage);
                return null;
            }
            return v;
        }
        ctx.attributeError("`" + fn + "()` takes a single Int argument.");
        return null;
    }

    private Datamodel.DefaultValue dbgenerated(Expression.FunctionCall fc, AttributeContext ctx) {
        List<Argument> args = fc.arguments().arguments();
        if (args.isEmpty()) {
            return new Datamodel.DbGenerated(null);
        }
        if (args.size() == 1 && args.get(0).value() instanceof Expression.StringValue s) {
            if (s.value().isEmpty()) {
                ctx.attributeError("dbgenerated() takes either no argument, or a single nonempty string argument.");
                return null;
            }
            return new Datamodel.DbGenerated(s.value());
        }
        ctx.attributeError("`dbgenerated()` takes a single String argument");
        return null;
    }
}
