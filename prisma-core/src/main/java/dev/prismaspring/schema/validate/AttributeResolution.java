package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.EnumValue;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Datamodel.IndexKind;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Kind;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Attribute resolution: visits the attributes of models, fields, enums and composite types in Prisma's order.
 * Relation fields, keys and indexes, and defaults have their own visitors.
 */
final class AttributeResolution extends ValidationPhase {

    private final RelationAttributes relationAttributes;
    private final KeyAttributes keys;
    private final DefaultAttribute defaults;

    AttributeResolution(ValidationContext context) {
        super(context);
        this.relationAttributes = new RelationAttributes(context);
        this.keys = new KeyAttributes(context);
        this.defaults = new DefaultAttribute(context);
    }

    void run() {
        for (Model model : context.models) {
            for (Fld f : model.fields) {
                if (f.isRelation()) {
                    relationAttributes.visitRelationFieldAttributes(f);
                }
            }
        }
        for (Top top : context.ast.tops()) {
            if (top instanceof ModelDecl m && !m.isCompositeType()) {
                resolveModelAttributes(context.modelsByName.get(m.name().name()));
            } else if (top instanceof EnumDecl e) {
                resolveEnumAttributes(context.enums.get(e));
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
            info.valueDbNames.put(v.name().name(), v.name().name());
            visitMap(ctx, (mapped, attribute) -> info.valueDbNames.put(v.name().name(), mapped));
            ctx.validateVisitedAttributes();
        }
        AttributeContext ctx = new AttributeContext(d, "@@", info.decl.attributes());
        visitMap(ctx, (mapped, attribute) -> {
            info.dbName = mapped;
            info.mapAttr = attribute;
        });
        if (ctx.visitOptionalSingle("schema")) {
            info.schemaSpan = visitSchema(ctx, s -> {
                info.schema = s;
            });
            ctx.validateVisitedArguments();
        }
        ctx.validateVisitedAttributes();
    }

    /** Visits {@code @map} / {@code @@map}; a valid name goes to {@code sink} with its attribute. */
    private void visitMap(AttributeContext ctx, BiConsumer<String, Attribute> sink) {
        if (ctx.visitOptionalSingle("map")) {
            String mapped = visitMapAttribute(ctx);
            if (mapped != null) {
                sink.accept(mapped, ctx.current());
            }
            ctx.validateVisitedArguments();
        }
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
    private Span visitSchema(AttributeContext ctx, Consumer<String> sink) {
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
                    attributeError("@ignore", "Fields on an already ignored Model do not need an "
                            + "`@ignore` annotation.", f.decl.span());
                }
            }
            model.ignored = true;
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("id")) {
            keys.visitModelId(model, ctx);
            ctx.validateVisitedArguments();
        }
        visitMap(ctx, (mapped, attribute) -> {
            model.dbName = mapped;
            model.mapAttr = attribute;
        });
        if (ctx.visitOptionalSingle("schema")) {
            model.schemaSpan = visitSchema(ctx, s -> model.schema = s);
            ctx.validateVisitedArguments();
        }
        while (ctx.visitRepeated("index")) {
            keys.modelIndex(model, ctx, IndexKind.NORMAL);
            ctx.validateVisitedArguments();
        }
        while (ctx.visitRepeated("unique")) {
            keys.modelIndex(model, ctx, IndexKind.UNIQUE);
            ctx.validateVisitedArguments();
        }
        while (ctx.visitRepeated("fulltext")) {
            keys.modelIndex(model, ctx, IndexKind.FULLTEXT);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("shardKey")) {
            keys.visitModelShardKey(model, ctx);
            ctx.validateVisitedArguments();
        }
        keys.validateIdFieldArities(model);
        ctx.validateVisitedAttributes();
    }

    private void visitScalarFieldAttributes(Model model, Fld f) {
        AttributeContext ctx = new AttributeContext(d, "@", f.decl.attributes());
        visitMap(ctx, (mapped, attribute) -> {
            f.dbName = mapped;
            f.mapAttr = attribute;
        });
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
            keys.visitFieldId(model, f, ctx);
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
            defaults.visitDefault(f, ctx);
            ctx.validateVisitedArguments();
        }
        if (f.kind == Kind.SCALAR) {
            Attribute nat = ctx.visitDatasourceScoped();
            if (nat != null) {
                f.nativeAttr = nat;
            }
        }
        if (ctx.visitOptionalSingle("unique")) {
            keys.visitFieldUnique(model, f, ctx);
            ctx.validateVisitedArguments();
        }
        if (ctx.visitOptionalSingle("shardKey")) {
            keys.visitFieldShardKey(model, f, ctx);
            ctx.validateVisitedArguments();
        }
        ctx.validateVisitedAttributes();
    }
}
