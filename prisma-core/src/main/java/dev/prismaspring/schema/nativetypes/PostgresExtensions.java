package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.Expression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL datasource property {@code extensions = [postgis(version: "3.4", schema: "gis", map: "x"), citext]},
 * ported from Prisma's {@code postgres_datamodel_connector/datasource.rs} (parsing, while the datasource is read) and
 * {@code postgres_datamodel_connector/validations.rs} (preview feature and name rules, during validation).
 *
 * <p>The validator calls {@link #parse} while it reads a PostgreSQL datasource (on other providers the property is
 * reported with the datasource's other unknown properties) and {@link #validate} in its validation pipeline.
 *
 * <p>Messages and spans (none is wrapped in {@code Error parsing attribute}):
 * <ul>
 *   <li>{@code Expected a constant or function value, but received numeric value `1`.} — at the list element</li>
 *   <li>{@code Error validating: The argument must have a name} — at the argument</li>
 *   <li>{@code Error validating: The argument `version` can only be defined once} — at the repeated argument</li>
 *   <li>{@code Expected a string value, but received numeric value `2.1`.} — at the argument's value, then
 *       {@code Error validating: The `version` argument must be a string literal} — at the argument</li>
 *   <li>{@code Argument not known: "foobar".} — at the argument</li>
 *   <li>{@code The `extensions` property is only available with the `postgresqlExtensions` preview feature.} — at the property</li>
 *   <li>{@code Error validating: The name of an extension must not be empty.} / {@code ... must not start with a number.} /
 *       {@code Error validating: The character `-` is not allowed in extension names.} — at the entry (only with the feature)</li>
 * </ul>
 * Unknown arguments are reported in source order (Prisma iterates a hash map, so its order is not defined).
 */
public final class PostgresExtensions {

    /** The datasource property key. */
    public static final String KEY = "extensions";

    private PostgresExtensions() {
    }

    /**
     * The span Prisma reports for a datasource property: from the key to the end of the value (or of a trailing
     * comment). {@link ConfigProperty#span()} currently also covers the line terminator, which would make the
     * printed code frame show one line too many.
     */
    public static Span propertySpan(ConfigProperty property) {
        int end = property.value().span().end();
        if (property.trailingComment() != null) {
            end = Math.max(end, property.trailingComment().span().end());
        }
        Span full = property.span();
        return new Span(full.fileId(), full.start(), Math.min(Math.max(end, full.start()), full.end()));
    }

    /**
     * Reads the property value (Prisma's {@code parse_extensions}). An array is read element by element; any other
     * value is read as a single element.
     *
     * @return the extensions sorted by name, or {@code null} if an element was neither a constant nor a function call
     */
    public static List<PostgresExtension> parse(Expression value, Diagnostics diagnostics) {
        List<Expression> elements = value instanceof Expression.ArrayValue array ? array.elements() : List.of(value);
        // First coerce every element (Prisma's coerce_array), then read the arguments only if all were valid.
        boolean valid = true;
        for (Expression element : elements) {
            if (!(element instanceof Expression.ConstantValue) && !(element instanceof Expression.FunctionCall)) {
                diagnostics.error("Expected a constant or function value, but received " + element.describe()
                        + " value `" + element.raw() + "`.", element.span());
                valid = false;
            }
        }
        if (!valid) {
            return null;
        }
        List<PostgresExtension> out = new ArrayList<>();
        for (Expression element : elements) {
            String name;
            List<Argument> args;
            if (element instanceof Expression.ConstantValue constant) {
                name = constant.value();
                args = List.of();
            } else {
                Expression.FunctionCall call = (Expression.FunctionCall) element;
                name = call.name();
                args = call.arguments().arguments();
            }
            Map<String, StringArg> named = filterArgs(args, diagnostics);
            String dbName = fetchStringArg(named, "map", diagnostics);
            String schema = fetchStringArg(named, "schema", diagnostics);
            String version = fetchStringArg(named, "version", diagnostics);
            for (Map.Entry<String, StringArg> unknown : named.entrySet()) {
                diagnostics.error("Argument not known: \"" + unknown.getKey() + "\".", unknown.getValue().span());
            }
            out.add(new PostgresExtension(name, element.span(), schema, version, dbName));
        }
        out.sort(Comparator.comparing(PostgresExtension::name));
        return List.copyOf(out);
    }

    /**
     * The connector's datasource validations: the preview feature gate and the name rules.
     *
     * @param extensions   the parsed extensions, or {@code null} when there are none (then nothing is reported)
     * @param propertySpan the span of the whole {@code extensions = ...} property
     */
    public static void validate(List<PostgresExtension> extensions, Span propertySpan, boolean previewFeatureEnabled,
                                Diagnostics diagnostics) {
        if (extensions == null) {
            return;
        }
        if (!previewFeatureEnabled) {
            diagnostics.error("The `extensions` property is only available with the `postgresqlExtensions` preview feature.",
                    propertySpan);
            return;
        }
        for (PostgresExtension extension : extensions) {
            String name = extension.name();
            if (name.isEmpty()) {
                diagnostics.error("Error validating: The name of an extension must not be empty.", extension.span());
            } else if (isNumeric(name.codePointAt(0))) {
                diagnostics.error("Error validating: The name of an extension must not start with a number.", extension.span());
            } else if (name.contains("-")) {
                diagnostics.error("Error validating: The character `-` is not allowed in extension names.", extension.span());
            }
        }
    }

    /** Rust's {@code char::is_numeric}: general categories Nd, Nl and No. */
    private static boolean isNumeric(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private record StringArg(Span span, String value) {
    }

    private static Map<String, StringArg> filterArgs(List<Argument> args, Diagnostics diagnostics) {
        Set<String> seen = new HashSet<>();
        Map<String, StringArg> out = new LinkedHashMap<>();
        for (Argument arg : args) {
            if (arg.name() == null) {
                diagnostics.error("Error validating: The argument must have a name", arg.span());
                continue;
            }
            String name = arg.name().name();
            if (!seen.add(name)) {
                diagnostics.error("Error validating: The argument `" + name + "` can only be defined once", arg.span());
                continue;
            }
            String value = null;
            if (arg.value() instanceof Expression.StringValue s) {
                value = s.value();
            } else {
                diagnostics.error("Expected a string value, but received " + arg.value().describe() + " value `"
                        + arg.value().raw() + "`.", arg.value().span());
            }
            out.put(name, new StringArg(arg.span(), value));
        }
        return out;
    }

    private static String fetchStringArg(Map<String, StringArg> args, String name, Diagnostics diagnostics) {
        StringArg arg = args.remove(name);
        if (arg == null) {
            return null;
        }
        if (arg.value() == null) {
            diagnostics.error("Error validating: The `" + name + "` argument must be a string literal", arg.span());
        }
        return arg.value();
    }
}
