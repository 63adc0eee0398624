package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.EnumValue;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Name resolution (Prisma's parser database, first phase): identifiers, reserved and duplicate names. */
final class NameResolution extends ValidationPhase {

    NameResolution(ValidationContext context) {
        super(context);
    }

    private static final Set<String> RESERVED_MODEL_NAMES = Set.of("PrismaClient", "Prisma", "async", "await",
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
            "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
            "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
            "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield");

    void run() {
        Map<String, Top> generators = new HashMap<>();
        Map<String, Top> datasources = new HashMap<>();
        for (Top top : context.ast.tops()) {
            if (ScalarType.fromName(top.name().name()).isPresent()) {
                d.error("\"" + top.name().name() + "\" is a reserved scalar type name and cannot be used.",
                        top.name().span());
            }
            Map<String, Top> namespace = context.tops;
            if (top instanceof EnumDecl e) {
                validateIdentifier(e.name().name(), "Enum", e.name().span());
                validateAttributeIdentifiers(e.attributes());
                Set<String> values = new HashSet<>();
                for (EnumValue v : e.values()) {
                    validateIdentifier(v.name().name(), "Enum Value", v.name().span());
                    validateAttributeIdentifiers(v.attributes());
                    if (!values.add(v.name().name())) {
                        d.error("Value \"" + v.name().name() + "\" is already defined on enum \"" + e.name().name()
                                + "\".", v.span());
                    }
                }
            } else if (top instanceof ModelDecl m && !m.isCompositeType()) {
                boolean view = m.isView();
                validateIdentifier(m.name().name(), view ? "view" : "Model", m.name().span());
                if (RESERVED_MODEL_NAMES.contains(m.name().name())) {
                    d.error("Error validating " + m.keyword() + " \"" + m.name().name() + "\": The " + m.keyword()
                            + " name `" + m.name().name() + "` is invalid. It is a reserved name. Please change it. "
                            + "Read more at https://pris.ly/d/naming-models", m.span());
                }
                validateAttributeIdentifiers(m.attributes());
                Set<String> names = new HashSet<>();
                for (Field f : m.fields()) {
                    validateIdentifier(f.name().name(), view ? "field" : "Field", f.name().span());
                    validateAttributeIdentifiers(f.attributes());
                    if (!names.add(f.name().name())) {
                        d.error("Field \"" + f.name().name() + "\" is already defined on " + m.keyword() + " \""
                                + m.name().name() + "\".", f.name().span());
                    }
                }
            } else if (top instanceof ModelDecl ct) {
                validateIdentifier(ct.name().name(), "Composite type", ct.name().span());
                Set<String> names = new HashSet<>();
                for (Field f : ct.fields()) {
                    if (!names.add(f.name().name())) {
                        d.error("Field \"" + f.name().name() + "\" is already defined on composite type \""
                                + ct.name().name() + "\".", f.name().span());
                    }
                }
            } else if (top instanceof ConfigBlock c) {
                Set<String> keys = new HashSet<>();
                for (ConfigProperty p : c.properties()) {
                    if (!keys.add(p.name().name())) {
                        d.error("Key \"" + p.name().name() + "\" is already defined in " + c.keyword() + " \""
                                + c.name().name() + "\".", p.name().span());
                    }
                }
                if (c.kind() == ConfigBlock.Kind.GENERATOR) {
                    validateIdentifier(c.name().name(), "Generator", c.name().span());
                    namespace = generators;
                } else {
                    namespace = datasources;
                }
            }
            Top existing = namespace.get(top.name().name());
            if (existing != null) {
                d.error("The " + typeWord(top) + " \"" + top.name().name() + "\" cannot be defined because a "
                        + typeWord(existing) + " with that name already exists.", top.name().span());
            } else {
                namespace.put(top.name().name(), top);
            }
        }
    }

    private static String typeWord(Top top) {
        return switch (top.keyword()) {
            case "type" -> "composite type";
            default -> top.keyword();
        };
    }

    private void validateAttributeIdentifiers(List<Attribute> attributes) {
        for (Attribute a : attributes) {
            validateIdentifier(a.nameText(), "Attribute", a.name().span());
        }
    }

    private void validateIdentifier(String name, String item, Span span) {
        if (name.isEmpty()) {
            d.error("Error validating: The name of a " + item + " must not be empty.", span);
        } else if (Character.isDigit(name.codePointAt(0))) {
            d.error("Error validating: The name of a " + item + " must not start with a number.", span);
        } else if (name.contains("-")) {
            d.error("Error validating: The character `-` is not allowed in " + item + " names.", span);
        }
    }
}
