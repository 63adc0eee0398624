package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Kind;
import java.util.List;

/** The checks of defaults Prisma runs once the schema resolved: unknown functions and literal formats. */
final class DefaultValueValidation extends ValidationPhase {

    DefaultValueValidation(ValidationContext context) {
        super(context);
    }

    void unknownDefaultFunctions() {
        for (Model m : context.models) {
            for (Fld f : m.scalarFields()) {
                if ("auto".equals(f.defaultFunction)) {
                    continue;
                }
                if (f.defaultFunction != null) {
                    d.error("Unknown function in @default(): `" + f.defaultFunction + "` is not known. You can "
                            + "read about the available functions here: https://pris.ly/d/attribute-functions",
                            f.defaultAttr.span());
                }
            }
        }
    }

    /** The literal checks Prisma runs once the schema resolved (JSON, base64, RFC 3339, integers, decimals). */
    void validateDefaultValue(Fld f) {
        if (f.defaultExpr == null) {
            return;
        }
        if (f.defaultExpr instanceof Expression.FunctionCall fc && fc.name().equals("auto")) {
            attributeError("@default", "The current connector does not support the `auto()` "
                    + "function.", fc.span());
            return;
        }
        if (f.kind != Kind.SCALAR) {
            return;
        }
        List<Expression> items = f.defaultExpr instanceof Expression.ArrayValue a ? a.elements()
                : List.of(f.defaultExpr);
        for (Expression e : items) {
            literalCheck(f.scalar, e);
        }
    }

    private void literalCheck(ScalarType type, Expression e) {
        if (e instanceof Expression.StringValue s) {
            String v = s.value();
            String problem = switch (type) {
                case Json -> JsonCheck.problem(v) == null ? null
                        : "Parse error: \"" + v + "\" is not a valid JSON string. (" + JsonCheck.problem(v) + ")";
                case Bytes -> isBase64(v) ? null
                        : "Parse error: \"" + v + "\" is not a valid base64 string. (Invalid byte)";
                case DateTime -> isRfc3339(v) ? null
                        : "Parse error: \"" + v + "\" is not a valid rfc3339 datetime string. (input contains "
                        + "invalid characters)";
                case Decimal -> isDecimal(v) ? null
                        : "Parse error: \"" + v + "\" is not a valid decimal. (Failed to parse empty string)";
                default -> null;
            };
            if (problem != null) {
                attributeError(type == ScalarType.Decimal ? "default" : "@default", problem, e.span());
            }
        } else if (e instanceof Expression.NumericValue n && (type == ScalarType.Int || type == ScalarType.BigInt)) {
            try {
                Long.parseLong(n.value());
            } catch (NumberFormatException ex) {
                attributeError("@default", "Parse error: \"" + n.value() + "\" is not a valid "
                        + "integer. (invalid digit found in string)", e.span());
            }
        }
    }

    private static boolean isBase64(String s) {
        try {
            java.util.Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDecimal(String s) {
        try {
            new java.math.BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isRfc3339(String s) {
        try {
            java.time.OffsetDateTime.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
