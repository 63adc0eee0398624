package dev.prismaspring.generate;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.Arity;
import dev.prismaspring.schema.Datamodel.ScalarField;
import dev.prismaspring.schema.Datamodel.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the type-safe client for a datamodel: per model a record ({@code User}), typed inputs
 * ({@code UserWhereInput}, {@code UserWhereUniqueInput}, {@code UserOrderByWithRelationInput}, {@code UserSelect},
 * {@code UserInclude}, {@code UserOmit}, {@code UserCreateInput}, {@code UserUpdateInput}, the operation
 * arguments {@code UserFindManyArgs} ...) and a {@code UserDelegate}; per enum a Java enum; and the
 * {@code Prisma} entry class. Every input compiles to the argument tree of the dynamic client, and every delegate
 * method calls {@code ModelDelegate.run(operation, tree)}.
 */
public final class JavaClientGenerator {

    /** The value of the generated {@code @Generated} annotations. */
    public static final String GENERATOR = "dev.prismaspring.generate.JavaClientGenerator";

    /** Records may have at most this many components (the JVM's parameter limit); larger models become classes. */
    private static final int MAX_RECORD_COMPONENTS = 250;

    private static final String T = "dev.prismaspring.client.typed.";
    private static final String STRING = "java.lang.String";
    private static final String CONSUMER = "java.util.function.Consumer";
    private static final String GENERATED = "@javax.annotation.processing.Generated(\"" + GENERATOR + "\")\n";

    private final Datamodel datamodel;
    private final String packageName;
    private final Map<String, ModelView> models = new LinkedHashMap<>();

    private JavaClientGenerator(Datamodel datamodel, String packageName) {
        this.datamodel = datamodel;
        this.packageName = packageName;
    }

    /**
     * The sources of the client for {@code datamodel} in {@code packageName}.
     *
     * @throws GeneratorException when the package name is not a Java package name or a model or enum name cannot
     *                            be a Java class name
     */
    public static List<GeneratedSource> generate(Datamodel datamodel, String packageName) {
        if (packageName == null || !JavaNames.validPackage(packageName)) {
            throw new GeneratorException("'" + packageName + "' is not a Java package name. Pass a package such as "
                    + "com.example.db.");
        }
        return new JavaClientGenerator(datamodel, packageName).run();
    }

    // ------------------------------------------------------------------------------------------ the model as generated

    /** A model as the client sees it: usable scalar fields, relations to usable models, unique keys. */
    private record ModelView(Datamodel.Model model, List<ScalarField> scalars, List<Datamodel.RelationField> relations,
                             List<UniqueKey> uniqueKeys) {
        String name() {
            return model.name();
        }

        List<Datamodel.Field> fields() {
            return model.fields().stream().filter(f -> f instanceof ScalarField s ? scalars.contains(s)
                    : relations.contains(f)).toList();
        }
    }

    private record UniqueKey(String name, List<ScalarField> fields) {
    }

    private static boolean usable(ScalarField s) {
        return !s.ignored() && (s.type() instanceof Datamodel.BuiltIn || s.type() instanceof Datamodel.EnumRef);
    }

    private List<GeneratedSource> run() {
        Set<String> typeNames = new LinkedHashSet<>();
        for (Datamodel.Model m : datamodel.models()) {
            if (!m.ignored()) {
                checkTypeName(m.name(), "model");
                typeNames.add(m.name());
            }
        }
        for (Datamodel.EnumType e : datamodel.enums()) {
            checkTypeName(e.name(), "enum");
            typeNames.add(e.name());
        }
        for (Datamodel.Model m : datamodel.models()) {
            if (m.ignored()) {
                continue;
            }
            List<ScalarField> scalars = m.scalarFields().stream().filter(JavaClientGenerator::usable).toList();
            List<Datamodel.RelationField> relations = m.relationFields().stream()
                    .filter(r -> !r.ignored() && typeNames.contains(r.targetModel())
                            && datamodel.model(r.targetModel()).map(t -> !t.ignored()).orElse(false))
                    .toList();
            models.put(m.name(), new ModelView(m, scalars, relations, uniqueKeys(m, scalars)));
        }
        for (String generated : List.of("Prisma")) {
            if (typeNames.contains(generated)) {
                throw new GeneratorException("The schema has a model or enum named '" + generated + "', which is the "
                        + "name of the generated entry class. Rename it in the schema (keep the table with @@map).");
            }
        }
        List<GeneratedSource> out = new ArrayList<>();
        for (Datamodel.EnumType e : datamodel.enums()) {
            out.add(source(e.name(), enumSource(e)));
        }
        for (ModelView m : models.values()) {
            out.add(source(m.name(), modelSource(m)));
            out.add(source(m.name() + "WhereInput", whereInput(m)));
            out.add(source(m.name() + "WhereUniqueInput", whereUniqueInput(m)));
            out.add(source(m.name() + "OrderByWithRelationInput", orderByInput(m)));
            out.add(source(m.name() + "Select", selectInput(m)));
            out.add(source(m.name() + "Include", includeInput(m)));
            out.add(source(m.name() + "Omit", omitInput(m)));
            out.add(source(m.name() + "ScalarFieldEnum", scalarFieldEnum(m)));
            out.add(source(m.name() + "CreateInput", createInput(m)));
            out.add(source(m.name() + "UpdateInput", updateInput(m)));
            for (ArgsKind k : ArgsKind.values()) {
                out.add(source(m.name() + k.suffix, args(m, k)));
            }
            out.add(source(m.name() + "Delegate", delegate(m)));
        }
        out.add(source("Prisma", entryClass()));
        return out;
    }

    private static void checkTypeName(String name, String kind) {
        if (!JavaNames.validType(name)) {
            throw new GeneratorException("The " + kind + " name '" + name + "' cannot be a Java class name. Rename "
                    + "it in the schema (keep the database name with @@map / @map).");
        }
    }

    private static List<UniqueKey> uniqueKeys(Datamodel.Model m, List<ScalarField> scalars) {
        Map<String, UniqueKey> out = new LinkedHashMap<>();
        if (m.primaryKey() != null) {
            addKey(out, m.primaryKey().name(), m.primaryKey().fields(), scalars);
        }
        for (Datamodel.Index i : m.indexes()) {
            if (i.kind() == Datamodel.IndexKind.UNIQUE) {
                addKey(out, i.name(), i.fields(), scalars);
            }
        }
        return List.copyOf(out.values());
    }

    private static void addKey(Map<String, UniqueKey> out, String name, List<Datamodel.IndexField> fields,
                               List<ScalarField> scalars) {
        List<ScalarField> fs = new ArrayList<>();
        for (Datamodel.IndexField f : fields) {
            ScalarField s = scalars.stream().filter(x -> x.name().equals(f.name())).findFirst().orElse(null);
            if (s == null) {
                return;
            }
            fs.add(s);
        }
        String n = name != null && fs.size() > 1 ? name
                : String.join("_", fs.stream().map(ScalarField::name).toList());
        out.putIfAbsent(n, new UniqueKey(n, List.copyOf(fs)));
    }

    /**
     * A record component (or field) name. Components are in scope in the record's static methods, where they
     * would obscure the packages of qualified names, so one named like the first part of those is escaped.
     */
    private String component(String name) {
        String root = packageName.contains(".") ? packageName.substring(0, packageName.indexOf('.')) : packageName;
        String member = JavaNames.member(name);
        return member.equals(root) || member.equals("dev") || member.equals("java") ? member + "_" : member;
    }

    private GeneratedSource source(String type, String body) {
        String path = packageName.replace('.', '/') + "/" + type + ".java";
        String content = "// Generated by Prisma for Spring Boot from the schema. Do not edit: generate again.\n"
                + "package " + packageName + ";\n\n" + body;
        return new GeneratedSource(path, JavaNames.asciiOnly(content));
    }

    // ------------------------------------------------------------------------------------------ types

    private static ScalarType builtIn(ScalarField f) {
        return f.type() instanceof Datamodel.BuiltIn b ? b.type() : null;
    }

    private static String enumName(ScalarField f) {
        return f.type() instanceof Datamodel.EnumRef e ? e.enumName() : null;
    }

    /** The Java type of one value of the field. */
    private static String elementType(ScalarField f) {
        if (enumName(f) != null) {
            return enumName(f);
        }
        return switch (builtIn(f)) {
            case String -> STRING;
            case Boolean -> "java.lang.Boolean";
            case Int -> "java.lang.Integer";
            case BigInt -> "java.lang.Long";
            case Float -> "java.lang.Double";
            case Decimal -> "java.math.BigDecimal";
            case DateTime -> "java.time.Instant";
            case Json -> "tools.jackson.databind.JsonNode";
            case Bytes -> "byte[]";
        };
    }

    private static String javaType(ScalarField f) {
        return f.arity() == Arity.LIST ? "java.util.List<" + elementType(f) + ">" : elementType(f);
    }

    private String converter(ScalarField f) {
        if (enumName(f) != null) {
            return "x$ -> " + T + "Results.asEnum(x$, " + packageName + "." + enumName(f) + "::fromPrismaName)";
        }
        return T + "Results::" + switch (builtIn(f)) {
            case String -> "asString";
            case Boolean -> "asBoolean";
            case Int -> "asInteger";
            case BigInt -> "asLong";
            case Float -> "asDouble";
            case Decimal -> "asDecimal";
            case DateTime -> "asInstant";
            case Json -> "asJson";
            case Bytes -> "asBytes";
        };
    }

    private String readValue(ScalarField f, String expr) {
        if (f.arity() == Arity.LIST) {
            return T + "Results.asList(" + expr + ", " + converter(f) + ")";
        }
        if (enumName(f) != null) {
            return T + "Results.asEnum(" + expr + ", " + packageName + "." + enumName(f) + "::fromPrismaName)";
        }
        String c = converter(f);
        return T + "Results." + c.substring(c.indexOf("::") + 2) + "(" + expr + ")";
    }

    private static String filterType(ScalarField f) {
        if (f.arity() == Arity.LIST) {
            return T + "ScalarListFilter<" + elementType(f) + ">";
        }
        // Prisma's IntFilter vs IntNullableFilter: only optional fields get the null tests (isNull, isNotNull)
        String nullable = f.arity() == Arity.OPTIONAL ? "Nullable" : "";
        if (enumName(f) != null) {
            return T + "Enum" + nullable + "Filter<" + enumName(f) + ">";
        }
        return T + switch (builtIn(f)) {
            case String -> "String" + nullable + "Filter";
            case Boolean -> "Bool" + nullable + "Filter";
            case Int -> "Int" + nullable + "Filter";
            case BigInt -> "BigInt" + nullable + "Filter";
            case Float -> "Float" + nullable + "Filter";
            case Decimal -> "Decimal" + nullable + "Filter";
            case DateTime -> "DateTime" + nullable + "Filter";
            case Json -> "JsonFilter";
            case Bytes -> "Bytes" + nullable + "Filter";
        };
    }

    private static boolean numeric(ScalarField f) {
        ScalarType t = builtIn(f);
        return f.arity() != Arity.LIST && (t == ScalarType.Int || t == ScalarType.BigInt || t == ScalarType.Float
                || t == ScalarType.Decimal);
    }

    private static boolean toMany(Datamodel.RelationField r) {
        return r.arity() == Arity.LIST;
    }

    // ------------------------------------------------------------------------------------------ text helpers

    private static String javadoc(String indent, String... lines) {
        StringBuilder sb = new StringBuilder(indent).append("/**");
        List<String> all = new ArrayList<>();
        for (String l : lines) {
            if (l != null) {
                all.addAll(List.of(l.split("\n", -1)));
            }
        }
        if (all.size() == 1) {
            return sb.append(' ').append(all.get(0)).append(" */\n").toString();
        }
        sb.append('\n');
        for (String l : all) {
            sb.append(indent).append(" *").append(l.isEmpty() ? "" : " " + l).append('\n');
        }
        return sb.append(indent).append(" */\n").toString();
    }

    private static String fieldDoc(Datamodel.Field f) {
        return f.documentation() == null || f.documentation().isBlank() ? null
                : JavaNames.docText(f.documentation().strip());
    }

    /** A fluent setter: {@code public C name(type value) { arg("field", expr); return this; }}. */
    private static void setter(StringBuilder sb, Set<String> signatures, String cls, String doc, String method,
                               String params, String key, String valueExpr) {
        String signature = method + "(" + params.replaceAll(" [A-Za-z0-9_$]+(,|$)", "$1") + ")";
        if (!signatures.add(signature)) {
            return;
        }
        sb.append(javadoc("    ", doc));
        sb.append("    public ").append(cls).append(' ').append(method).append('(').append(params).append(") {\n")
                .append("        arg(").append(JavaNames.literal(key)).append(", ").append(valueExpr).append(");\n")
                .append("        return this;\n    }\n\n");
    }

    /** The lambda form of a setter: builds {@code newExpr}, lets the lambda fill it, then calls the object form. */
    private static void lambdaSetter(StringBuilder sb, Set<String> signatures, String cls, String doc, String method,
                                     String type, String newExpr) {
        String signature = method + "(" + CONSUMER + ")";
        if (!signatures.add(signature)) {
            return;
        }
        sb.append(javadoc("    ", doc));
        sb.append("    public ").append(cls).append(' ').append(method).append('(').append(CONSUMER).append('<')
                .append(type).append("> spec$) {\n")
                .append("        return ").append(method).append('(').append(T).append("Inputs.build(").append(newExpr)
                .append(", spec$));\n    }\n\n");
    }

    private static String classHeader(String doc, String name) {
        return javadoc("", doc) + GENERATED + "public final class " + name + " extends " + T + "PrismaInput {\n\n";
    }

    // ------------------------------------------------------------------------------------------ enum

    private String enumSource(Datamodel.EnumType e) {
        StringBuilder sb = new StringBuilder();
        sb.append(javadoc("", e.documentation() != null ? JavaNames.docText(e.documentation().strip())
                : "The schema's enum {@code " + e.name() + "}."));
        sb.append(GENERATED).append("public enum ").append(e.name()).append(" implements ").append(T)
                .append("PrismaEnum {\n");
        List<Datamodel.EnumValueDef> values = e.values();
        for (int i = 0; i < values.size(); i++) {
            Datamodel.EnumValueDef v = values.get(i);
            if (v.documentation() != null && !v.documentation().isBlank()) {
                sb.append(javadoc("    ", JavaNames.docText(v.documentation().strip())));
            }
            sb.append("    ").append(JavaNames.member(v.name())).append('(').append(JavaNames.literal(v.name()))
                    .append(", ").append(JavaNames.literal(v.dbName())).append(')')
                    .append(i < values.size() - 1 ? ",\n" : ";\n");
        }
        if (values.isEmpty()) {
            sb.append("    ;\n");
        }
        sb.append("""

                    private final java.lang.String name$;
                    private final java.lang.String dbName$;

                    %s(java.lang.String name, java.lang.String dbName) {
                        this.name$ = name;
                        this.dbName$ = dbName;
                    }

                    /** The value's name in the schema, as Prisma arguments and results use it. */
                    @java.lang.Override
                    public java.lang.String prismaName() {
                        return name$;
                    }

                    /** The value stored in the database ({@code @map}, or the name). */
                    public java.lang.String dbName() {
                        return dbName$;
                    }

                    /** The value with this schema name. */
                    public static %s fromPrismaName(java.lang.String name) {
                        for (%s v : values()) {
                            if (v.name$.equals(name)) {
                                return v;
                            }
                        }
                        throw new java.lang.IllegalArgumentException("'" + name + "' is not a value of enum %s.");
                    }
                }
                """.formatted(e.name(), e.name(), e.name(), e.name()));
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ record

    private String modelSource(ModelView m) {
        List<Datamodel.Field> fields = m.fields();
        StringBuilder doc = new StringBuilder();
        doc.append(m.model().documentation() != null && !m.model().documentation().isBlank()
                ? JavaNames.docText(m.model().documentation().strip())
                : "A {@code " + m.name() + "} record" + (m.model().view() ? " (a view)" : "") + ".");
        doc.append("\n<p>Relation fields are {@code null} unless included or selected; with {@code select}, fields "
                + "that were not selected are {@code null}.");
        List<String> components = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        for (Datamodel.Field f : fields) {
            String type;
            String read;
            if (f instanceof ScalarField s) {
                type = javaType(s);
                read = readValue(s, "row$.get(" + JavaNames.literal(s.name()) + ")");
            } else {
                Datamodel.RelationField r = (Datamodel.RelationField) f;
                type = toMany(r) ? "java.util.List<" + r.targetModel() + ">" : r.targetModel();
                read = T + "Results." + (toMany(r) ? "asRecords" : "asRecord") + "(row$.get("
                        + JavaNames.literal(r.name()) + "), " + packageName + "." + r.targetModel() + "::fromMap)";
            }
            components.add(type + " " + component(f.name()));
            reads.add(read);
            String fd = fieldDoc(f);
            doc.append("\n@param ").append(component(f.name())).append(' ')
                    .append(fd != null ? fd.replace("\n", " ") : "the field {@code " + f.name() + "}");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(javadoc("", doc.toString())).append(GENERATED);
        boolean record = components.size() <= MAX_RECORD_COMPONENTS;
        String fromMapDoc = javadoc("    ", "The record of one result map of the dynamic client (absent keys give "
                + "{@code null}).");
        if (record) {
            sb.append("public record ").append(m.name()).append("(\n");
            for (int i = 0; i < components.size(); i++) {
                sb.append("        ").append(components.get(i)).append(i < components.size() - 1 ? ",\n" : "");
            }
            sb.append(") {\n\n").append(fromMapDoc);
            sb.append("    public static ").append(m.name()).append(" fromMap(java.util.Map<java.lang.String, ?> row$) {\n")
                    .append("        return new ").append(m.name()).append("(");
            for (int i = 0; i < reads.size(); i++) {
                sb.append(i == 0 ? "\n" : ",\n").append("                ").append(reads.get(i));
            }
            sb.append(");\n    }\n}\n");
            return sb.toString();
        }
        // Too many fields for a record: an immutable class with the same accessors.
        sb.append("public final class ").append(m.name()).append(" {\n\n");
        for (String c : components) {
            sb.append("    private final ").append(c).append(";\n");
        }
        sb.append("\n    private ").append(m.name()).append("(java.util.Map<java.lang.String, ?> row$) {\n");
        for (int i = 0; i < fields.size(); i++) {
            sb.append("        this.").append(component(fields.get(i).name())).append(" = ").append(reads.get(i))
                    .append(";\n");
        }
        sb.append("    }\n\n").append(fromMapDoc);
        sb.append("    public static ").append(m.name()).append(" fromMap(java.util.Map<java.lang.String, ?> row$) {\n")
                .append("        return new ").append(m.name()).append("(row$);\n    }\n\n");
        for (String c : components) {
            String name = c.substring(c.lastIndexOf(' ') + 1);
            String type = c.substring(0, c.lastIndexOf(' '));
            sb.append("    /** The field {@code ").append(name).append("}. */\n    public ").append(type).append(' ')
                    .append(name).append("() {\n        return ").append(name).append(";\n    }\n\n");
        }
        List<String> names = components.stream().map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
        sb.append("    @java.lang.Override\n    public boolean equals(java.lang.Object o$) {\n")
                .append("        if (!(o$ instanceof ").append(m.name()).append(" other$)) {\n            return false;\n")
                .append("        }\n        return ");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : "\n                && ").append("java.util.Objects.deepEquals(").append(names.get(i))
                    .append(", other$.").append(names.get(i)).append(')');
        }
        sb.append(";\n    }\n\n    @java.lang.Override\n    public int hashCode() {\n")
                .append("        return java.util.Arrays.deepHashCode(new java.lang.Object[] {")
                .append(String.join(", ", names)).append("});\n    }\n\n")
                .append("    @java.lang.Override\n    public java.lang.String toString() {\n")
                .append("        return \"").append(m.name()).append("[");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : " + \", ").append(names.get(i)).append("=\" + ").append(names.get(i));
        }
        sb.append(" + \"]\";\n    }\n}\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ where

    private String whereInput(ModelView m) {
        String cls = m.name() + "WhereInput";
        StringBuilder sb = new StringBuilder(classHeader("Filters {@code " + m.name() + "} records (Prisma's {@code "
                + cls + "}): fields give a value or a filter; {@code AND}, {@code OR}, {@code NOT} combine.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (String op : List.of("AND", "OR", "NOT")) {
            setter(sb, sigs, cls, "{@code " + op + ": [...]}.", op, cls + "... filters", op,
                    "java.util.List.of(filters)");
        }
        for (ScalarField f : m.scalars()) {
            String method = JavaNames.member(f.name());
            String key = f.name();
            String ft = filterType(f);
            boolean json = builtIn(f) == ScalarType.Json && f.arity() != Arity.LIST;
            if (!json) {
                setter(sb, sigs, cls, "{@code " + key + ": value} (equals).", method, javaType(f) + " value", key,
                        "value");
            }
            setter(sb, sigs, cls, "{@code " + key + ": { ...filter }}.", method, ft + " filter", key, "filter");
            lambdaSetter(sb, sigs, cls, "{@code " + key + ": { ...filter }}, built in a lambda.", method, ft,
                    "new " + ft.replaceAll("<.*>", "<>") + "()");
        }
        for (Datamodel.RelationField r : m.relations()) {
            String method = JavaNames.member(r.name());
            String target = r.targetModel() + "WhereInput";
            String ft = T + (toMany(r) ? "ListRelationFilter<" : "RelationFilter<") + target + ">";
            String newExpr = "new " + T + (toMany(r) ? "ListRelationFilter<>(" : "RelationFilter<>(") + target
                    + "::new)";
            if (toMany(r)) {
                setter(sb, sigs, cls, "{@code " + r.name() + ": { some | every | none }}.", method, ft + " filter",
                        r.name(), "filter");
            } else {
                setter(sb, sigs, cls, "{@code " + r.name() + ": { is | isNot }}.", method, ft + " filter", r.name(),
                        "filter");
                setter(sb, sigs, cls, "{@code " + r.name() + ": { ...where }}: the related record matches.", method,
                        target + " where", r.name(), "where");
            }
            lambdaSetter(sb, sigs, cls, "The relation filter on {@code " + r.name() + "}, built in a lambda.", method,
                    ft, newExpr);
        }
        return sb.append("}\n").toString();
    }

    private String whereUniqueInput(ModelView m) {
        String cls = m.name() + "WhereUniqueInput";
        StringBuilder sb = new StringBuilder(classHeader("Selects one {@code " + m.name() + "} by a unique "
                + "criterion (Prisma's {@code " + cls + "}).", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (UniqueKey k : m.uniqueKeys()) {
            if (k.fields().size() == 1) {
                ScalarField f = k.fields().get(0);
                setter(sb, sigs, cls, "{@code " + f.name() + ": value}.", JavaNames.member(f.name()),
                        javaType(f) + " value", f.name(), "value");
                continue;
            }
            String method = JavaNames.member(k.name());
            StringBuilder params = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (ScalarField f : k.fields()) {
                String p = JavaNames.member(f.name());
                params.append(params.isEmpty() ? "" : ", ").append(javaType(f)).append(' ').append(p);
                body.append("        compound$.put(").append(JavaNames.literal(f.name())).append(", ").append(p)
                        .append(");\n");
            }
            String signature = method + "(" + params.toString().replaceAll(" [A-Za-z0-9_$]+(,|$)", "$1") + ")";
            if (!sigs.add(signature)) {
                continue;
            }
            sb.append(javadoc("    ", "{@code " + k.name() + ": { " + String.join(", ", k.fields().stream()
                    .map(ScalarField::name).toList()) + " }} (compound unique key)."));
            sb.append("    public ").append(cls).append(' ').append(method).append('(').append(params).append(") {\n")
                    .append("        java.util.Map<java.lang.String, java.lang.Object> compound$ = "
                            + "new java.util.LinkedHashMap<>();\n")
                    .append(body)
                    .append("        arg(").append(JavaNames.literal(k.name())).append(", compound$);\n")
                    .append("        return this;\n    }\n\n");
        }
        return sb.append("}\n").toString();
    }

    // ------------------------------------------------------------------------------------------ orderBy, select, include, omit

    private String orderByInput(ModelView m) {
        String cls = m.name() + "OrderByWithRelationInput";
        StringBuilder sb = new StringBuilder(classHeader("Orders {@code " + m.name() + "} records (Prisma's {@code "
                + cls + "}); give one field per object, several objects for several keys.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (ScalarField f : m.scalars()) {
            if (f.arity() == Arity.LIST || builtIn(f) == ScalarType.Json) {
                continue;
            }
            String method = JavaNames.member(f.name());
            setter(sb, sigs, cls, "{@code " + f.name() + ": 'asc' | 'desc'}.", method, T + "SortOrder order",
                    f.name(), "order");
            if (f.arity() == Arity.OPTIONAL) {
                String signature = method + "(" + T + "SortOrder," + T + "NullsOrder)";
                if (sigs.add(signature)) {
                    sb.append(javadoc("    ", "{@code " + f.name() + ": { sort, nulls }}."));
                    sb.append("    public ").append(cls).append(' ').append(method).append('(').append(T)
                            .append("SortOrder order, ").append(T).append("NullsOrder nulls) {\n")
                            .append("        arg(").append(JavaNames.literal(f.name()))
                            .append(", java.util.Map.of(\"sort\", order, \"nulls\", nulls));\n")
                            .append("        return this;\n    }\n\n");
                }
            }
        }
        for (Datamodel.RelationField r : m.relations()) {
            String method = JavaNames.member(r.name());
            if (toMany(r)) {
                setter(sb, sigs, cls, "{@code " + r.name() + ": { _count: order }}: by the number of related "
                        + "records.", method, T + "SortOrder countOrder", r.name(),
                        "java.util.Map.of(\"_count\", countOrder)");
            } else {
                String target = r.targetModel() + "OrderByWithRelationInput";
                setter(sb, sigs, cls, "{@code " + r.name() + ": { ...orderBy }}: by a field of the related record.",
                        method, target + " order", r.name(), "order");
                lambdaSetter(sb, sigs, cls, "{@code " + r.name() + ": { ...orderBy }}, built in a lambda.", method,
                        target, "new " + target + "()");
            }
        }
        return sb.append("}\n").toString();
    }

    private void relationArgsSetters(StringBuilder sb, Set<String> sigs, String cls, ModelView m) {
        for (Datamodel.RelationField r : m.relations()) {
            String method = JavaNames.member(r.name());
            String argsType = r.targetModel() + (toMany(r) ? "FindManyArgs" : "DefaultArgs");
            setter(sb, sigs, cls, "{@code " + r.name() + ": true}.", method, "", r.name(), "true");
            setter(sb, sigs, cls, "{@code " + r.name() + ": { ...args }}" + (toMany(r)
                    ? " (where, orderBy, take, skip, cursor, distinct, select, include, omit)."
                    : " (select, include, omit)."), method, argsType + " args", r.name(), "args");
            lambdaSetter(sb, sigs, cls, "{@code " + r.name() + ": { ...args }}, built in a lambda.", method, argsType,
                    "new " + argsType + "()");
        }
    }

    private String selectInput(ModelView m) {
        String cls = m.name() + "Select";
        StringBuilder sb = new StringBuilder(classHeader("Chooses the fields of {@code " + m.name() + "} results "
                + "(Prisma's {@code " + cls + "}); fields not selected are {@code null} in the record.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (ScalarField f : m.scalars()) {
            setter(sb, sigs, cls, "{@code " + f.name() + ": true}.", JavaNames.member(f.name()), "", f.name(),
                    "true");
        }
        relationArgsSetters(sb, sigs, cls, m);
        return sb.append("}\n").toString();
    }

    private String includeInput(ModelView m) {
        String cls = m.name() + "Include";
        StringBuilder sb = new StringBuilder(classHeader("Adds relations to {@code " + m.name() + "} results "
                + "(Prisma's {@code " + cls + "}).", cls));
        relationArgsSetters(sb, new LinkedHashSet<>(), cls, m);
        return sb.append("}\n").toString();
    }

    private String omitInput(ModelView m) {
        String cls = m.name() + "Omit";
        StringBuilder sb = new StringBuilder(classHeader("Leaves fields out of {@code " + m.name() + "} results "
                + "(Prisma's {@code " + cls + "}); they are {@code null} in the record.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (ScalarField f : m.scalars()) {
            setter(sb, sigs, cls, "{@code " + f.name() + ": true}.", JavaNames.member(f.name()), "", f.name(),
                    "true");
        }
        return sb.append("}\n").toString();
    }

    private String scalarFieldEnum(ModelView m) {
        String cls = m.name() + "ScalarFieldEnum";
        StringBuilder sb = new StringBuilder(javadoc("", "The scalar fields of {@code " + m.name() + "}, for {@code "
                + "distinct} (Prisma's {@code " + cls + "})."));
        sb.append(GENERATED).append("public enum ").append(cls).append(" implements ").append(T)
                .append("PrismaEnum {\n");
        List<ScalarField> scalars = m.scalars();
        for (int i = 0; i < scalars.size(); i++) {
            sb.append("    ").append(JavaNames.member(scalars.get(i).name())).append('(')
                    .append(JavaNames.literal(scalars.get(i).name())).append(')')
                    .append(i < scalars.size() - 1 ? ",\n" : ";\n");
        }
        if (scalars.isEmpty()) {
            sb.append("    ;\n");
        }
        sb.append("""

                    private final java.lang.String name$;

                    %s(java.lang.String name) {
                        this.name$ = name;
                    }

                    /** The field's name in the schema. */
                    @java.lang.Override
                    public java.lang.String prismaName() {
                        return name$;
                    }
                }
                """.formatted(cls));
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ create, update

    private String createInput(ModelView m) {
        String cls = m.name() + "CreateInput";
        StringBuilder sb = new StringBuilder(classHeader("The data of a new {@code " + m.name() + "} (Prisma's "
                + "{@code " + cls + "} and {@code " + m.name() + "UncheckedCreateInput}): scalar fields, foreign "
                + "keys, and nested writes on relations. In {@code createMany}, only scalar fields.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (ScalarField f : m.scalars()) {
            String fd = fieldDoc(f);
            setter(sb, sigs, cls, fd != null ? fd : "{@code " + f.name() + ": value}.", JavaNames.member(f.name()),
                    javaType(f) + " value", f.name(), "value");
        }
        for (Datamodel.RelationField r : m.relations()) {
            String c = r.targetModel() + "CreateInput";
            String w = r.targetModel() + "WhereUniqueInput";
            String type = T + (toMany(r) ? "NestedCreateMany<" : "NestedCreateOne<") + c + ", " + w + ">";
            String newExpr = "new " + T + (toMany(r) ? "NestedCreateMany<>(" : "NestedCreateOne<>(") + c + "::new, "
                    + w + "::new)";
            String method = JavaNames.member(r.name());
            setter(sb, sigs, cls, "{@code " + r.name() + ": { create | connect | connectOrCreate"
                    + (toMany(r) ? " | createMany" : "") + " }}.", method, type + " write", r.name(), "write");
            lambdaSetter(sb, sigs, cls, "The nested write on {@code " + r.name() + "}, built in a lambda.", method,
                    type, newExpr);
        }
        return sb.append("}\n").toString();
    }

    private String updateInput(ModelView m) {
        String cls = m.name() + "UpdateInput";
        StringBuilder sb = new StringBuilder(classHeader("The changes to a {@code " + m.name() + "} (Prisma's "
                + "{@code " + cls + "}): new values, atomic number operations, and nested writes on relations. "
                + "In {@code updateMany}, only scalar fields.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        for (ScalarField f : m.scalars()) {
            String method = JavaNames.member(f.name());
            setter(sb, sigs, cls, "{@code " + f.name() + ": value} (set).", method, javaType(f) + " value", f.name(),
                    "value");
            if (numeric(f)) {
                setter(sb, sigs, cls, "{@code " + f.name() + ": { increment | decrement | multiply | divide | set }}.",
                        method, T + "NumberUpdate<" + elementType(f) + "> operation", f.name(), "operation");
            }
        }
        for (Datamodel.RelationField r : m.relations()) {
            String c = r.targetModel() + "CreateInput";
            String u = r.targetModel() + "UpdateInput";
            String w = r.targetModel() + "WhereUniqueInput";
            String wi = r.targetModel() + "WhereInput";
            String type = toMany(r) ? T + "NestedUpdateMany<" + c + ", " + u + ", " + w + ", " + wi + ">"
                    : T + "NestedUpdateOne<" + c + ", " + u + ", " + w + ">";
            String newExpr = toMany(r) ? "new " + T + "NestedUpdateMany<>(" + c + "::new, " + w + "::new)"
                    : "new " + T + "NestedUpdateOne<>(" + c + "::new, " + u + "::new, " + w + "::new)";
            String method = JavaNames.member(r.name());
            setter(sb, sigs, cls, "The nested write on {@code " + r.name() + "}.", method, type + " write", r.name(),
                    "write");
            lambdaSetter(sb, sigs, cls, "The nested write on {@code " + r.name() + "}, built in a lambda.", method,
                    type, newExpr);
        }
        return sb.append("}\n").toString();
    }

    // ------------------------------------------------------------------------------------------ operation arguments

    /** The argument objects of the operations, and what each holds. */
    private enum ArgsKind {
        FIND_UNIQUE("FindUniqueArgs", "findUnique / findUniqueOrThrow", true, false, true, false, true),
        FIND_MANY("FindManyArgs", "findMany / findFirst / findFirstOrThrow, and to-many relations in select and "
                + "include", false, true, true, false, true),
        COUNT("CountArgs", "count", false, true, false, false, false),
        DEFAULT("DefaultArgs", "to-one relations in select and include", false, false, true, false, false),
        CREATE("CreateArgs", "create", false, false, true, true, false),
        CREATE_MANY("CreateManyArgs", "createMany / createManyAndReturn", false, false, false, true, false),
        UPDATE("UpdateArgs", "update", true, false, true, true, false),
        UPSERT("UpsertArgs", "upsert", true, false, true, true, false),
        DELETE("DeleteArgs", "delete", true, false, true, false, false),
        UPDATE_MANY("UpdateManyArgs", "updateMany / updateManyAndReturn", false, false, false, true, false),
        DELETE_MANY("DeleteManyArgs", "deleteMany", false, false, false, false, false);

        final String suffix;
        final String usedBy;
        final boolean uniqueWhere;
        final boolean listArgs;
        final boolean selection;
        final boolean data;
        final boolean strategy;

        ArgsKind(String suffix, String usedBy, boolean uniqueWhere, boolean listArgs, boolean selection, boolean data,
                 boolean strategy) {
            this.suffix = suffix;
            this.usedBy = usedBy;
            this.uniqueWhere = uniqueWhere;
            this.listArgs = listArgs;
            this.selection = selection;
            this.data = data;
            this.strategy = strategy;
        }
    }

    private String args(ModelView m, ArgsKind k) {
        String n = m.name();
        String cls = n + k.suffix;
        StringBuilder sb = new StringBuilder(classHeader("The arguments of {@code " + k.usedBy + "} on {@code " + n
                + "}.", cls));
        Set<String> sigs = new LinkedHashSet<>();
        if (k == ArgsKind.DEFAULT) {
            // select/include/omit only
        } else if (k.uniqueWhere) {
            objectAndLambda(sb, sigs, cls, "where", n + "WhereUniqueInput", "{@code where}: which record.");
        } else if (k != ArgsKind.CREATE && k != ArgsKind.CREATE_MANY) {
            objectAndLambda(sb, sigs, cls, "where", n + "WhereInput", "{@code where}: which records.");
        }
        if (k.listArgs) {
            String o = n + "OrderByWithRelationInput";
            setter(sb, sigs, cls, "{@code orderBy: [...]}.", "orderBy", o + "... orders", "orderBy",
                    "java.util.List.of(orders)");
            lambdaSetter(sb, sigs, cls, "{@code orderBy: { ... }} (one key), built in a lambda.", "orderBy", o,
                    "new " + o + "()");
            objectAndLambda(sb, sigs, cls, "cursor", n + "WhereUniqueInput", "{@code cursor}: where the page starts.");
            setter(sb, sigs, cls, "{@code take: n} (negative: from the end).", "take", "int n", "take", "n");
            setter(sb, sigs, cls, "{@code skip: n}.", "skip", "int n", "skip", "n");
            if (k == ArgsKind.FIND_MANY) {
                setter(sb, sigs, cls, "{@code distinct: [...]}.", "distinct", n + "ScalarFieldEnum... fields",
                        "distinct", "java.util.List.of(fields)");
            }
        }
        switch (k) {
            case CREATE -> objectAndLambda(sb, sigs, cls, "data", n + "CreateInput", "{@code data}: the new record.");
            case UPDATE, UPDATE_MANY -> objectAndLambda(sb, sigs, cls, "data", n + "UpdateInput",
                    "{@code data}: the changes.");
            case UPSERT -> {
                objectAndLambda(sb, sigs, cls, "create", n + "CreateInput", "{@code create}: the record to create "
                        + "when none matches.");
                objectAndLambda(sb, sigs, cls, "update", n + "UpdateInput", "{@code update}: the changes when one "
                        + "matches.");
            }
            case CREATE_MANY -> {
                setter(sb, sigs, cls, "{@code data: [...]}.", "data", n + "CreateInput... records", "data",
                        "java.util.List.of(records)");
                setter(sb, sigs, cls, "{@code data: [...]}.", "data", "java.util.List<" + n + "CreateInput> records",
                        "data", "java.util.List.copyOf(records)");
                setter(sb, sigs, cls, "{@code skipDuplicates: value} (not on SQLite).", "skipDuplicates",
                        "boolean value", "skipDuplicates", "value");
                selectionSetters(sb, sigs, cls, n, "(createManyAndReturn only)");
            }
            default -> {
            }
        }
        if (k == ArgsKind.UPDATE_MANY || k == ArgsKind.DELETE_MANY) {
            setter(sb, sigs, cls, "{@code limit: n}: write at most n records.", "limit", "int n", "limit", "n");
        }
        if (k == ArgsKind.UPDATE_MANY) {
            selectionSetters(sb, sigs, cls, n, "(updateManyAndReturn only)");
        }
        if (k.selection) {
            selectionSetters(sb, sigs, cls, n, "");
        }
        if (k.strategy) {
            setter(sb, sigs, cls, "{@code relationLoadStrategy: 'query' | 'join'}.", "relationLoadStrategy",
                    T + "LoadStrategy strategy", "relationLoadStrategy", "strategy");
        }
        return sb.append("}\n").toString();
    }

    private void selectionSetters(StringBuilder sb, Set<String> sigs, String cls, String n, String note) {
        String suffix = note.isEmpty() ? "" : " " + note;
        objectAndLambda(sb, sigs, cls, "select", n + "Select", "{@code select}: only these fields." + suffix);
        objectAndLambda(sb, sigs, cls, "include", n + "Include", "{@code include}: these relations too." + suffix);
        objectAndLambda(sb, sigs, cls, "omit", n + "Omit", "{@code omit}: all fields but these." + suffix);
    }

    private void objectAndLambda(StringBuilder sb, Set<String> sigs, String cls, String key, String type, String doc) {
        setter(sb, sigs, cls, doc, key, type + " value", key, "value");
        lambdaSetter(sb, sigs, cls, doc + " Built in a lambda.", key, type, "new " + type + "()");
    }

    // ------------------------------------------------------------------------------------------ delegate, entry

    private String delegate(ModelView m) {
        String n = m.name();
        String cls = n + "Delegate";
        StringBuilder sb = new StringBuilder();
        sb.append(javadoc("", "The typed operations on {@code " + n + "} ({@code prisma." + JavaNames.lowerCamel(n)
                + "}): each builds Prisma Client's arguments and runs them through the dynamic\n{@link "
                + "dev.prismaspring.client.ModelDelegate}; results become {@link " + n + "} records."));
        sb.append(GENERATED).append("public final class ").append(cls).append(" {\n\n");
        sb.append("    private final dev.prismaspring.client.ModelDelegate delegate;\n\n");
        StringBuilder fields = new StringBuilder();
        for (Datamodel.Field f : m.fields()) {
            fields.append(", ").append(JavaNames.literal(f.name()));
        }
        sb.append(javadoc("    ", "The delegate of {@code client}; fails if its schema lacks this model or one of "
                + "its fields."));
        sb.append("    public ").append(cls).append("(dev.prismaspring.client.PrismaClient client) {\n")
                .append("        this.delegate = ").append(T).append("SchemaCheck.model(client, ")
                .append(JavaNames.literal(n)).append(fields).append(");\n    }\n\n");
        sb.append(javadoc("    ", "The dynamic delegate (Maps, JSON), e.g. for {@code aggregate} and {@code groupBy}."));
        sb.append("    public dev.prismaspring.client.ModelDelegate dynamic() {\n        return delegate;\n    }\n\n");
        String mapper = packageName + "." + n + "::fromMap";
        String one = T + "Results.asRecord(delegate.run(\"%s\", args.toPrismaArgs()), " + mapper + ")";
        String many = T + "Results.asRecords(delegate.run(\"%s\", args.toPrismaArgs()), " + mapper + ")";
        String batch = T + "Results.asBatch(delegate.run(\"%s\", args.toPrismaArgs()))";
        String count = T + "Results.asCount(delegate.run(\"%s\", args.toPrismaArgs()))";
        operation(sb, n + "FindUniqueArgs", n, "findUnique", one, "The record with this unique criterion, or "
                + "{@code null}.", false);
        operation(sb, n + "FindUniqueArgs", n, "findUniqueOrThrow", one, "As {@code findUnique}, but P2025 when "
                + "there is no such record.", false);
        operation(sb, n + "FindManyArgs", n, "findFirst", one, "The first matching record, or {@code null}.", true);
        operation(sb, n + "FindManyArgs", n, "findFirstOrThrow", one, "As {@code findFirst}, but P2025 when no "
                + "record matches.", true);
        operation(sb, n + "FindManyArgs", "java.util.List<" + n + ">", "findMany", many, "The matching records.",
                true);
        operation(sb, n + "CountArgs", "long", "count", count, "The number of matching records.", true);
        operation(sb, n + "CreateArgs", n, "create", one, "Creates a record (with nested writes) and returns it.",
                false);
        operation(sb, n + "CreateManyArgs", T + "BatchPayload", "createMany", batch, "Creates records (scalar fields "
                + "only).", false);
        operation(sb, n + "CreateManyArgs", "java.util.List<" + n + ">", "createManyAndReturn", many, "Creates "
                + "records and returns them (not on MySQL, as in Prisma).", false);
        operation(sb, n + "UpdateArgs", n, "update", one, "Updates one record (P2025 when it does not exist).",
                false);
        operation(sb, n + "UpdateManyArgs", T + "BatchPayload", "updateMany", batch, "Updates the matching records "
                + "(scalar fields only).", true);
        operation(sb, n + "UpdateManyArgs", "java.util.List<" + n + ">", "updateManyAndReturn", many, "Updates the "
                + "matching records and returns them.", false);
        operation(sb, n + "UpsertArgs", n, "upsert", one, "Updates the record if it exists, else creates it.",
                false);
        operation(sb, n + "DeleteArgs", n, "delete", one, "Deletes one record and returns it (P2025 when it does "
                + "not exist).", false);
        operation(sb, n + "DeleteManyArgs", T + "BatchPayload", "deleteMany", batch, "Deletes the matching "
                + "records.", true);
        return sb.append("}\n").toString();
    }

    private static void operation(StringBuilder sb, String argsType, String result, String op, String call,
                                  String doc, boolean noArgs) {
        sb.append(javadoc("    ", doc + " ({@code " + op + "})"));
        sb.append("    public ").append(result).append(' ').append(op).append('(').append(argsType)
                .append(" args) {\n        return ").append(call.formatted(op)).append(";\n    }\n\n");
        sb.append(javadoc("    ", doc + " Arguments built in a lambda."));
        sb.append("    public ").append(result).append(' ').append(op).append('(').append(CONSUMER).append('<')
                .append(argsType).append("> args) {\n        return ").append(op).append('(').append(T)
                .append("Inputs.build(new ").append(argsType).append("(), args));\n    }\n\n");
        if (noArgs) {
            sb.append(javadoc("    ", doc + " Without arguments."));
            sb.append("    public ").append(result).append(' ').append(op).append("() {\n        return ").append(op)
                    .append("(new ").append(argsType).append("());\n    }\n\n");
        }
    }

    private String entryClass() {
        StringBuilder sb = new StringBuilder();
        sb.append(javadoc("", "The type-safe client of this schema: {@code prisma.user().findMany(...)}. Wraps a "
                + "{@link dev.prismaspring.client.PrismaClient}\n(which owns the DataSource, the schema and "
                + "transactions); creating it checks that the client's schema has every\nmodel and field this code "
                + "was generated from. Thread-safe, like the client."));
        sb.append(GENERATED).append("public final class Prisma {\n\n");
        sb.append("    private final dev.prismaspring.client.PrismaClient client;\n");
        for (ModelView m : models.values()) {
            sb.append("    private final ").append(m.name()).append("Delegate ")
                    .append(JavaNames.member(JavaNames.lowerCamel(m.name()))).append("$;\n");
        }
        sb.append('\n').append(javadoc("    ", "The typed client over {@code client}."));
        sb.append("    public Prisma(dev.prismaspring.client.PrismaClient client) {\n")
                .append("        this.client = java.util.Objects.requireNonNull(client, \"client\");\n");
        for (ModelView m : models.values()) {
            sb.append("        this.").append(JavaNames.member(JavaNames.lowerCamel(m.name()))).append("$ = new ")
                    .append(m.name()).append("Delegate(client);\n");
        }
        sb.append("    }\n\n").append(javadoc("    ", "The typed client over {@code client}."));
        sb.append("    public static Prisma of(dev.prismaspring.client.PrismaClient client) {\n")
                .append("        return new Prisma(client);\n    }\n\n");
        sb.append(javadoc("    ", "The dynamic client underneath (transactions, listeners, Map/JSON queries)."));
        sb.append("    public dev.prismaspring.client.PrismaClient prismaClient() {\n        return client;\n    }\n\n");
        sb.append(javadoc("    ", "Runs {@code work} in one transaction of the underlying client (Prisma's interactive "
                + "{@code $transaction}):\ncommitted when it returns, rolled back when it throws; typed calls inside "
                + "it join the transaction."));
        sb.append("    public <T> T transaction(java.util.function.Function<Prisma, T> work) {\n")
                .append("        return client.transaction(c$ -> work.apply(this));\n    }\n\n");
        Set<String> methods = new LinkedHashSet<>(List.of("prismaClient", "of"));
        for (ModelView m : models.values()) {
            String method = JavaNames.member(JavaNames.lowerCamel(m.name()));
            if (!methods.add(method)) {
                method = method + "_";
            }
            sb.append(javadoc("    ", "The operations on {@code " + m.name() + "}."));
            sb.append("    public ").append(m.name()).append("Delegate ").append(method).append("() {\n")
                    .append("        return ").append(JavaNames.member(JavaNames.lowerCamel(m.name()))).append("$;\n")
                    .append("    }\n\n");
        }
        return sb.append("}\n").toString();
    }
}
