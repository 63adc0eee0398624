package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.schema.Datamodel.SortOrder;
import dev.prismaspring.schema.nativetypes.OperatorClass;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.IdxField;
import java.util.ArrayList;
import java.util.List;

/** Resolves the field lists of {@code @relation}, {@code @@id}, {@code @@unique}, {@code @@index} and {@code @@shardKey} to fields of a model. */
final class FieldReferences extends ValidationPhase {

    /** Prisma's {@code new_parser_error}. */
    private static final String PARSER_ERROR = "Unexpected token. Expected one of: ";

    FieldReferences(ValidationContext context) {
        super(context);
    }

    static final class FieldList {
        final List<Fld> fields = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> relation = new ArrayList<>();
    }

    /** Resolves {@code [a, b]} to fields; {@code null} when already reported. */
    FieldList resolveFieldArrayWithoutArgs(Expression values, Span attrSpan, Model model) {
        List<String> names = Coerce.array(values, Coerce::constant, d);
        if (names == null) {
            return null;
        }
        FieldList out = new FieldList();
        for (String n : names) {
            Fld f = n.contains(".") ? null : model.byName.get(n);
            if (f == null) {
                out.unknown.add(n);
                continue;
            }
            if (f.isRelation()) {
                out.relation.add(n);
                continue;
            }
            if (out.fields.contains(f)) {
                modelError(model, "The unique index definition refers to the "
                        + "field " + n + " multiple times.", attrSpan);
                return null;
            }
            out.fields.add(f);
        }
        return out;
    }

    static final class IndexFields {
        final List<IdxField> fields = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> relation = new ArrayList<>();
        final List<Fld> relationFields = new ArrayList<>();
    }

    IndexFields resolveFieldArrayWithArgs(Expression values, Model model) {
        List<Expression> elements = values instanceof Expression.ArrayValue a ? a.elements() : List.of(values);
        IndexFields out = new IndexFields();
        boolean failed = false;
        for (Expression e : elements) {
            String name;
            SortOrder sort = null;
            Integer length = null;
            Expression ops = null;
            if (e instanceof Expression.ConstantValue c) {
                name = c.value();
            } else if (e instanceof Expression.FunctionCall fc) {
                name = fc.name();
                for (Argument arg : fc.arguments().arguments()) {
                    String argName = arg.name() == null ? "" : arg.name().name();
                    switch (argName) {
                        case "sort" -> {
                            String s = Coerce.constant(arg.value(), d);
                            if (s == null) {
                                return null;
                            }
                            if (s.equals("Asc")) {
                                sort = SortOrder.Asc;
                            } else if (s.equals("Desc")) {
                                sort = SortOrder.Desc;
                            } else {
                                d.error("Error validating: The `sort` argument can only be `Asc` or `Desc` you "
                                        + "provided: " + s + ".", arg.span());
                                return null;
                            }
                        }
                        case "length" -> {
                            Long l = Coerce.integer(arg.value(), d);
                            if (l == null) {
                                return null;
                            }
                            length = l.intValue();
                        }
                        case "ops" -> ops = operatorClass(arg);
                        default -> {
                            d.error("Error validating: Invalid index field argument `" + argName + "`.", arg.span());
                            return null;
                        }
                    }
                }
            } else {
                d.error(Coerce.mismatch("constant literal", e), e.span());
                failed = true;
                continue;
            }
            Fld f = name.contains(".") ? null : model.byName.get(name);
            if (f == null) {
                out.unknown.add(name);
            } else if (f.isRelation()) {
                out.relation.add(name);
                out.relationFields.add(f);
            } else {
                out.fields.add(new IdxField(f, sort, length, ops));
            }
        }
        return failed ? null : out;
    }

    /**
     * The {@code ops:} argument of an index field, as Prisma's parser database reads it: a known operator class
     * constant or {@code raw("...")}. Anything else is reported (as a parser error, like Prisma) and dropped.
     */
    private Expression operatorClass(Argument arg) {
        Expression value = arg.value();
        if (value instanceof Expression.ConstantValue c) {
            if (OperatorClass.fromName(c.value()).isPresent()) {
                return value;
            }
            d.error(PARSER_ERROR + "Invalid operator class: " + c.value(), c.span());
            return null;
        }
        if (value instanceof Expression.FunctionCall fc && fc.name().equals("raw")) {
            List<Argument> args = fc.arguments().arguments();
            if (args.size() != 1) {
                d.error(PARSER_ERROR + "Wrong number of arguments. Expected: 1, got: " + args.size(), fc.span());
                return null;
            }
            if (!(args.get(0).value() instanceof Expression.StringValue)) {
                d.error(PARSER_ERROR + "Invalid parameter type: expected string", fc.span());
                return null;
            }
            return value;
        }
        // other functions: Prisma panics; reported like any other value that is no operator class
        d.error(PARSER_ERROR + "operator class", arg.span());
        return null;
    }
}
