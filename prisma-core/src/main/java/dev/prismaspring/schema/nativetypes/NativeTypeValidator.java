package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.schema.Provider;
import java.util.List;

/**
 * Validates one native type attribute ({@code @db.VarChar(20)}) on a scalar field, as Prisma's
 * {@code validate_native_type_arguments} (psl-core {@code validations/fields.rs}) followed by the connector's
 * {@code parse_native_type} and {@code validate_native_type_arguments}.
 *
 * <p>The caller picks the attribute: Prisma takes, on fields whose type is a built-in scalar type, the attribute whose
 * name contains a dot (a second one is a duplicate-attribute error the caller reports). Fields of enum, composite
 * or {@code Unsupported(...)} type are not passed here. Every diagnostic points at the whole attribute
 * ({@link Attribute#span()}) and is emitted unwrapped (not prefixed with {@code Error parsing attribute}), as Prisma does.
 *
 * <p>Messages, in the order the checks run (the first failing check ends validation unless said otherwise):
 * <ol>
 *   <li>only with a datasource name: {@code The prefix x is invalid. It must be equal to the name of an existing
 *       datasource e.g. db. Did you mean to use db.Text?} (validation continues)</li>
 *   <li>{@code Native type Foo is not supported for postgresql connector.} (the active provider as written)</li>
 *   <li>{@code Function "VarChar" takes 1 arguments, but received 0.}</li>
 *   <li>{@code Native type VarChar takes 1 optional arguments, but received 2.}</li>
 *   <li>{@code Native type Text is not compatible with declared field type Int, expected field type String.}
 *       (several expected types are joined with {@code " or "})</li>
 *   <li>{@code Expected a nonnegative integer, but found (-1).} / {@code Expected two nonnegative integers, but found (1).}</li>
 *   <li>range checks, e.g. {@code Argument M is out of range for native type `Timestamp(7)` of Postgres: M can range
 *       from 0 to 6.}, {@code The scale must not be larger than the precision for the Decimal(2,3) native type in
 *       MySQL.} (the native type is still returned)</li>
 * </ol>
 */
public final class NativeTypeValidator {

    private NativeTypeValidator() {
    }

    /**
     * Validates without a datasource-prefix check, naming the connector by {@link Provider#providerName()}.
     *
     * @see #validate(Provider, String, String, String, Attribute, Diagnostics)
     */
    public static NativeType validate(Provider provider, String scalarTypeName, Attribute attribute,
                                      Diagnostics diagnostics) {
        return validate(provider, provider.providerName(), null, scalarTypeName, attribute, diagnostics);
    }

    /**
     * Validates one native type attribute.
     *
     * @param provider           the datasource's connector
     * @param activeProviderName the provider as written in the datasource ({@code postgres} or {@code postgresql});
     *                           Prisma names the connector this way in the unknown-type message
     * @param datasourceName     the datasource block's name ({@code db}) to check the attribute's prefix against, or
     *                           {@code null} to skip that check
     * @param scalarTypeName     the field's Prisma scalar type name ({@code String}, {@code Int}, ...)
     * @param attribute          the attribute, named {@code <prefix>.<Type>}; its arguments are positional (names ignored)
     * @param diagnostics        receives the errors
     * @return the resolved native type, or {@code null} when it is unknown, has the wrong argument count, is
     *         incompatible with the field type or has unparsable arguments. Out-of-range arguments still return it.
     */
    public static NativeType validate(Provider provider, String activeProviderName, String datasourceName,
                                      String scalarTypeName, Attribute attribute, Diagnostics diagnostics) {
        String fullName = attribute.nameText();
        int dot = fullName.indexOf('.');
        String scope = dot < 0 ? "" : fullName.substring(0, dot);
        String typeName = dot < 0 ? fullName : fullName.substring(dot + 1);
        Span span = attribute.span();
        List<String> args = rawArguments(attribute);

        if (datasourceName != null && !datasourceName.equals(scope)) {
            diagnostics.error("The prefix " + scope + " is invalid. It must be equal to the name of an existing datasource e.g. "
                    + datasourceName + ". Did you mean to use " + datasourceName + "." + typeName + "?", span);
        }

        NativeTypeDefinition def = NativeTypeCatalog.find(provider, typeName).orElse(null);
        if (def == null) {
            diagnostics.error("Native type " + typeName + " is not supported for " + activeProviderName + " connector.", span);
            return null;
        }

        int given = args.size();
        int required = def.requiredArgumentCount();
        int optional = def.optionalArgumentCount();
        if (given < required || (given > required && optional == 0)) {
            diagnostics.error("Function \"" + typeName + "\" takes " + required + " arguments, but received " + given + ".", span);
            return null;
        }
        if (given > required + optional && optional > 0) {
            diagnostics.error("Native type " + typeName + " takes " + optional + " optional arguments, but received " + given + ".", span);
            return null;
        }

        if (!def.isCompatibleWith(scalarTypeName)) {
            diagnostics.error("Native type " + typeName + " is not compatible with declared field type " + scalarTypeName
                    + ", expected field type " + String.join(" or ", def.scalarTypes()) + ".", span);
            return null;
        }

        List<String> parsed = def.arguments().parse(args);
        if (parsed == null) {
            diagnostics.error("Expected " + def.arguments().description() + ", but found (" + String.join(", ", args) + ").", span);
            return null;
        }
        NativeType nativeType = new NativeType(typeName, parsed);
        validateArguments(provider, nativeType, scalarTypeName, span, diagnostics);
        return nativeType;
    }

    /**
     * Resolves a native type attribute without reporting anything, as Prisma's {@code native_type_instance} (used by
     * the index rules): the attribute's type must exist for the provider and its arguments must parse.
     *
     * @return the native type, or {@code null}
     */
    public static NativeType resolve(Provider provider, Attribute attribute) {
        String fullName = attribute.nameText();
        String typeName = fullName.substring(fullName.indexOf('.') + 1);
        NativeTypeDefinition def = NativeTypeCatalog.find(provider, typeName).orElse(null);
        if (def == null) {
            return null;
        }
        List<String> parsed = def.arguments().parse(rawArguments(attribute));
        return parsed == null ? null : new NativeType(typeName, parsed);
    }

    /** The argument texts as Prisma renders them ({@code Expression}'s display: the source text). */
    static List<String> rawArguments(Attribute attribute) {
        return attribute.arguments().arguments().stream().map(Argument::value).map(e -> e.raw()).toList();
    }

    /** The connector's {@code validate_native_type_arguments}: range checks on parsed arguments. */
    static void validateArguments(Provider provider, NativeType type, String scalarType, Span span, Diagnostics diagnostics) {
        String connector = NativeTypeCatalog.connectorName(provider);
        String rendered = type.render();
        List<Long> n = type.numericArgs();
        String outOfRange = "Argument M is out of range for native type `" + rendered + "` of " + connector + ": ";
        if (type.name().equals("Decimal") && n.size() == 2 && n.get(1) > n.get(0)) {
            diagnostics.error("The scale must not be larger than the precision for the " + rendered + " native type in "
                    + connector + ".", span);
            return;
        }
        switch (provider) {
            case POSTGRESQL -> {
                switch (type.name()) {
                    case "Decimal" -> {
                        if (n.size() == 2 && (n.get(0) > 1000 || n.get(0) == 0)) {
                            diagnostics.error(outOfRange + "Precision must be positive with a maximum value of 1000.", span);
                        }
                    }
                    case "Bit", "VarBit" -> {
                        if (n.size() == 1 && n.get(0) == 0) {
                            diagnostics.error(outOfRange + "M must be a positive integer.", span);
                        }
                    }
                    case "Timestamp", "Timestamptz", "Time", "Timetz" -> {
                        if (n.size() == 1 && n.get(0) > 6) {
                            diagnostics.error(outOfRange + "M can range from 0 to 6.", span);
                        }
                    }
                    default -> {
                    }
                }
            }
            case MYSQL -> {
                switch (type.name()) {
                    case "Decimal" -> {
                        if (n.size() == 2) {
                            if (n.get(0) > 65) {
                                diagnostics.error(outOfRange + "Precision can range from 1 to 65.", span);
                            } else if (n.get(1) > 30) {
                                diagnostics.error(outOfRange + "Scale can range from 0 to 30.", span);
                            }
                        }
                    }
                    case "Bit" -> {
                        long m = n.get(0);
                        if (m == 0 || m > 64) {
                            diagnostics.error(outOfRange + "M can range from 1 to 64.", span);
                        } else if (m > 1 && "Boolean".equals(scalarType)) {
                            diagnostics.error(outOfRange + "only Bit(1) can be used as Boolean.", span);
                        }
                    }
                    case "Char" -> {
                        if (n.get(0) > 255) {
                            diagnostics.error(outOfRange + "M can range from 0 to 255.", span);
                        }
                    }
                    case "VarChar" -> {
                        if (n.get(0) > 65535) {
                            diagnostics.error(outOfRange + "M can range from 0 to 65,535.", span);
                        }
                    }
                    default -> {
                    }
                }
            }
            case SQLITE -> {
            }
        }
    }
}
