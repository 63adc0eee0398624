package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.Span;

/** A value in an attribute argument or a configuration property. */
public sealed interface Expression
        permits Expression.StringValue, Expression.NumericValue, Expression.ConstantValue,
        Expression.FunctionCall, Expression.ArrayValue {

    Span span();

    /** The expression as written in the source. */
    String raw();

    /** What Prisma calls this kind of value in messages ("string", "numeric", ...). */
    String describe();

    /**
     * A string literal (JSON escaping).
     *
     * @param value the unescaped value
     * @param raw   the literal as written, quotes included
     */
    record StringValue(String value, String raw, Span span) implements Expression {
        @Override
        public String describe() {
            return "string";
        }
    }

    /** A number literal such as {@code 42}, {@code -1} or {@code 3.5}. */
    record NumericValue(String raw, Span span) implements Expression {
        public String value() {
            return raw;
        }

        @Override
        public String describe() {
            return "numeric";
        }
    }

    /** A bare path such as {@code Cascade}, {@code true} or {@code db.Text}. */
    record ConstantValue(String raw, Span span) implements Expression {
        public String value() {
            return raw;
        }

        @Override
        public String describe() {
            return "constant";
        }
    }

    /** A function call such as {@code now()}, {@code env("URL")} or {@code uuid(7)}. */
    record FunctionCall(String name, ArgumentsList arguments, String raw, Span span) implements Expression {
        @Override
        public String describe() {
            return "functional";
        }
    }

    /** An array such as {@code [a, b]}. */
    record ArrayValue(java.util.List<Expression> elements, String raw, Span span) implements Expression {
        public ArrayValue {
            elements = java.util.List.copyOf(elements);
        }

        @Override
        public String describe() {
            return "array";
        }
    }
}
