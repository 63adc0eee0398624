package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.schema.Datamodel.IndexKind;
import dev.prismaspring.schema.Datamodel.SortOrder;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import dev.prismaspring.schema.validate.Model.Pk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Ids, unique constraints, indexes and shard keys: {@code @id}, {@code @@id}, {@code @unique}, {@code @@unique}, {@code @@index}, {@code @@fulltext}, {@code @shardKey}, {@code @@shardKey}. */
final class KeyAttributes extends ValidationPhase {

    private final FieldReferences fieldReferences;

    KeyAttributes(ValidationContext context) {
        super(context);
        this.fieldReferences = new FieldReferences(context);
    }

    private static boolean hasModelIgnore(Model model) {
        return model.decl.attributes().stream().anyMatch(a -> a.nameText().equals("ignore"));
    }

    void visitModelShardKey(Model model, AttributeContext ctx) {
        if (model.shardKeyAttr != null) {
            modelError(model, "Each model must have at most one shard key. You "
                    + "can't have `@shardKey` and `@@shardKey` at the same time.", model.decl.span());
            ctx.discardArguments();
            return;
        }
        Expression fields = ctx.visitDefaultArg("fields");
        if (fields == null) {
            return;
        }
        FieldReferences.FieldList r = fieldReferences.resolveFieldArrayWithoutArgs(fields, ctx.span(), model);
        if (r == null) {
            return;
        }
        if (!r.unknown.isEmpty()) {
            modelError(model, "The multi field shard key declaration refers to "
                    + "the unknown fields " + r.unknown.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + ".", fields.span());
        }
        if (!r.relation.isEmpty()) {
            modelError(model, "The shard key definition refers to the relation "
                    + (r.relation.size() == 1 ? "field " : "fields ")
                    + r.relation.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + ". Shard key definitions must reference only scalar fields.", ctx.span());
        }
        if (r.unknown.isEmpty() && r.relation.isEmpty() && !hasModelIgnore(model)) {
            List<String> optional = r.fields.stream().filter(Fld::isOptional).map(Fld::name).toList();
            if (!optional.isEmpty()) {
                modelError(model, "The shard key definition refers to the "
                        + "optional fields " + optional.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                        + ". Shard key definitions must reference only required fields.", ctx.span());
            }
        }
        model.shardKeyAttr = ctx.current();
    }

    void visitFieldShardKey(Model model, Fld f, AttributeContext ctx) {
        if (f.isOptional() && !model.ignored && !hasModelIgnore(model)) {
            ctx.attributeError("Fields that are marked as shard keys must be required.");
        }
        if (model.shardKeyAttr != null && model.byName.values().stream().anyMatch(x -> x != f && x.shardKey)) {
            modelError(model, "At most one field must be marked as the "
                    + "shard key with the `@shardKey` attribute.", model.decl.span());
        }
        f.shardKey = true;
        model.shardKeyAttr = ctx.current();
    }

    void visitFieldId(Model model, Fld f, AttributeContext ctx) {
        String map = ctx.mapArgument();
        Integer length = optionalLength(ctx);
        SortOrder sort = optionalSort(ctx);
        Boolean clustered = clustering(ctx);
        if (model.pk != null) {
            modelError(model, "At most one field must be marked as the id field "
                    + "with the `@id` attribute.", model.decl.span());
            return;
        }
        model.pk = new Pk(List.of(new IdxField(f, sort, length, null)), null, map, clustered, ctx.current(), f);
    }

    void visitModelId(Model model, AttributeContext ctx) {
        Expression fieldsExpr = ctx.visitDefaultArg("fields");
        if (fieldsExpr == null) {
            return;
        }
        FieldReferences.IndexFields resolved = fieldReferences.resolveFieldArrayWithArgs(fieldsExpr, model);
        List<IdxField> fields = List.of();
        if (resolved != null) {
            if (!resolved.unknown.isEmpty()) {
                modelError(model, "The multi field id declaration refers to the "
                        + "unknown fields " + String.join(", ", resolved.unknown) + ".", ctx.span());
            }
            if (!resolved.relation.isEmpty()) {
                modelError(model, "The id definition refers to the relation "
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
            modelError(model, "Each model must have at most one id criteria. "
                    + "You can't have `@id` and `@@id` at the same time.", model.decl.span());
            return;
        }
        model.pk = new Pk(fields, name, map, clustered, ctx.current(), null);
    }

    void validateIdFieldArities(Model model) {
        if (model.pk == null || model.ignored) {
            return;
        }
        if (model.pk.sourceField != null) {
            if (!model.pk.sourceField.isRequired()) {
                attributeError("@id", "Fields that are marked as id must be required.",
                        model.pk.attr.span());
            }
        } else {
            List<String> optional = model.pk.fields.stream().map(IdxField::field).filter(f -> !f.isRequired())
                    .map(Fld::name).toList();
            if (!optional.isEmpty()) {
                modelError(model, "The id definition refers to the optional "
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

    void visitFieldUnique(Model model, Fld f, AttributeContext ctx) {
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

    void modelIndex(Model model, AttributeContext ctx, IndexKind kind) {
        Idx idx = new Idx();
        idx.kind = kind;
        idx.attr = ctx.current();
        Expression fieldsExpr = ctx.visitDefaultArg("fields");
        if (fieldsExpr != null) {
            FieldReferences.IndexFields resolved = fieldReferences.resolveFieldArrayWithArgs(fieldsExpr, model);
            if (resolved != null) {
                String prefix = kind == IndexKind.UNIQUE ? "unique " : "";
                if (!resolved.unknown.isEmpty()) {
                    modelError(model, "The " + prefix + "index definition "
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
                    modelError(model, "The " + prefix + "index definition "
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
            attributeError(attribute, "The name of a " + attribute.substring(2)
                    + " must start with a letter.", span);
        }
    }
}
