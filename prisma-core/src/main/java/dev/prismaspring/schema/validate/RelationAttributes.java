package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.schema.Datamodel.ReferentialAction;
import dev.prismaspring.schema.validate.Model.Fld;
import java.util.ArrayList;
import java.util.List;

/** The attributes of relation fields: {@code @relation} (fields, references, name, referential actions, map) and the attributes relation fields cannot take. */
final class RelationAttributes extends ValidationPhase {

    private final FieldReferences fieldReferences;

    RelationAttributes(ValidationContext context) {
        super(context);
        this.fieldReferences = new FieldReferences(context);
    }

    void visitRelationFieldAttributes(Fld f) {
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
            FieldReferences.FieldList r = fieldReferences.resolveFieldArrayWithoutArgs(fields, attrSpan, f.model);
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
            FieldReferences.FieldList r = fieldReferences.resolveFieldArrayWithoutArgs(references, attrSpan, f.target);
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
}
