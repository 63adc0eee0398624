package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Identifier;
import dev.prismaspring.schema.nativetypes.IndexRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Visits the attributes of one schema element the way Prisma's attribute context does: single
 * attributes may appear once, arguments are taken one by one, and whatever was not taken is
 * reported ("No such argument.", "Attribute not known").
 */
final class AttributeContext {

    private final Diagnostics diagnostics;
    private final String prefix; // "@" or "@@"
    private final List<Attribute> attributes;
    private final boolean[] visited;

    private Attribute current;
    private Map<String, Argument> named = new LinkedHashMap<>();
    private Argument unnamed;

    AttributeContext(Diagnostics diagnostics, String prefix, List<Attribute> attributes) {
        this.diagnostics = diagnostics;
        this.prefix = prefix;
        this.attributes = attributes;
        this.visited = new boolean[attributes.size()];
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Attribute current() {
        return current;
    }

    /** Starts visiting the single attribute of this name; reports duplicates and returns false for them. */
    boolean visitOptionalSingle(String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            if (!visited[i] && attributes.get(i).nameText().equals(name)) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        if (found.size() > 1) {
            for (int i : found) {
                visited[i] = true;
                diagnostics.error("Attribute \"@" + name + "\" can only be defined once.", attributes.get(i).span());
            }
            return false;
        }
        visited[found.get(0)] = true;
        setCurrent(attributes.get(found.get(0)));
        return true;
    }

    /** Starts visiting the next unvisited attribute of this name (repeatable attributes). */
    boolean visitRepeated(String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (!visited[i] && attributes.get(i).nameText().equals(name)) {
                visited[i] = true;
                setCurrent(attributes.get(i));
                return true;
            }
        }
        return false;
    }

    /** The first unvisited attribute with a dotted name (a native type such as {@code @db.VarChar}). */
    Attribute visitDatasourceScoped() {
        Attribute first = null;
        for (int i = 0; i < attributes.size(); i++) {
            if (!visited[i] && attributes.get(i).nameText().contains(".")) {
                visited[i] = true;
                if (first == null) {
                    first = attributes.get(i);
                } else {
                    diagnostics.error("Attribute \"@" + attributes.get(i).nameText().substring(0,
                            attributes.get(i).nameText().indexOf('.')) + "\" can only be defined once.",
                            attributes.get(i).span());
                }
            }
        }
        return first;
    }

    private void setCurrent(Attribute attribute) {
        current = attribute;
        named = new LinkedHashMap<>();
        unnamed = null;
        List<String> unnamedRaw = new ArrayList<>();
        for (Argument arg : attribute.arguments().arguments()) {
            if (arg.name() == null) {
                unnamedRaw.add(arg.value().raw());
                unnamed = arg;
                continue;
            }
            if (named.containsKey(arg.name().name())) {
                diagnostics.error("Argument \"" + arg.name().name() + "\" is already specified.", arg.span());
            }
            named.put(arg.name().name(), arg);
        }
        if (unnamedRaw.size() > 1) {
            attributeError("You provided multiple unnamed arguments. This is not possible. Did you forget the brackets? "
                    + "Did you mean `[" + String.join(", ", unnamedRaw) + "]`?");
        }
        for (Identifier empty : attribute.arguments().emptyArguments()) {
            diagnostics.error(attributeMessage("The `" + empty.name() + "` argument is missing a value."), empty.span());
        }
        if (attribute.arguments().trailingComma() != null) {
            diagnostics.error(attributeMessage("Trailing commas are not valid in attribute arguments, please remove the comma."),
                    attribute.arguments().trailingComma());
        }
    }

    /** The argument with this name, or else the unnamed one; reports it missing otherwise. */
    Expression visitDefaultArg(String name) {
        Expression e = visitDefaultArgOrNull(name);
        if (e == null) {
            diagnostics.error("Argument \"" + name + "\" is missing.", current.span());
        }
        return e;
    }

    Expression visitDefaultArgOrNull(String name) {
        Argument arg = named.remove(name);
        if (arg == null && unnamed != null) {
            arg = unnamed;
            unnamed = null;
        }
        return arg == null ? null : arg.value();
    }

    Expression visitOptionalArg(String name) {
        Argument arg = named.remove(name);
        return arg == null ? null : arg.value();
    }

    /** Like {@link #visitOptionalArg} but returns the whole argument ({@code name: value}). */
    Argument visitOptionalArgument(String name) {
        return named.remove(name);
    }

    void discardArguments() {
        named.clear();
        unnamed = null;
    }

    void validateVisitedArguments() {
        List<Argument> rest = new ArrayList<>();
        if (unnamed != null) {
            rest.add(unnamed);
        }
        rest.addAll(named.values());
        rest.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        for (Argument a : rest) {
            diagnostics.error("No such argument.", a.span());
        }
        discardArguments();
    }

    /** Reports every attribute nobody visited. */
    void validateVisitedAttributes() {
        for (int i = 0; i < attributes.size(); i++) {
            if (!visited[i]) {
                visited[i] = true;
                diagnostics.error("Attribute not known: \"@" + attributes.get(i).nameText() + "\".", attributes.get(i).span());
            }
        }
    }

    String attributeName() {
        return prefix + current.nameText();
    }

    String attributeMessage(String message) {
        return IndexRules.attributeMessage(attributeName(), message);
    }

    void attributeError(String message) {
        diagnostics.error(attributeMessage(message), current.span());
    }

    Span span() {
        return current.span();
    }

    /** Coerces an optional {@code map:} argument; empty strings are reported. */
    String mapArgument() {
        Expression e = visitOptionalArg("map");
        if (e == null) {
            return null;
        }
        String s = Coerce.string(e, diagnostics);
        if (s != null && s.isEmpty()) {
            attributeError("The `map` argument cannot be an empty string.");
            return null;
        }
        return s;
    }
}
