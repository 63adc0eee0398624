package dev.prismaspring.query;

import java.util.List;

/**
 * Query arguments that do not fit the schema, found before any SQL runs. {@link #code()} is {@code P2009}
 * (or {@code P2012} for a missing required argument); {@link #kind()} is Prisma's error kind
 * ({@code UnknownArgument}, {@code UnknownInputField}, {@code UnknownSelectionField}, {@code InvalidArgumentType},
 * {@code InvalidArgumentValue}, {@code ValueTooLarge}, {@code EmptySelection}, {@code SelectionSetOnScalar},
 * {@code RequiredArgumentMissing}, {@code SomeFieldsMissing}, {@code TooManyFieldsGiven}, {@code MutuallyExclusiveFields}).
 */
public class PrismaValidationException extends PrismaException {

    private final String kind;
    private final List<String> path;

    public PrismaValidationException(String code, String kind, List<String> path, String message) {
        super(code, message);
        this.kind = kind;
        this.path = List.copyOf(path);
    }

    /** Prisma's error kind. */
    public String kind() {
        return kind;
    }

    /** The argument path, e.g. {@code [where, emial]}. */
    public List<String> path() {
        return path;
    }
}
