package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.EnumValue;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.FieldType;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.IndexKind;
import dev.prismaspring.schema.Datamodel.ReferentialAction;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.Datamodel.SortOrder;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.nativetypes.IndexAlgorithm;
import dev.prismaspring.schema.nativetypes.IndexDefinition;
import dev.prismaspring.schema.nativetypes.IndexFieldInfo;
import dev.prismaspring.schema.nativetypes.IndexRules;
import dev.prismaspring.schema.nativetypes.NativeType;
import dev.prismaspring.schema.nativetypes.NativeTypeValidator;
import dev.prismaspring.schema.nativetypes.PostgresExtensions;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import dev.prismaspring.schema.validate.Model.Kind;
import dev.prismaspring.schema.validate.Model.Pk;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a parsed schema in Prisma's phases and resolves it into a {@link Datamodel}:
 * names, types, attributes, relations (Prisma's parser database), then the configuration blocks,
 * then, only if nothing failed so far, the validation pipeline.
 */
public final class SchemaValidation {

    private static final Set<String> RESERVED_MODEL_NAMES = Set.of("PrismaClient", "Prisma", "async", "await",
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
            "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
            "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return",
            "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield");

    private static final Set<String> KNOWN_DEFAULT_FUNCTIONS = Set.of("autoincrement", "now", "dbgenerated", "uuid",
            "cuid", "ulid", "nanoid", "auto", "sequence");

    private final SchemaAst ast;
    private final Diagnostics d;
    private final List<Model> models = new ArrayList<>();
    private final Map<String, Model> modelsByName = new HashMap<>();
    private final Map<String, Top> tops = new LinkedHashMap<>();
    private final Map<EnumDecl, EnumInfo> enums = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private ConfigValidation.Result config;
    private Provider provider;
    private boolean prismaRelationMode;

    private static final class EnumInfo {
        final EnumDecl decl;
        String dbName;
        String schema;
        Span schemaSpan;
        Attribute mapAttr;
        final Map<String, String> valueDbNames = new LinkedHashMap<>();

        EnumInfo(EnumDecl decl) {
            this.decl = decl;
            this.dbName = decl.name().name();
        }
    }

    private SchemaValidation(SchemaAst ast, Diagnostics diagnostics) {
        this.ast = ast;
        this.d = diagnostics;
    }

    /** Validates {@code ast}, adding to {@code diagnostics} (which already holds the syntax errors). */
    public static Datamodel validate(SchemaAst ast, Diagnostics diagnostics) {
        return new SchemaValidation(ast, diagnostics).run();
    }

    private Datamodel run() {
        boolean dbOk = resolveNames();
        if (dbOk && !d.hasErrors()) {
            resolveTypes();
            if (!d.hasErrors()) {
                resolveAttributes();
                inferRelations();
            }
        }
        config = new ConfigValidation(ast, d).run();
        provider = config.datasource() == null ? null : config.datasource().provider();
        prismaRelationMode = config.datasource() != null
                && config.datasource().relationMode() == Datamodel.RelationMode.PRISMA;
        if (d.hasErrors()) {
            return buildDatamodel();
        }
        new Pipeline().run();
        return buildDatamodel();
    }

    // ------------------------------------------------------------------------------------------ names

    private boolean resolveNames() {
        Map<String, Top> generators = new HashMap<>();
        Map<String, Top> datasources = new HashMap<>();
        for (Top top : ast.tops()) {
            if (ScalarType.fromName(top.name().name()).isPresent()) {
                d.error("\"" + top.name().name() + "\" is a reserved scalar type name and cannot be used.",
                        top.name().span());
            }
            Map<String, Top> namespace = tops;
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
        return true;
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

    // ------------------------------------------------------------------------------------------ types

    private void resolveTypes() {
        for (Top top : ast.tops()) {
            if (top instanceof ModelDecl m && !m.isCompositeType()) {
                Model model = new Model(m);
                models.add(model);
                modelsByName.put(model.name(), model);
            } else if (top instanceof EnumDecl e) {
                enums.put(e, new EnumInfo(e));
            }
        }
        for (Model model : models) {
            for (Field f : model.decl.fields()) {
                Fld fld = new Fld(f, model);
                model.fields.add(fld);
                model.byName.put(fld.name(), fld);
                resolveFieldType(fld, f.type());
            }
        }
        for (Top top : ast.tops()) {
            if (top instanceof ModelDecl ct && ct.isCompositeType()) {
                for (Field f : ct.fields()) {
                    if (f.type() instanceof FieldType.Named n && ScalarType.fromName(n.name()).isEmpty()) {
                        Top target = tops.get(n.name());
                        if (target instanceof ModelDecl tm && !tm.isCompositeType()) {
                            d.error("Error validating composite type \"" + ct.name().name() + "\": " + n.name()
                                    + " refers to a model, making this a relation field. Relation fields inside "
                                    + "composite types are not supported.", f.type().span());
                        } else if (target == null) {
                            typeNotFound(n);
                        }
                    }
                }
            } else if (top instanceof EnumDecl e && e.values().isEmpty()) {
                d.error("Error validating: An enum must have at least one value.", e.span());
            }
        }
    }

    private void resolveFieldType(Fld fld, FieldType type) {
        if (type instanceof FieldType.Unsupported u) {
            fld.kind = Kind.UNSUPPORTED;
            fld.unsupported = u.typeName();
            return;
        }
        FieldType.Named named = (FieldType.Named) type;
        ScalarType scalar = ScalarType.fromName(named.name()).orElse(null);
        if (scalar != null) {
            fld.kind = Kind.SCALAR;
            fld.scalar = scalar;
            return;
        }
        Top target = tops.get(named.name());
        if (target instanceof ModelDecl m && !m.isCompositeType()) {
            fld.kind = Kind.RELATION;
            fld.target = modelsByName.get(named.name());
        } else if (target instanceof ModelDecl ct) {
            fld.kind = Kind.COMPOSITE;
            fld.composite = ct;
        } else if (target instanceof EnumDecl e) {
            fld.kind = Kind.ENUM;
            fld.enumDecl = e;
        } else {
            typeNotFound(named);
        }
    }

    private void typeNotFound(FieldType.Named named) {
        String suggestion = null;
        for (ScalarType t : ScalarType.values()) {
            if (t.name().equalsIgnoreCase(named.name())) {
                suggestion = t.name();
            }
        }
        if (suggestion == null) {
            for (String name : tops.keySet()) {
                Top t = tops.get(name);
                if (!(t instanceof ConfigBlock) && name.equalsIgnoreCase(named.name())) {
                    suggestion = name;
                    break;
                }
            }
        }
        String base = "Type \"" + named.name() + "\" is neither a built-in type, nor refers to another model, "
                + "composite type, or enum.";
        d.error(suggestion == null ? base : base + " Did you mean \"" + suggestion + "\"?", named.span());
    }

    // ------------------------------------------------------------------------------------------ attributes

    private void resolveAttributes() {
        for (Model model : models) {
            for (Fld f : model.fields) {
                if (f.isRelation()) {
                    visitRelationFieldAttributes(f);
                }
            }
        }
        for (Top top : ast.tops()) {
            if (top instanceof ModelDecl m && !m.isCompositeType()) {
                resolveModelAttributes(modelsByName.get(m.name().name()));
            } else if (top instanceof EnumDecl e) {
                resolveEnumAttributes(enums.get(e));
            } else if (top instanceof ModelDecl ct) {
                for (Field f : ct.fields()) {
                    AttributeContext ctx = new AttributeContext(d, "@", f.attributes());
                    ctx.visitDatasourceScoped();
                    if (ctx.visitOptionalSingle("map")) {
                        ctx.discardArguments();
                    }
                    if (ctx.visitOptionalSingle("default")) {
                        ctx.discardArguments();
                    }
                    ctx.validateVisitedAttributes();
                }
            }
        }
    }

    private void resolveEnumAttributes(EnumInfo info) {
        for (EnumValue v : info.decl.values()) {
            AttributeContext ctx = new AttributeContext(d, "@", v.attributes());
            String dbName = v.name().name();
            if (ctx.visitOptionalSingle("map")) {
                String mapped = visitMapAttribute(ctx);
                if (mapped != null) {
                    dbName = mapped;
                }
                ctx.validateVisitedArguments();
            }
            info.valueDbNames.put(v.name().name(), dbName);
            ctx.validateVisitedAttributes();
        }
        AttributeContext ctx = new AttributeContext(d, "@@", info.decl.attributes());
        if (ctx.visitOptionalSingle("map")) {
            String mapped = visitMapAttribute(ctx);
            if (mapped != null) {
                info.dbName = mapped;
                info.mapAttr = ctx.current();
            }
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("schema")) {
            info.schemaSpan = visitSchema(ctx, s -> {
                info.schema = s;
            });
            ctx.validateVisitedArguments();
        }
        ctx.validateVisitedAttributes();
    }

    private String visitMapAttribute(AttributeContext ctx) {
        Expression e = ctx.visitDefaultArg("name");
        if (e == null) {
            return null;
        }
        String s = Coerce.string(e, d);
        if (s != null && s.isEmpty()) {
            ctx.attributeError("The `name` argument cannot be an empty string.");
            return null;
        }
        return s;
    }

    /** Visits {@code @@schema("name")}; returns the span of the value (where Prisma points). */
    private Span visitSchema(AttributeContext ctx, java.util.function.Consumer<String> sink) {
        Expression e = ctx.visitDefaultArg("map");
        if (e == null) {
            return ctx.span();
        }
        String s = Coerce.string(e, d);
        if (s != null) {
            sink.accept(s);
        }
        return e.span();
    }

    private void visitRelationFieldAttributes(Fld f) {
        AttributeContext ctx = new AttributeContext(d, "@", f.decl.attributes());
        if (ctx.visitOptionalSingle("relation")) {
            visitRelation(f, ctx);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("id")) {
            ctx.attributeError("The field `" + f.name() + "` is a relation field and cannot be marked with `@id`. Only "
                    + "scalar fields can be declared as id.");
            ctx.discardArguments();
        }
        if (ctx.visitOptionalSingle("ignore")) {
            f.ignored = true;
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("default")) {
            ctx.attributeError("Cannot set a default value on a relation field.");
            ctx.discardArguments();
        }
        if (ctx.visitOptionalSingle("map")) {
            ctx.attributeError("The attribute `@map` cannot be used on relation fields.");
            ctx.visitDefaultArg("name");
            ctx.discardArguments();
        }
        if (ctx.visitOptionalSingle("unique")) {
            List<String> suggested = f.fields().stream().map(Fld::name).toList();
            String suggestion = switch (suggested.size()) {
                case 0 -> "";
                case 1 -> " Did you mean to put it on `" + suggested.get(0) + "`?";
                default -> " Did you mean to provide `@@unique([" + String.join(", ", suggested) + "])`?";
            };
            ctx.attributeError("The field `" + f.name() + "` is a relation field and cannot be marked with `unique`. "
                    + "Only scalar fields can be made unique." + suggestion);
            ctx.discardArguments();
        }
        ctx.validateVisitedAttributes();
    }

    private void visitRelation(Fld f, AttributeContext ctx) {
        f.relationAttr = ctx.current();
        Span attrSpan = ctx.span();
        Expression fields = ctx.visitOptionalArg("fields");
        if (fields != null) {
            FieldList r = resolveFieldArrayWithoutArgs(fields, attrSpan, f.model);
            if (r != null && !r.unknown.isEmpty()) {
                d.error("Error validating: The argument fields must refer only to existing fields. The following "
                        + "fields do not exist in this model: " + String.join(", ", r.unknown), fields.span());
            }
            if (r != null && !r.relation.isEmpty()) {
                d.error("Error validating: The argument fields must refer only to scalar fields. But it is "
                        + "referencing the following relation fields: " + String.join(", ", r.relation), fields.span());
            }
            f.relFields = r == null || !r.unknown.isEmpty() || !r.relation.isEmpty() ? new ArrayList<>() : r.fields;
        }
        Expression references = ctx.visitOptionalArg("references");
        if (references != null) {
            FieldList r = resolveFieldArrayWithoutArgs(references, attrSpan, f.target);
            if (r != null && !r.unknown.isEmpty()) {
                d.error("Error validating: The argument `references` must refer only to existing fields in the "
                        + "related model `" + f.target.name() + "`. The following fields do not exist in the related "
                        + "model: " + String.join(", ", r.unknown), attrSpan);
            }
            if (r != null && !r.relation.isEmpty()) {
                d.error("Error validating: The argument `references` must refer only to scalar fields in the related "
                        + "model `" + f.target.name() + "`. But it is referencing the following relation fields: "
                        + String.join(", ", r.relation), attrSpan);
            }
            f.relReferences = r == null || !r.unknown.isEmpty() || !r.relation.isEmpty() ? new ArrayList<>()
                    : r.fields;
        }
        Expression name = ctx.visitDefaultArgOrNull("name");
        if (name != null) {
            String s = Coerce.string(name, d);
            if (s != null && s.isEmpty()) {
                ctx.attributeError("A relation cannot have an empty name.");
            } else if (s != null) {
                f.explicitRelationName = s;
            }
        }
        Argument onDelete = ctx.visitOptionalArgument("onDelete");
        if (onDelete != null) {
            f.onDelete = referentialAction(onDelete.value());
            f.onDeleteSpan = onDelete.span();
        }
        Argument onUpdate = ctx.visitOptionalArgument("onUpdate");
        if (onUpdate != null) {
            f.onUpdate = referentialAction(onUpdate.value());
            f.onUpdateSpan = onUpdate.span();
        }
        f.fkMap = ctx.mapArgument();
    }

    private ReferentialAction referentialAction(Expression e) {
        String c = Coerce.constant(e, d);
        if (c == null) {
            return null;
        }
        for (ReferentialAction a : ReferentialAction.values()) {
            if (a.name().equals(c)) {
                return a;
            }
        }
        d.error("Invalid referential action: `" + c + "`", e.span());
        return null;
    }

    private static final class FieldList {
        final List<Fld> fields = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> relation = new ArrayList<>();
    }

    /** Resolves {@code [a, b]} to fields; {@code null} when already reported. */
    private FieldList resolveFieldArrayWithoutArgs(Expression values, Span attrSpan, Model model) {
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
                d.error("Error validating model \"" + model.name() + "\": The unique index definition refers to the "
                        + "field " + n + " multiple times.", attrSpan);
                return null;
            }
            out.fields.add(f);
        }
        return out;
    }

    private void resolveModelAttributes(Model model) {
        for (Fld f : model.fields) {
            if (!f.isRelation()) {
                visitScalarFieldAttributes(model, f);
            }
        }
        AttributeContext ctx = new AttributeContext(d, "@@", model.decl.attributes());
        if (ctx.visitOptionalSingle("ignore")) {
            for (Fld f : model.scalarFields()) {
                if (f.ignored) {
                    d.error("Error parsing attribute \"@ignore\": Fields on an already ignored Model do not need an "
                            + "`@ignore` annotation.", f.decl.span());
                }
            }
            model.ignored = true;
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("id")) {
            visitModelId(model, ctx);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("map")) {
            String mapped = visitMapAttribute(ctx);
            if (mapped != null) {
                model.dbName = mapped;
                model.mapAttr = ctx.current();
            }
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("schema")) {
            model.schemaSpan = visitSchema(ctx, s -> model.schema = s);
            ctx.validateVisitedArguments();
        }
        while (ctx.visitRepeated("index")) {
            modelIndex(model, ctx, IndexKind.NORMAL);
            ctx.validateVisitedArguments();
        }
        while (ctx.visitRepeated("unique")) {
            modelIndex(model, ctx, IndexKind.UNIQUE);
            ctx.validateVisitedArguments();
        }
        while (ctx.visitRepeated("fulltext")) {
            modelIndex(model, ctx, IndexKind.FULLTEXT);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("shardKey")) {
            visitModelShardKey(model, ctx);
            ctx.validateVisitedArguments();
        }
        validateIdFieldArities(model);
        ctx.validateVisitedAttributes();
    }

    private void visitScalarFieldAttributes(Model model, Fld f) {
        AttributeContext ctx = new AttributeContext(d, "@", f.decl.attributes());
        if (ctx.visitOptionalSingle("map")) {
            String mapped = visitMapAttribute(ctx);
            if (mapped != null) {
                f.dbName = mapped;
                f.mapAttr = ctx.current();
            }
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("ignore")) {
            if (f.kind == Kind.UNSUPPORTED) {
                ctx.attributeError("Fields of type `Unsupported` cannot take an `@ignore` attribute. They are already "
                        + "treated as ignored by the client due to their type.");
            } else {
                f.ignored = true;
            }
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("relation")) {
            ctx.attributeError("Invalid field type, not a relation.");
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("id")) {
            visitFieldId(model, f, ctx);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("updatedAt")) {
            if (f.scalar != ScalarType.DateTime) {
                ctx.attributeError("Fields that are marked with @updatedAt must be of type DateTime.");
            }
            if (f.isList()) {
                ctx.attributeError("Fields that are marked with @updatedAt cannot be lists.");
            }
            f.updatedAt = true;
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("default")) {
            visitDefault(f, ctx);
            ctx.validateVisitedArguments();
        }
        if (f.kind == Kind.SCALAR) {
            Attribute nat = ctx.visitDatasourceScoped();
            if (nat != null) {
                f.nativeAttr = nat;
            }
        }
        if (ctx.visitOptionalSingle("unique")) {
            visitFieldUnique(model, f, ctx);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("shardKey")) {
            visitFieldShardKey(model, f, ctx);
            ctx.validateVisitedArguments();
        }
        ctx.validateVisitedAttributes();
    }

    private void visitFieldShardKey(Model model, Fld f, AttributeContext ctx) {
        if (f.isOptional() && !model.ignored && !hasModelIgnore(model)) {
            ctx.attributeError("Fields that are marked as shard keys must be required.");
        }
        if (model.shardKeyAttr != null && model.byName.values().stream().anyMatch(x -> x != f && x.shardKey)) {
            d.error("Error validating model \"" + model.name() + "\": At most one field must be marked as the "
                    + "shard key with the `@shardKey` attribute.", model.decl.span());
        }
        f.shardKey = true;
        model.shardKeyAttr = ctx.current();
    }

    private static boolean hasModelIgnore(Model model) {
        return model.decl.attributes().stream().anyMatch(a -> a.nameText().equals("ignore"));
    }

    private void visitModelShardKey(Model model, AttributeContext ctx) {
        if (model.shardKeyAttr != null) {
            d.error("Error validating model \"" + model.name() + "\": Each model must have at most one shard key. You "
                    + "can't have `@shardKey` and `@@shardKey` at the same time.", model.decl.span());
            ctx.discardArguments();
            return;
        }
        Expression fields = ctx.visitDefaultArg("fields");
        if (fields == null) {
            return;
        }
        FieldList r = resolveFieldArrayWithoutArgs(fields, ctx.span(), model);
        if (r == null) {
            return;
        }
        if (!r.unknown.isEmpty()) {
            d.error("Error validating model \"" + model.name() + "\": The multi field shard key declaration refers to "
                    + "the unknown fields " + r.unknown.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + ".", fields.span());
        }
        if (!r.relation.isEmpty()) {
            d.error("Error validating model \"" + model.name() + "\": The shard key definition refers to the relation "
                    + (r.relation.size() == 1 ? "field " : "fields ")
                    + r.relation.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + ". Shard key definitions must reference only scalar fields.", ctx.span());
        }
        if (r.unknown.isEmpty() && r.relation.isEmpty() && !hasModelIgnore(model)) {
            List<String> optional = r.fields.stream().filter(Fld::isOptional).map(Fld::name).toList();
            if (!optional.isEmpty()) {
                d.error("Error validating model \"" + model.name() + "\": The shard key definition refers to the "
                        + "optional fields " + optional.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                        + ". Shard key definitions must reference only required fields.", ctx.span());
            }
        }
        model.shardKeyAttr = ctx.current();
    }

    private void visitFieldId(Model model, Fld f, AttributeContext ctx) {
        String map = ctx.mapArgument();
        Integer length = optionalLength(ctx);
        SortOrder sort = optionalSort(ctx);
        Boolean clustered = clustering(ctx);
        if (model.pk != null) {
            d.error("Error validating model \"" + model.name() + "\": At most one field must be marked as the id field "
                    + "with the `@id` attribute.", model.decl.span());
            return;
        }
        Pk pk = new Pk();
        pk.fields = List.of(new IdxField(f, sort, length, null));
        pk.map = map;
        pk.clustered = clustered;
        pk.attr = ctx.current();
        pk.sourceField = f;
        model.pk = pk;
    }

    private void visitModelId(Model model, AttributeContext ctx) {
        Expression fieldsExpr = ctx.visitDefaultArg("fields");
        if (fieldsExpr == null) {
            return;
        }
        IndexFields resolved = resolveFieldArrayWithArgs(fieldsExpr, model);
        List<IdxField> fields = List.of();
        if (resolved != null) {
            if (!resolved.unknown.isEmpty()) {
                d.error("Error validating model \"" + model.name() + "\": The multi field id declaration refers to the "
                        + "unknown fields " + String.join(", ", resolved.unknown) + ".", ctx.span());
            }
            if (!resolved.relation.isEmpty()) {
                d.error("Error validating model \"" + model.name() + "\": The id definition refers to the relation "
                        + "fields " + String.join(", ", resolved.relation)
                        + ". ID definitions must reference only scalar fields.", ctx.span());
            }
            if (resolved.unknown.isEmpty() && resolved.relation.isEmpty()) {
                fields = resolved.fields;
            }
        }
        Expression nameExpr = ctx.visitOptionalArg("name");
        String name = nameExpr == null ? null : Coerce.string(nameExpr, d);
        String map = ctx.mapArgument();
        Boolean clustered = clustering(ctx);
        if (model.pk != null) {
            d.error("Error validating model \"" + model.name() + "\": Each model must have at most one id criteria. "
                    + "You can't have `@id` and `@@id` at the same time.", model.decl.span());
            return;
        }
        Pk pk = new Pk();
        pk.fields = fields;
        pk.name = name;
        pk.map = map;
        pk.clustered = clustered;
        pk.attr = ctx.current();
        model.pk = pk;
    }

    private void validateIdFieldArities(Model model) {
        if (model.pk == null || model.ignored) {
            return;
        }
        if (model.pk.sourceField != null) {
            if (!model.pk.sourceField.isRequired()) {
                d.error("Error parsing attribute \"@id\": Fields that are marked as id must be required.",
                        model.pk.attr.span());
            }
        } else {
            List<String> optional = model.pk.fields.stream().map(IdxField::field).filter(f -> !f.isRequired())
                    .map(Fld::name).toList();
            if (!optional.isEmpty()) {
                d.error("Error validating model \"" + model.name() + "\": The id definition refers to the optional "
                        + "fields " + String.join(", ", optional) + ". ID definitions must reference only required "
                        + "fields.", model.pk.attr.span());
            }
        }
    }

    private Integer optionalLength(AttributeContext ctx) {
        Expression e = ctx.visitOptionalArg("length");
        if (e == null) {
            return null;
        }
        Long l = Coerce.integer(e, d);
        return l == null ? null : l.intValue();
    }

    private SortOrder optionalSort(AttributeContext ctx) {
        Expression e = ctx.visitOptionalArg("sort");
        if (e == null) {
            return null;
        }
        String c = Coerce.constant(e, d);
        if (c == null) {
            return null;
        }
        return switch (c) {
            case "Asc" -> SortOrder.Asc;
            case "Desc" -> SortOrder.Desc;
            default -> {
                ctx.attributeError("The `sort` argument can only be `Asc` or `Desc` you provided: " + c + ".");
                yield null;
            }
        };
    }

    private Boolean clustering(AttributeContext ctx) {
        Expression e = ctx.visitOptionalArg("clustered");
        return e == null ? null : Coerce.bool(e, d);
    }

    private void visitFieldUnique(Model model, Fld f, AttributeContext ctx) {
        String map = ctx.mapArgument();
        Integer length = optionalLength(ctx);
        SortOrder sort = optionalSort(ctx);
        Boolean clustered = clustering(ctx);
        Idx idx = new Idx();
        idx.kind = IndexKind.UNIQUE;
        idx.fields = List.of(new IdxField(f, sort, length, null));
        idx.map = map;
        idx.clustered = clustered;
        idx.attr = ctx.current();
        idx.sourceField = f;
        model.indexes.add(idx);
    }

    private static final class IndexFields {
        final List<IdxField> fields = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> relation = new ArrayList<>();
        final List<Fld> relationFields = new ArrayList<>();
    }

    private IndexFields resolveFieldArrayWithArgs(Expression values, Model model) {
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
                        case "ops" -> ops = arg.value();
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

    private void modelIndex(Model model, AttributeContext ctx, IndexKind kind) {
        Idx idx = new Idx();
        idx.kind = kind;
        idx.attr = ctx.current();
        Expression fieldsExpr = ctx.visitDefaultArg("fields");
        if (fieldsExpr != null) {
            IndexFields resolved = resolveFieldArrayWithArgs(fieldsExpr, model);
            if (resolved != null) {
                String prefix = kind == IndexKind.UNIQUE ? "unique " : "";
                if (!resolved.unknown.isEmpty()) {
                    d.error("Error validating model \"" + model.name() + "\": The " + prefix + "index definition "
                            + "refers to the unknown fields: " + String.join(", ", resolved.unknown) + ".", ctx.span());
                }
                if (!resolved.relation.isEmpty()) {
                    List<String> suggested = new ArrayList<>();
                    for (Fld rf : resolved.relationFields) {
                        rf.fields().forEach(x -> suggested.add(x.name()));
                    }
                    String suggestion = suggested.isEmpty() ? "" : " Did you mean `@@"
                            + (kind == IndexKind.UNIQUE ? "unique" : "index") + "([" + String.join(", ", suggested)
                            + "])`?";
                    d.error("Error validating model \"" + model.name() + "\": The " + prefix + "index definition "
                            + "refers to the relation fields " + String.join(", ", resolved.relation)
                            + ". Index definitions must reference only scalar fields." + suggestion, ctx.span());
                }
                if (resolved.unknown.isEmpty() && resolved.relation.isEmpty()) {
                    idx.fields = resolved.fields;
                }
            }
        }
        switch (kind) {
            case FULLTEXT -> idx.map = ctx.mapArgument();
            case NORMAL -> {
                Expression nameExpr = ctx.visitOptionalArg("name");
                String name = nameExpr == null ? null : Coerce.string(nameExpr, d);
                String map = ctx.mapArgument();
                if (name != null && map != null) {
                    ctx.attributeError("The `@@index` attribute accepts the `name` argument as an alias for the `map` "
                            + "argument for legacy reasons. It does not accept both though. Please use the `map` "
                            + "argument to specify the database name of the index.");
                } else {
                    idx.map = name != null ? name : map;
                }
                Argument typeArg = ctx.visitOptionalArgument("type");
                Expression type = typeArg == null ? null : typeArg.value();
                if (type != null) {
                    idx.typeSpan = typeArg.span();
                    String t = Coerce.constant(type, d);
                    if (t != null) {
                        if (Set.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin").contains(t)) {
                            idx.type = t;
                        } else {
                            ctx.attributeError("Unknown index type: " + t + ".");
                        }
                    }
                }
                idx.clustered = clustering(ctx);
                visitWhere(idx, ctx);
            }
            case UNIQUE -> {
                Expression nameExpr = ctx.visitOptionalArg("name");
                idx.name = nameExpr == null ? null : Coerce.string(nameExpr, d);
                idx.map = ctx.mapArgument();
                if (idx.name != null) {
                    validateClientName(ctx.span(), model.name(), idx.name, "@@unique");
                }
                idx.clustered = clustering(ctx);
                visitWhere(idx, ctx);
            }
        }
        model.indexes.add(idx);
    }

    private void visitWhere(Idx idx, AttributeContext ctx) {
        Expression where = ctx.visitOptionalArg("where");
        if (where != null) {
            idx.where = where instanceof Expression.FunctionCall fc && fc.name().equals("raw")
                    && fc.arguments().arguments().size() == 1
                    && fc.arguments().arguments().get(0).value() instanceof Expression.StringValue s ? s.value()
                    : where.raw();
        }
    }

    private void validateClientName(Span span, String modelName, String name, String attribute) {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            d.error("Error parsing attribute \"" + attribute + "\": The name of a " + attribute.substring(2)
                    + " must start with a letter.", span);
        }
    }

    // ------------------------------------------------------------------------------------------ @default

    private void visitDefault(Fld f, AttributeContext ctx) {
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
            List<Datamodel.DefaultValue> values = new ArrayList<>();
            for (Expression e : arr.elements()) {
                Datamodel.DefaultValue v = literalDefault(type, e, ctx);
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return new Datamodel.ListValue(values);
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
            d.error("Error parsing attribute \"@default\": A boolean literal must be `true` or `false`.", value.span());
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
        List<Datamodel.DefaultValue> values = new ArrayList<>();
        for (Expression e : arr.elements()) {
            Datamodel.DefaultValue v = enumDefault(f, e, ctx);
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

    // ------------------------------------------------------------------------------------------ relations

    private void inferRelations() {
        Set<Fld> ingested = new HashSet<>();
        for (Model model : models) {
            for (Fld rf : model.relationFields()) {
                if (ingested.contains(rf) || rf.target == null) {
                    continue;
                }
                Fld opp = null;
                for (Fld candidate : rf.target.relationFields()) {
                    if (candidate != rf && candidate.target == model
                            && Objects.equals(candidate.explicitRelationName, rf.explicitRelationName)
                            && !ingested.contains(candidate)) {
                        opp = candidate;
                        break;
                    }
                }
                Relation r = new Relation();
                r.explicitName = rf.explicitRelationName != null;
                r.name = r.explicitName ? rf.explicitRelationName : generatedName(model.name(), rf.target.name());
                if (opp == null) {
                    r.a = rf;
                    r.kind = Datamodel.RelationKind.ONE_TO_MANY;
                } else if (rf.isList() && opp.isList()) {
                    boolean rfFirst = model.name().compareTo(opp.model.name()) < 0
                            || model == opp.model && rf.name().compareTo(opp.name()) < 0;
                    r.a = rfFirst ? rf : opp;
                    r.b = rfFirst ? opp : rf;
                    r.kind = Datamodel.RelationKind.MANY_TO_MANY;
                } else if (rf.isList()) {
                    r.a = opp;
                    r.b = rf;
                    r.kind = Datamodel.RelationKind.ONE_TO_MANY;
                } else if (opp.isList()) {
                    r.a = rf;
                    r.b = opp;
                    r.kind = Datamodel.RelationKind.ONE_TO_MANY;
                } else {
                    boolean rfForward = rf.hasFieldsOrReferences() || !opp.hasFieldsOrReferences()
                            && (model.name().compareTo(opp.model.name()) < 0
                            || model == opp.model && rf.name().compareTo(opp.name()) < 0);
                    r.a = rfForward ? rf : opp;
                    r.b = rfForward ? opp : rf;
                    r.kind = Datamodel.RelationKind.ONE_TO_ONE;
                }
                if (r.b == null && rf.isList()) {
                    // back-relation side only
                    r.b = rf;
                    r.a = null;
                }
                ingested.add(rf);
                rf.relation = r;
                if (opp != null) {
                    ingested.add(opp);
                    opp.relation = r;
                    rf.back = opp;
                    opp.back = rf;
                }
                relations.add(r);
            }
        }
    }

    private static String generatedName(String a, String b) {
        return a.compareTo(b) < 0 ? a + "To" + b : b + "To" + a;
    }

    // ------------------------------------------------------------------------------------------ pipeline

    private final class Pipeline {

        private final Map<String, List<Object>> globalConstraintNames = new HashMap<>();

        void run() {
            databaseNames();
            compositeTypes();
            unknownDefaultFunctions();
            if (config.extensionsProperty() != null) {
                PostgresExtensions.validate(config.extensions(),
                        PostgresExtensions.propertySpan(config.extensionsProperty()),
                        config.previewFeatures().contains("postgresqlExtensions"), d);
            }
            collectConstraintNames();
            for (Model model : models) {
                if (!validateModel(model)) {
                    return; // ambiguous relations: Prisma stops validating to avoid spamming
                }
            }
            if (config.datasource() != null) {
                List<String> schemas = config.datasource().schemas();
                for (Model model : models) {
                    schemaAttribute(model.schema, model.schemaSpan, schemas, model.isView() ? "view" : "model",
                            model);
                }
                for (EnumInfo e : enums.values()) {
                    if (!schemas.isEmpty() && e.schema == null) {
                        d.error("This enum is missing an `@@schema` attribute.", e.decl.span());
                    } else if (e.schema != null && !schemas.contains(e.schema)) {
                        d.error("This schema is not defined in the datasource. Read more on `@@schema` at "
                                + "https://pris.ly/d/multi-schema", e.schemaSpan);
                    }
                }
                if (provider != Provider.POSTGRESQL && config.schemasSpan() != null) {
                    d.error("The `schemas` property is not supported on the current connector.", config.schemasSpan());
                }
                if (config.schemasSpan() != null && schemas.isEmpty()) {
                    d.error("If provided, the schemas array can not be empty.", config.schemasSpan());
                }
            } else {
                for (Model model : models) {
                    if (model.schema != null) {
                        d.error("This schema is not defined in the datasource. Read more on `@@schema` at "
                                + "https://pris.ly/d/multi-schema", model.schemaSpan);
                    }
                }
            }
            for (Relation r : relations) {
                validateRelation(r);
            }
        }

        private void schemaAttribute(String schema, Span schemaSpan, List<String> schemas, String keyword, Model m) {
            if (!schemas.isEmpty() && schema == null) {
                d.error("Error validating " + keyword + " \"" + m.name() + "\": This " + keyword + " is missing an "
                        + "`@@schema` attribute.", m.decl.span());
            } else if (schema != null && !schemas.contains(schema)) {
                d.error("This schema is not defined in the datasource. Read more on `@@schema` at "
                        + "https://pris.ly/d/multi-schema", schemaSpan);
            }
        }

        private void databaseNames() {
            Map<String, Model> byDbName = new HashMap<>();
            for (Model m : models) {
                String key = m.schema + "\u0000" + m.dbName;
                Model existing = byDbName.get(key);
                if (existing != null && !(m.ignored || existing.ignored)) {
                    d.error("The " + m.keyword() + " with database name \"" + m.dbName + "\" could not be defined "
                            + "because another model or view with this name exists: \"" + existing.name() + "\"",
                            m.mapAttr != null ? m.mapAttr.span() : m.decl.name().span());
                } else if (existing == null) {
                    byDbName.put(key, m);
                }
                Map<String, Fld> columns = new HashMap<>();
                for (Fld f : m.scalarFields()) {
                    Fld other = columns.putIfAbsent(f.dbName, f);
                    if (other != null) {
                        d.error("Error validating model \"" + m.name() + "\": Field \"" + f.name() + "\" is already "
                                + "defined on model \"" + m.name() + "\".", f.mapAttr != null ? f.mapAttr.span()
                                : f.decl.name().span());
                    }
                }
            }
            Set<String> enumNames = new HashSet<>();
            for (EnumInfo e : enums.values()) {
                if (!enumNames.add(e.schema + "\u0000" + e.dbName)) {
                    d.error("An enum with the same database name is already defined.",
                            e.mapAttr != null ? e.mapAttr.span() : e.decl.name().span());
                }
            }
        }

        private void compositeTypes() {
            if (provider == null) {
                return;
            }
            for (Top top : ast.tops()) {
                if (top instanceof ModelDecl ct && ct.isCompositeType()) {
                    d.error("Error validating: Composite types are not supported on " + connectorName() + ".",
                            ct.span());
                }
            }
        }

        private String connectorName() {
            return switch (provider) {
                case POSTGRESQL -> "Postgres";
                case MYSQL -> "MySQL";
                case SQLITE -> "SQLite";
            };
        }

        private void unknownDefaultFunctions() {
            for (Model m : models) {
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

        /** Validates one model; {@code false} when validation must stop (an ambiguous relation). */
        private boolean validateModel(Model model) {
            if (model.isView() && !config.previewFeatures().contains("views")) {
                d.error("Error validating: View definitions are only available with the `views` preview feature.",
                        model.decl.span());
            }
            if (model.isView() && model.pk != null) {
                d.error("Error validating: Views cannot have primary keys.", model.pk.attr.span());
            }
            hasStrictUniqueCriteria(model);
            if (model.pk != null) {
                primaryKeyName(model);
            }
            IndexDefinition pk = provider == null || model.pk == null ? null : definition(model.pk);
            if (pk != null) {
                IndexRules.validatePrimaryKeyLengthPrefix(provider, pk, d);
            }
            if (provider != null && !model.isView()) {
                // views: Prisma 6.19 runs no connector index checks (views/view_with_indexes)
                IndexRules.validateModelConnectorSpecific(provider,
                        model.indexes.stream().map(this::definition).toList(), pk, d);
            }
            autoincrement(model);
            if (pk != null) {
                IndexRules.validateLengthUsedWithCorrectTypes(provider, pk, d);
                IndexRules.validateClustering(provider, pk, d);
            }
            for (Fld f : model.scalarFields()) {
                scalarFieldConnectorSpecific(f);
                checkNativeType(f);
                validateDefaultValue(f);
            }
            for (Fld f : model.relationFields()) {
                if (ambiguity(f)) {
                    return false;
                }
                ignoredRelatedModel(f);
                referentialActions(f);
                relationMap(f);
                relationModeIndexWarning(f);
            }
            for (Idx idx : model.indexes) {
                validateIndex(model, idx);
            }
            return true;
        }

        private void hasStrictUniqueCriteria(Model model) {
            if (model.isView() || model.ignored) {
                return;
            }
            if (model.pk != null && model.pk.fields.stream().allMatch(f -> f.field().isRequired())
                    && !model.pk.fields.isEmpty()) {
                return;
            }
            List<List<Fld>> loose = new ArrayList<>();
            if (model.pk != null) {
                loose.add(model.pk.fields.stream().map(IdxField::field).toList());
            }
            for (Idx idx : model.indexes) {
                if (!idx.isUnique() || idx.fields.isEmpty()) {
                    continue;
                }
                List<Fld> fields = idx.fields.stream().map(IdxField::field).toList();
                if (fields.stream().allMatch(f -> f.isRequired() && f.kind != Kind.UNSUPPORTED && !f.ignored)) {
                    return;
                }
                loose.add(fields);
            }
            String msg = "Each model must have at least one unique criteria that has only required fields. Either "
                    + "mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or "
                    + "`@@unique([])` to the model.";
            if (!loose.isEmpty()) {
                msg += " The following unique criterias were not considered as they contain fields that are not "
                        + "required:\n" + loose.stream().map(l -> "- " + l.stream().map(Fld::name)
                        .collect(Collectors.joining(", "))).collect(Collectors.joining("\n"));
            }
            d.error("Error validating model \"" + model.name() + "\": " + msg, model.decl.span());
        }

        private String tableName(Model m) {
            return m.dbName;
        }

        private int maxIdentifierLength() {
            return provider == Provider.MYSQL ? 64 : 63;
        }

        private String constraintName(Model m, List<String> columns, String suffix) {
            String base = tableName(m) + (columns.isEmpty() ? "" : "_" + String.join("_", columns));
            int max = maxIdentifierLength() - suffix.length() - 1;
            if (base.length() > max) {
                base = base.substring(0, max);
            }
            return base + "_" + suffix;
        }

        private String scope(String kind, Model m) {
            // namespaces in which constraint names must be unique, per connector
            if (provider == Provider.POSTGRESQL) {
                return "global:" + m.schema;
            }
            if (provider == Provider.SQLITE) {
                return kind.equals("pk") ? null : "global:" + m.schema;
            }
            if (provider == Provider.MYSQL) {
                return kind.equals("pk") ? null : "model:" + m.name();
            }
            return null;
        }

        private String scopeDescription() {
            return switch (provider) {
                case POSTGRESQL -> "global for primary key, indexes and unique constraints";
                case SQLITE -> "global for indexes and unique constraints";
                case MYSQL -> "model for indexes and unique constraints";
            };
        }

        private void primaryKeyName(Model model) {
            if (provider != Provider.POSTGRESQL || model.isView()) {
                return;
            }
            String name = model.pk.map != null ? model.pk.map : constraintName(model, List.of(), "pkey");
            checkConstraintName(scope("pk", model), name, model.pk, model.pk.attributeName(), model.pk.attr.span());
        }

        private void checkConstraintName(String scope, String name, Object owner, String attribute, Span span) {
            if (scope == null) {
                return;
            }
            String key = scope + "\u0000" + name;
            if (collecting) {
                globalConstraintNames.computeIfAbsent(key, k -> new ArrayList<>()).add(owner);
            } else if (globalConstraintNames.getOrDefault(key, List.of()).size() > 1) {
                // every definition that shares the name is reported, each where it is visited
                reportConstraintName(name, attribute, span);
            }
        }

        private boolean collecting;

        private void collectConstraintNames() {
            collecting = true;
            for (Model model : models) {
                if (model.pk != null) {
                    primaryKeyName(model);
                }
                for (Idx idx : model.indexes) {
                    indexName(model, idx);
                }
            }
            collecting = false;
        }

        private void indexName(Model model, Idx idx) {
            if (provider != null && !idx.fields.isEmpty() && !model.isView()) {
                String suffix = switch (idx.kind) {
                    case UNIQUE -> "key";
                    case NORMAL, FULLTEXT -> "idx";
                };
                String name = idx.map != null ? idx.map : constraintName(model,
                        idx.fields.stream().map(f -> f.field().dbName).toList(), suffix);
                checkConstraintName(scope("idx", model), name, idx, idx.attributeName(), idx.attr.span());
            }
        }

        private void reportConstraintName(String name, String attribute, Span span) {
            d.error("Error parsing attribute \"" + attribute + "\": The given constraint name `" + name + "` has to be "
                    + "unique in the following namespace: " + scopeDescription() + ". Please provide a different name "
                    + "using the `map` argument.", span);
        }

        private void autoincrement(Model model) {
            if (provider == null) {
                return;
            }
            List<Fld> autos = model.scalarFields().stream()
                    .filter(f -> f.defaultValue instanceof Datamodel.Autoincrement).toList();
            if (autos.isEmpty()) {
                return;
            }
            if (provider == Provider.MYSQL && autos.size() > 1) {
                d.error("Error validating model \"" + model.name() + "\": The `autoincrement()` default value is used "
                        + "multiple times on this model even though the underlying datasource only supports one "
                        + "instance per table.", model.decl.span());
            }
            for (Fld f : autos) {
                boolean isId = model.pk != null && model.pk.fields.stream().anyMatch(x -> x.field() == f);
                if (provider == Provider.SQLITE && !isId) {
                    d.error("Error parsing attribute \"@default\": The `autoincrement()` default value is used on a "
                            + "non-id field even though the datasource does not support this.", f.defaultAttr.span());
                }
                if (provider == Provider.SQLITE && isId && model.pk.fields.size() > 1) {
                    d.error("Error parsing attribute \"@default\": The `autoincrement()` default value is used on a "
                            + "composite id field even though the datasource does not support this.",
                            f.defaultAttr.span());
                }
                if (provider == Provider.MYSQL && !isId && model.indexes.stream()
                        .noneMatch(i -> !i.fields.isEmpty() && i.fields.get(0).field() == f)) {
                    d.error("Error parsing attribute \"@default\": The `autoincrement()` default value is used on a "
                            + "non-indexed field even though the datasource does not support this.",
                            f.defaultAttr.span());
                }
            }
        }

        private void scalarFieldConnectorSpecific(Fld f) {
            if (provider == null) {
                return;
            }
            if (f.isList() && provider != Provider.POSTGRESQL) {
                d.error("Field \"" + f.name() + "\" in " + f.model.keyword() + " \"" + f.model.name() + "\" can't be a "
                        + "list. The current connector does not support lists of primitive types.", f.decl.span());
            }
        }

        /** Native type validation: datasource prefix, known type, arguments, field type compatibility. */
        private void checkNativeType(Fld f) {
            Datamodel.Datasource ds = config.datasource();
            if (f.nativeAttr == null || ds == null) {
                return;
            }
            NativeTypeValidator.validate(provider, ds.providerName(), ds.name(), f.scalar.name(), f.nativeAttr, d);
        }

        /** The index rules' view of a key or index field. */
        private IndexFieldInfo fieldInfo(IdxField f) {
            Fld fld = f.field();
            String opClass = null;
            boolean raw = false;
            if (f.opsExpr() instanceof Expression.FunctionCall fc && fc.name().equals("raw")) {
                raw = true;
                List<Argument> args = fc.arguments().arguments();
                opClass = !args.isEmpty() && args.get(0).value() instanceof Expression.StringValue s ? s.value()
                        : fc.raw();
            } else if (f.opsExpr() != null) {
                opClass = f.opsExpr().raw();
            }
            NativeType nativeType = fld.nativeAttr == null ? null : NativeTypeValidator.resolve(provider, fld.nativeAttr);
            return new IndexFieldInfo(fld.name(), fld.kind == Kind.SCALAR ? fld.scalar.name() : null,
                    fld.kind == Kind.UNSUPPORTED, fld.isList(), nativeType, opClass, raw, f.length() != null,
                    f.sort() != null, fld.decl.span());
        }

        private IndexDefinition definition(Pk pk) {
            return new IndexDefinition(dev.prismaspring.schema.nativetypes.IndexKind.PRIMARY_KEY, pk.attributeName(),
                    pk.attr.span(), null, null, pk.clustered, pk.fields.stream().map(this::fieldInfo).toList());
        }

        private IndexDefinition definition(Idx idx) {
            dev.prismaspring.schema.nativetypes.IndexKind kind = switch (idx.kind) {
                case UNIQUE -> dev.prismaspring.schema.nativetypes.IndexKind.UNIQUE;
                case NORMAL -> dev.prismaspring.schema.nativetypes.IndexKind.NORMAL;
                case FULLTEXT -> dev.prismaspring.schema.nativetypes.IndexKind.FULLTEXT;
            };
            IndexAlgorithm algorithm = idx.type == null ? null : IndexAlgorithm.fromName(idx.type).orElse(null);
            return new IndexDefinition(kind, idx.attributeName(), idx.attr.span(), algorithm, idx.typeSpan,
                    idx.clustered, idx.fields.stream().map(this::fieldInfo).toList());
        }

        /** The literal checks Prisma runs once the schema resolved (JSON, base64, RFC 3339, integers, decimals). */
        private void validateDefaultValue(Fld f) {
            if (f.defaultExpr == null) {
                return;
            }
            if (f.defaultExpr instanceof Expression.FunctionCall fc && fc.name().equals("auto")) {
                d.error("Error parsing attribute \"@default\": The current connector does not support the `auto()` "
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
                    d.error("Error parsing attribute \"" + (type == ScalarType.Decimal ? "default" : "@default")
                            + "\": " + problem, e.span());
                }
            } else if (e instanceof Expression.NumericValue n && (type == ScalarType.Int || type == ScalarType.BigInt)) {
                try {
                    Long.parseLong(n.value());
                } catch (NumberFormatException ex) {
                    d.error("Error parsing attribute \"@default\": Parse error: \"" + n.value() + "\" is not a valid "
                            + "integer. (invalid digit found in string)", e.span());
                }
            }
        }

        /** Reports an ambiguous relation field; {@code true} if it is one. */
        private boolean ambiguity(Fld field) {
            Model model = field.model;
            Model related = field.target;
            String relName = field.explicitRelationName != null ? field.explicitRelationName
                    : generatedName(model.name(), related.name());
            List<Fld> group = model.relationFields().stream().filter(f -> f.target == related
                    && Objects.equals(f.explicitRelationName, field.explicitRelationName)).toList();
            if (group.size() <= 1) {
                return false;
            }
            boolean self = model == related;
            boolean explicit = field.explicitRelationName != null;
            String names = fieldList(group);
            String message;
            if (!explicit && self && group.size() == 2) {
                message = "Ambiguous self relation detected. The fields " + names + " in model `" + model.name()
                        + "` both refer to `" + related.name() + "`. If they are part of the same relation add the same "
                        + "relation name for them with `@relation(<name>)`.";
            } else if (!explicit && self) {
                message = "Unnamed self relation detected. The fields " + names + " in model `" + model.name()
                        + "` have no relation name. Please provide a relation name for one of them by adding "
                        + "`@relation(<name>).";
            } else if (explicit && self && group.size() > 2) {
                message = "Wrongly named self relation detected. The fields " + names + " in model `" + model.name()
                        + "` have the same relation name. At most two relation fields can belong to the same relation "
                        + "and therefore have the same name. Please assign a different relation name to one of them.";
            } else if (explicit && self) {
                return false;
            } else if (!explicit) {
                message = "Ambiguous relation detected. The fields " + names + " in model `" + model.name()
                        + "` both refer to `" + related.name() + "`. Please provide different relation names for them "
                        + "by adding `@relation(<name>).";
            } else {
                message = "Wrongly named relation detected. The fields " + names + " in model `" + model.name()
                        + "` both use the same relation name. Please provide different relation names for them "
                        + "through `@relation(<name>).";
            }
            Objects.requireNonNull(relName);
            d.error("Error validating model \"" + model.name() + "\": " + message, field.decl.span());
            return true;
        }

        private String fieldList(List<Fld> fields) {
            List<String> names = fields.stream().map(f -> "`" + f.name() + "`").toList();
            if (names.size() == 2) {
                return names.get(0) + " and " + names.get(1);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }

        private void ignoredRelatedModel(Fld f) {
            if (f.target.ignored && !f.ignored && !f.model.ignored) {
                d.error("Error parsing attribute \"@ignore\": The relation field `" + f.name() + "` on Model `"
                        + f.model.name() + "` must specify the `@ignore` attribute, because the model "
                        + f.target.name() + " it is pointing to is marked ignored.", f.decl.span());
            }
        }

        private void relationMap(Fld f) {
            if (f.fkMap != null && provider == Provider.SQLITE) {
                d.error("Error parsing attribute \"@relation\": Your provider does not support named foreign keys.",
                        f.relationAttr.span());
            }
        }

        private List<ReferentialAction> allowedActions() {
            if (provider == null) {
                return List.of(ReferentialAction.values());
            }
            if (prismaRelationMode) {
                // emulated actions: NoAction is an alias of Restrict on MySQL, not implemented on PostgreSQL/SQLite
                if (provider == Provider.MYSQL) {
                    return List.of(ReferentialAction.Cascade, ReferentialAction.Restrict, ReferentialAction.NoAction,
                            ReferentialAction.SetNull);
                }
                return List.of(ReferentialAction.Cascade, ReferentialAction.Restrict, ReferentialAction.SetNull);
            }
            return List.of(ReferentialAction.values());
        }

        private void referentialActions(Fld f) {
            checkAction(f, f.onDelete, f.onDeleteSpan, "onDelete");
            checkAction(f, f.onUpdate, f.onUpdateSpan, "onUpdate");
        }

        private void checkAction(Fld f, ReferentialAction action, Span span, String which) {
            if (action == null) {
                return;
            }
            List<ReferentialAction> allowed = allowedActions();
            if (!allowed.contains(action)) {
                String extra = prismaRelationMode && action == ReferentialAction.NoAction
                        ? ". `NoAction` is not implemented for " + connectorName() + " when using `relationMode = "
                        + "\"prisma\"`, you could try using `Restrict` instead. Learn more at "
                        + "https://pris.ly/d/relation-mode" : "";
                d.error("Error validating: Invalid referential action: `" + action.name() + "`. Allowed values: ("
                        + allowed.stream().map(a -> "`" + a.name() + "`").collect(Collectors.joining(", ")) + ")"
                        + extra, span);
                return;
            }
            if (action == ReferentialAction.SetNull && f.fields().stream().anyMatch(x -> !x.isOptional())) {
                if (provider == Provider.POSTGRESQL && !prismaRelationMode) {
                    d.warning("The `" + which + "` referential action of a relation should not be set to `SetNull` "
                            + "when a referenced field is required. We recommend either to choose another referential "
                            + "action, or to make the referenced fields optional. Read more at "
                            + "https://pris.ly/d/postgres-set-null ", f.decl.span());
                } else {
                    d.error("Error parsing attribute \"@relation\": The `" + which + "` referential action of a relation "
                            + "must not be set to `SetNull` when a referenced field is required.\nEither choose another "
                            + "referential action, or make the referenced fields optional.\n", f.decl.span());
                }
            }
            if (action == ReferentialAction.SetDefault && provider == Provider.MYSQL && !prismaRelationMode) {
                d.warning("MySQL does not actually support the `SetDefault` referential action, so using it may result "
                        + "in unexpected errors. Read more at https://pris.ly/d/mysql-set-default ", span);
            }
        }

        private void validateIndex(Model model, Idx idx) {
            if (model.isView()) {
                if (idx.isUnique() && idx.map != null) {
                    d.error("Error validating: @@unique annotations on views are not backed by unique indexes in the "
                            + "database and cannot specify a mapped database name.", idx.attr.span());
                } else if (!idx.isUnique()) {
                    d.error("Error validating: Views cannot have indexes.", idx.attr.span());
                }
                if (idx.isUnique() && idx.fields.stream().anyMatch(IdxField::hasArgs)) {
                    d.error("Error parsing attribute \"" + idx.attributeName() + "\": Scalar fields in @@unique "
                            + "attributes in views cannot have arguments.", idx.attr.span());
                }
                return;
            }
            if (idx.fields.isEmpty() && idx.sourceField == null && idx.attr.arguments().arguments().stream()
                    .anyMatch(a -> a.value() instanceof Expression.ArrayValue arr && arr.elements().isEmpty())) {
                d.error("Error validating model \"" + model.name() + "\": The list of fields in an index cannot be "
                        + "empty. Please specify at least one field.", idx.attr.span());
            }
            indexName(model, idx);
            if (provider == null) {
                return;
            }
            IndexDefinition def = definition(idx);
            IndexRules.validateLengthPrefixSupported(provider, def, d);
            IndexRules.validateIndexTypeSupported(provider, def, d);
            IndexRules.validateHashSort(provider, def, d);
            if (idx.kind == IndexKind.FULLTEXT && provider != Provider.MYSQL) {
                d.error("Error parsing attribute \"@@fulltext\": Defining fulltext indexes is not supported with the "
                        + "current connector.", idx.attr.span());
            }
            if (idx.kind == IndexKind.FULLTEXT && idx.fields.stream().anyMatch(f -> f.length() != null)) {
                d.error("Error parsing attribute \"@@fulltext\": The length argument is not supported in a @@fulltext "
                        + "attribute.", idx.attr.span());
            }
            IndexRules.validateClustering(provider, def, d);
            IndexRules.validateOperatorClassesOnlyOnNormalIndex(def, d);
            IndexRules.validateLengthUsedWithCorrectTypes(provider, def, d);
        }

        // -------------------------------------------------------------------------------- relations

        private void validateRelation(Relation r) {
            if (r.kind == Datamodel.RelationKind.MANY_TO_MANY) {
                validateImplicitManyToMany(r);
                return;
            }
            Fld fwd = r.a;
            Fld back = r.b;
            if (fwd != null && back != null && prismaRelationMode) {
                cycles(fwd);
            }
            if (fwd != null) {
                referencesUniqueFields(fwd);
                sameLength(fwd);
                fieldArity(fwd);
                referencingTypes(fwd);
            }
            if (r.kind == Datamodel.RelationKind.ONE_TO_ONE) {
                validateOneToOne(fwd, back);
            } else {
                if (fwd != null && back == null) {
                    missingOpposite(fwd);
                } else if (fwd == null && back != null) {
                    missingOpposite(back);
                }
                if (fwd != null && back != null) {
                    if (fwd.fields().isEmpty()) {
                        relationAttributeError("The relation field `" + fwd.name() + "` on Model `" + fwd.model.name()
                                + "` must specify the `fields` argument in the @relation attribute. You can run "
                                + "`prisma format` to fix this automatically.", fwd.decl.span());
                    }
                    if (fwd.references().isEmpty()) {
                        relationAttributeError("The relation field `" + fwd.name() + "` on Model `" + fwd.model.name()
                                + "` must specify the `references` argument in the @relation attribute.",
                                fwd.decl.span());
                    }
                    if (!back.fields().isEmpty() || !back.references().isEmpty()) {
                        relationAttributeError("The relation field `" + back.name() + "` on Model `" + back.model.name()
                                + "` must not specify the `fields` or `references` argument in the @relation "
                                + "attribute. You must only specify it on the opposite field `" + fwd.name()
                                + "` on model `" + fwd.model.name() + "`.", back.decl.span());
                    }
                    if (back.onDelete != null || back.onUpdate != null) {
                        relationAttributeError("The relation field `" + back.name() + "` on Model `"
                                + back.model.name() + "` must not specify the `onDelete` or `onUpdate` argument in "
                                + "the @relation attribute. You must only specify it on the opposite field `"
                                + fwd.name() + "` on model `" + fwd.model.name() + "`, or in case of a many to many "
                                + "relation, in an explicit join table.", back.decl.span());
                    }
                }
            }
        }

        private void relationAttributeError(String message, Span span) {
            d.error("Error parsing attribute \"@relation\": " + message, span);
        }

        private void missingOpposite(Fld f) {
            String container = f.model.keyword();
            d.error("Error validating field `" + f.name() + "` in " + container + " `" + f.model.name()
                    + "`: The relation field `" + f.name() + "` on " + container + " `" + f.model.name()
                    + "` is missing an opposite relation field on the model `" + f.target.name()
                    + "`. Either run `prisma format` or add it manually.", f.decl.span());
        }

        /** Default onDelete as Prisma resolves it: SetNull for optional relations, Restrict otherwise. */
        private ReferentialAction onDelete(Fld fwd) {
            if (fwd.onDelete != null) {
                return fwd.onDelete;
            }
            boolean optional = fwd.fields().stream().anyMatch(Fld::isOptional) || fwd.isOptional()
                    && fwd.fields().isEmpty();
            if (optional) {
                return ReferentialAction.SetNull;
            }
            return ReferentialAction.Restrict;
        }

        private ReferentialAction onUpdate(Fld fwd) {
            return fwd.onUpdate != null ? fwd.onUpdate : ReferentialAction.Cascade;
        }

        /** Cyclic referential actions; checked with relationMode = "prisma" (emulation cannot handle cycles). */
        private void cycles(Fld start) {
            Set<Fld> visited = new HashSet<>();
            List<Object[]> next = new ArrayList<>();
            next.add(new Object[] {start, List.of(start)});
            Model parent = start.model;
            while (!next.isEmpty()) {
                Object[] item = next.remove(next.size() - 1);
                Fld rel = (Fld) item[0];
                @SuppressWarnings("unchecked")
                List<Fld> path = (List<Fld>) item[1];
                visited.add(rel);
                Model related = rel.target;
                if (onDelete(rel) != ReferentialAction.NoAction || onUpdate(rel) != ReferentialAction.NoAction) {
                    if (rel.model == related) {
                        cascadeError(start, "A self-relation must have `onDelete` and `onUpdate` referential actions "
                                + "set to `NoAction` in one of the @relation attributes.");
                        return;
                    }
                    if (related == parent) {
                        cascadeError(start, "Reference causes a cycle. One of the @relation attributes in this cycle "
                                + "must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle "
                                + "path: " + path.stream().map(f -> f.model.name() + "." + f.name())
                                .collect(Collectors.joining(" → ")) + ".");
                        return;
                    }
                    for (Fld f : related.relationFields()) {
                        if (f.relation != null && f.relation.a == f && f.relation.b != null
                                && f.relation.kind != Datamodel.RelationKind.MANY_TO_MANY && !visited.contains(f)) {
                            List<Fld> p2 = new ArrayList<>(path);
                            p2.add(f);
                            next.add(new Object[] {f, p2});
                        }
                    }
                }
            }
        }

        private void cascadeError(Fld fwd, String msg) {
            ReferentialAction del = fwd.onDelete == null && onDelete(fwd) != ReferentialAction.NoAction
                    ? onDelete(fwd) : null;
            ReferentialAction upd = fwd.onUpdate == null && onUpdate(fwd) != ReferentialAction.NoAction
                    ? onUpdate(fwd) : null;
            if (del != null && upd != null) {
                msg += " (Implicit default `onDelete`: `" + del.name() + "`, and `onUpdate`: `" + upd.name() + "`)";
            } else if (del != null) {
                msg += " (Implicit default `onDelete`: `" + del.name() + "`)";
            } else if (upd != null) {
                msg += " (Implicit default `onUpdate`: `" + upd.name() + "`)";
            }
            msg += " Read more at https://pris.ly/d/cyclic-referential-actions";
            d.error("Error validating: " + msg, fwd.decl.span());
        }

        private void referencesUniqueFields(Fld f) {
            if (f.references().isEmpty()) {
                return;
            }
            List<String> refs = f.references().stream().map(Fld::name).sorted().toList();
            boolean unique = uniqueCriteria(f.target).stream()
                    .anyMatch(c -> c.stream().map(Fld::name).sorted().toList().equals(refs));
            if (unique) {
                return;
            }
            String names = f.references().stream().map(Fld::name).collect(Collectors.joining(", "));
            String msg = f.references().size() == 1
                    ? "The argument `references` must refer to a unique criteria in the related model. Consider adding "
                    + "an `@unique` attribute to the field `" + names + "` in the model `" + f.target.name() + "`."
                    : "The argument `references` must refer to a unique criteria in the related model. Consider adding "
                    + "an `@@unique([" + names + "])` attribute to the model `" + f.target.name() + "`.";
            relationAttributeError(msg, f.decl.span());
        }

        private List<List<Fld>> uniqueCriteria(Model m) {
            List<List<Fld>> out = new ArrayList<>();
            if (m.pk != null && !m.pk.fields.isEmpty()) {
                out.add(m.pk.fields.stream().map(IdxField::field).toList());
            }
            for (Idx idx : m.indexes) {
                if (idx.isUnique() && !idx.fields.isEmpty()) {
                    out.add(idx.fields.stream().map(IdxField::field).toList());
                }
            }
            return out;
        }

        private void sameLength(Fld f) {
            if (f.relFields != null && f.relReferences != null && f.relFields.size() != f.relReferences.size()) {
                d.error("Error validating: You must specify the same number of fields in `fields` and `references`.",
                        f.relationAttr.span());
            }
        }

        private void fieldArity(Fld f) {
            if (!f.isRequired() || f.relFields == null || f.relFields.stream().noneMatch(Fld::isOptional)) {
                return;
            }
            d.error("Error validating: The relation field `" + f.name() + "` uses the scalar fields "
                    + f.fields().stream().map(Fld::name).collect(Collectors.joining(", ")) + ". At least one of those "
                    + "fields is optional. Hence the relation field must be optional as well.", f.decl.span());
        }

        private void referencingTypes(Fld f) {
            if (f.relFields == null) {
                return;
            }
            for (int i = 0; i < f.relFields.size() && i < f.references().size(); i++) {
                Fld a = f.relFields.get(i);
                Fld b = f.references().get(i);
                if (!sameType(a, b)) {
                    relationAttributeError("The type of the field `" + a.name() + "` in the model `" + a.model.name()
                            + "` is not matching the type of the referenced field `" + b.name() + "` in model `"
                            + b.model.name() + "`.", f.decl.span());
                }
            }
        }

        private boolean sameType(Fld a, Fld b) {
            if (a.kind != b.kind) {
                return false;
            }
            return switch (a.kind) {
                case SCALAR -> a.scalar == b.scalar;
                case ENUM -> a.enumDecl == b.enumDecl;
                case COMPOSITE -> a.composite == b.composite;
                case UNSUPPORTED -> Objects.equals(a.unsupported, b.unsupported);
                default -> false;
            };
        }

        private void validateOneToOne(Fld fwd, Fld back) {
            if (back == null) {
                if (fwd != null) {
                    missingOpposite(fwd);
                }
                return;
            }
            if (fwd.fields().isEmpty() && back.fields().isEmpty()) {
                relationAttributeError(bothMissing(fwd, back, "fields"), fwd.decl.span());
                relationAttributeError(bothMissing(back, fwd, "fields"), back.decl.span());
            }
            if (fwd.references().isEmpty() && back.references().isEmpty()) {
                relationAttributeError(bothMissing(fwd, back, "references"), fwd.decl.span());
                relationAttributeError(bothMissing(back, fwd, "references"), back.decl.span());
            }
            if (!fwd.references().isEmpty() && !back.references().isEmpty()) {
                String msg = bothProvide(fwd, back, "references");
                relationAttributeError(msg, fwd.decl.span());
                relationAttributeError(msg, back.decl.span());
            }
            if (!fwd.fields().isEmpty() && !back.fields().isEmpty()) {
                String msg = bothProvide(fwd, back, "fields");
                relationAttributeError(msg, fwd.decl.span());
                relationAttributeError(msg, back.decl.span());
            }
            boolean fwdActions = fwd.onDelete != null || fwd.onUpdate != null;
            boolean backActions = back.onDelete != null || back.onUpdate != null;
            if (fwdActions && backActions) {
                relationAttributeError(bothActions(back, fwd), back.decl.span());
                relationAttributeError(bothActions(fwd, back), fwd.decl.span());
            } else if (backActions) {
                relationAttributeError("The relation field `" + back.name() + "` on Model `" + back.model.name()
                        + "` must not specify the `onDelete` or `onUpdate` argument in the @relation attribute. You "
                        + "must only specify it on the opposite field `" + fwd.name() + "` on model `"
                        + fwd.model.name() + "`.", back.decl.span());
            }
            if (fwd.relFields != null) {
                Set<Fld> fs = new HashSet<>(fwd.relFields);
                boolean unique = uniqueCriteria(fwd.model).stream()
                        .anyMatch(c -> c.size() == fs.size() && fs.containsAll(c));
                if (!unique) {
                    String names = fwd.relFields.stream().map(Fld::name).collect(Collectors.joining(", "));
                    relationAttributeError(fwd.relFields.size() == 1
                            ? "A one-to-one relation must use unique fields on the defining side. Either add an "
                            + "`@unique` attribute to the field `" + names + "`, or change the relation to one-to-many."
                            : "A one-to-one relation must use unique fields on the defining side. Either add an "
                            + "`@@unique([" + names + "])` attribute to the model, or change the relation to "
                            + "one-to-many.", fwd.decl.span());
                }
            }
            if (!d.hasErrors()) {
                if (!fwd.fields().isEmpty() && !back.references().isEmpty()) {
                    String msg = "The relation field `" + fwd.name() + "` on Model `" + fwd.model.name() + "` provides "
                            + "the `fields` argument in the @relation attribute. And the related field `" + back.name()
                            + "` on Model `" + back.model.name() + "` provides the `references` argument. You must "
                            + "provide both arguments on the same side.";
                    relationAttributeError(msg, fwd.decl.span());
                    relationAttributeError(msg, back.decl.span());
                }
                if (!fwd.references().isEmpty() && !back.fields().isEmpty()) {
                    relationAttributeError("The relation field `" + fwd.name() + "` on Model `" + fwd.model.name()
                            + "` provides the `references` argument in the @relation attribute. And the related field `"
                            + back.name() + "` on Model `" + back.model.name() + "` provides the `fields` argument. You "
                            + "must provide both arguments on the same side.", fwd.decl.span());
                }
            }
            if (!d.hasErrors() && back.isRequired()) {
                relationAttributeError("The relation field `" + back.name() + "` on Model `" + back.model.name()
                        + "` is required. This is not valid because it's not possible to enforce this constraint on "
                        + "the database level. Please change the field type from `" + fwd.model.name() + "` to `"
                        + fwd.model.name() + "?` to fix this.", back.decl.span());
            }
            if (!d.hasErrors() && fwd.isRequired() && back.hasFieldsOrReferences()) {
                relationAttributeError("The relation field `" + back.model.name() + "." + back.name() + "` defines the "
                        + "`fields` and/or `references` argument. You must set them on the required side of the "
                        + "relation (`" + fwd.model.name() + "." + fwd.name() + "`) in order for the constraints to be "
                        + "enforced. Alternatively, you can change this field to be required and the opposite optional, "
                        + "or make both sides of the relation optional.", back.decl.span());
            }
        }

        private String bothMissing(Fld a, Fld b, String arg) {
            return "The relation fields `" + a.name() + "` on Model `" + a.model.name() + "` and `" + b.name()
                    + "` on Model `" + b.model.name() + "` do not provide the `" + arg + "` argument in the @relation "
                    + "attribute. You have to provide it on one of the two fields.";
        }

        private String bothProvide(Fld a, Fld b, String arg) {
            return "The relation fields `" + a.name() + "` on Model `" + a.model.name() + "` and `" + b.name()
                    + "` on Model `" + b.model.name() + "` both provide the `" + arg + "` argument in the @relation "
                    + "attribute. You have to provide it only on one of the two fields.";
        }

        private String bothActions(Fld a, Fld b) {
            return "The relation fields `" + a.name() + "` on Model `" + a.model.name() + "` and `" + b.name()
                    + "` on Model `" + b.model.name() + "` both provide the `onDelete` or `onUpdate` argument in the "
                    + "@relation attribute. You have to provide it only on one of the two fields.";
        }

        private void relationModeIndexWarning(Fld f) {
            if (!prismaRelationMode || f.relFields == null || provider == null) {
                return;
            }
            List<Fld> fields = f.relFields;
            for (Idx idx : f.model.indexes) {
                if (leftwiseIncluded(fields, idx.fields)) {
                    return;
                }
            }
            if (f.model.pk != null && leftwiseIncluded(fields, f.model.pk.fields)) {
                return;
            }
            d.warning("With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit "
                    + "from the index usually created by the relational database under the hood. This can lead to "
                    + "poor performance when querying these fields. We recommend adding an index manually. Learn more "
                    + "at https://pris.ly/d/relation-mode-prisma-indexes\" ",
                    f.relationAttr != null ? f.relationAttr.span() : f.decl.span());
        }

        private boolean leftwiseIncluded(List<Fld> sub, List<IdxField> sup) {
            if (sub.size() > sup.size()) {
                return false;
            }
            for (int i = 0; i < sub.size(); i++) {
                if (sup.get(i).field() != sub.get(i)) {
                    return false;
                }
            }
            return true;
        }

        private void validateImplicitManyToMany(Relation r) {
            for (Fld f : List.of(r.a, r.b)) {
                if (f.model.isView() || f.target.isView()) {
                    d.error("Error validating: Implicit many-to-many relations are not supported for views.",
                            f.decl.span());
                }
            }
            for (Fld f : List.of(r.a, r.b)) {
                Model target = f.target;
                boolean singleId = target.pk != null && target.pk.fields.size() == 1;
                String container = target.isView() ? "view" : "model";
                if (!singleId) {
                    d.error("Error validating field `" + f.name() + "` in " + container + " `" + f.model.name()
                            + "`: The relation field `" + f.name() + "` on " + container + " `" + f.model.name()
                            + "` references `" + target.name() + "` which does not have an `@id` field. Models "
                            + "without `@id` cannot be part of a many to many relation. Use an explicit intermediate "
                            + "Model to represent this relationship.", f.decl.span());
                    continue;
                }
                Fld id = target.pk.fields.get(0).field();
                if (f.relReferences != null && !(f.references().size() == 1 && f.references().get(0) == id)) {
                    d.error("Error validating: Implicit many-to-many relations must always reference the id field of "
                            + "the related model. Change the argument `references` to use the id field of the related "
                            + "model `" + target.name() + "`. But it is referencing the following fields that are not "
                            + "the id: " + f.references().stream().map(Fld::name).collect(Collectors.joining(", ")),
                            f.decl.span());
                }
            }
            for (Fld f : List.of(r.a, r.b)) {
                if (f.onDeleteSpan != null) {
                    d.error("Error validating: Referential actions on implicit many-to-many relations are not "
                            + "supported", f.onDeleteSpan);
                }
                if (f.onUpdateSpan != null) {
                    d.error("Error validating: Referential actions on implicit many-to-many relations are not "
                            + "supported", f.onUpdateSpan);
                }
            }
            for (Fld f : List.of(r.a, r.b)) {
                if (f.relReferences != null) {
                    relationAttributeError("Implicit many-to-many relation should not have references argument "
                            + "defined. Either remove it, or change the relation to one-to-many.", f.decl.span());
                }
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

    private static String nativeTypeName(Fld f) {
        if (f.nativeAttr == null) {
            return null;
        }
        String n = f.nativeAttr.nameText();
        return n.substring(n.indexOf('.') + 1);
    }

    private static List<String> nativeArgs(Attribute a) {
        return a.arguments().arguments().stream().map(arg -> arg.value() instanceof Expression.StringValue s
                ? s.value() : arg.value().raw()).toList();
    }

    // ------------------------------------------------------------------------------------------ datamodel

    private Datamodel buildDatamodel() {
        List<Datamodel.Model> outModels = new ArrayList<>();
        for (Model m : models) {
            List<Datamodel.Field> fields = new ArrayList<>();
            for (Fld f : m.fields) {
                if (f.kind == null) {
                    continue;
                }
                Datamodel.Arity arity = f.isList() ? Datamodel.Arity.LIST
                        : f.isOptional() ? Datamodel.Arity.OPTIONAL : Datamodel.Arity.REQUIRED;
                if (f.isRelation()) {
                    Relation r = f.relation;
                    fields.add(new Datamodel.RelationField(f.name(), f.target == null ? f.typeName() : f.target.name(),
                            arity, r == null ? null : r.name, f.fields().stream().map(Fld::name).toList(),
                            f.references().stream().map(Fld::name).toList(), f.onDelete, f.onUpdate, f.fkMap,
                            r == null ? null : r.kind,
                            f.back == null ? null : f.back.name(), f.ignored, f.decl.documentation()));
                } else {
                    Datamodel.FieldType type = switch (f.kind) {
                        case SCALAR -> new Datamodel.BuiltIn(f.scalar);
                        case ENUM -> new Datamodel.EnumRef(f.enumDecl.name().name());
                        case COMPOSITE -> new Datamodel.CompositeRef(f.composite.name().name());
                        default -> new Datamodel.Unsupported(f.unsupported);
                    };
                    Datamodel.NativeType nt = f.nativeAttr == null ? null
                            : new Datamodel.NativeType(nativeTypeName(f), nativeArgs(f.nativeAttr));
                    fields.add(new Datamodel.ScalarField(f.name(), f.dbName, type, arity, f.defaultValue, nt,
                            f.updatedAt, f.ignored, f.decl.documentation()));
                }
            }
            Datamodel.PrimaryKey pk = m.pk == null ? null : new Datamodel.PrimaryKey(indexFields(m.pk.fields),
                    m.pk.name, m.pk.map, m.pk.clustered);
            List<Datamodel.Index> indexes = new ArrayList<>();
            for (Idx idx : m.indexes) {
                indexes.add(new Datamodel.Index(idx.kind, indexFields(idx.fields), idx.name, idx.map, idx.type,
                        idx.where, idx.clustered, idx.sourceField != null));
            }
            outModels.add(new Datamodel.Model(m.name(), m.dbName, m.schema, m.isView(), m.ignored, fields, pk, indexes,
                    m.decl.documentation()));
        }
        List<Datamodel.EnumType> outEnums = new ArrayList<>();
        for (EnumInfo e : enums.values()) {
            List<Datamodel.EnumValueDef> values = new ArrayList<>();
            for (EnumValue v : e.decl.values()) {
                values.add(new Datamodel.EnumValueDef(v.name().name(),
                        e.valueDbNames.getOrDefault(v.name().name(), v.name().name()), v.documentation()));
            }
            outEnums.add(new Datamodel.EnumType(e.decl.name().name(), e.dbName, e.schema, values,
                    e.decl.documentation()));
        }
        List<Datamodel.CompositeType> composites = new ArrayList<>();
        for (Top top : ast.tops()) {
            if (top instanceof ModelDecl ct && ct.isCompositeType()) {
                composites.add(new Datamodel.CompositeType(ct.name().name(),
                        ct.fields().stream().map(f -> f.name().name()).toList()));
            }
        }
        return new Datamodel(provider, config == null ? null : config.datasource(),
                config == null ? List.of() : config.generators(), outModels, outEnums, composites);
    }

    private static List<Datamodel.IndexField> indexFields(List<IdxField> fields) {
        return fields.stream().map(f -> new Datamodel.IndexField(f.field().name(), f.sort(), f.length(), f.ops()))
                .toList();
    }
}
