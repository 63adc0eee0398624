package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.Datamodel.ReferentialAction;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Checks of single relation fields: ambiguity, ignored targets, referential actions, foreign key names, relation-mode index hints. */
final class RelationFieldValidation extends ValidationPhase {

    RelationFieldValidation(ValidationContext context) {
        super(context);
    }

    /** Reports an ambiguous relation field; {@code true} if it is one. */
    boolean ambiguity(Fld field) {
        Model model = field.model;
        Model related = field.target;
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
        modelError(model, "" + message, field.decl.span());
        return true;
    }

    private String fieldList(List<Fld> fields) {
        List<String> names = fields.stream().map(f -> "`" + f.name() + "`").toList();
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    void ignoredRelatedModel(Fld f) {
        if (f.target.ignored && !f.ignored && !f.model.ignored) {
            attributeError("@ignore", "The relation field `" + f.name() + "` on Model `"
                    + f.model.name() + "` must specify the `@ignore` attribute, because the model "
                    + f.target.name() + " it is pointing to is marked ignored.", f.decl.span());
        }
    }

    void relationMap(Fld f) {
        if (f.fkMap != null && context.provider == Provider.SQLITE) {
            attributeError("@relation", "Your provider does not support named foreign keys.",
                    f.relationAttr.span());
        }
    }

    void referentialActions(Fld f) {
        checkAction(f, f.onDelete, f.onDeleteSpan, "onDelete");
        checkAction(f, f.onUpdate, f.onUpdateSpan, "onUpdate");
    }

    private void checkAction(Fld f, ReferentialAction action, Span span, String which) {
        if (action == null) {
            return;
        }
        List<ReferentialAction> allowed = allowedActions();
        if (!allowed.contains(action)) {
            String extra = context.prismaRelationMode && action == ReferentialAction.NoAction
                    ? ". `NoAction` is not implemented for " + context.connectorName() + " when using `relationMode = "
                    + "\"prisma\"`, you could try using `Restrict` instead. Learn more at "
                    + "https://pris.ly/d/relation-mode" : "";
            d.error("Error validating: Invalid referential action: `" + action.name() + "`. Allowed values: ("
                    + allowed.stream().map(a -> "`" + a.name() + "`").collect(Collectors.joining(", ")) + ")"
                    + extra, span);
            return;
        }
        if (action == ReferentialAction.SetNull && f.fields().stream().anyMatch(x -> !x.isOptional())) {
            if (context.provider == Provider.POSTGRESQL && !context.prismaRelationMode) {
                d.warning("The `" + which + "` referential action of a relation should not be set to `SetNull` "
                        + "when a referenced field is required. We recommend either to choose another referential "
                        + "action, or to make the referenced fields optional. Read more at "
                        + "https://pris.ly/d/postgres-set-null ", f.decl.span());
            } else {
                attributeError("@relation", "The `" + which + "` referential action of a relation "
                        + "must not be set to `SetNull` when a referenced field is required.\nEither choose another "
                        + "referential action, or make the referenced fields optional.\n", f.decl.span());
            }
        }
        if (action == ReferentialAction.SetDefault && context.provider == Provider.MYSQL && !context.prismaRelationMode) {
            d.warning("MySQL does not actually support the `SetDefault` referential action, so using it may result "
                    + "in unexpected errors. Read more at https://pris.ly/d/mysql-set-default ", span);
        }
    }

    private List<ReferentialAction> allowedActions() {
        if (context.provider == null) {
            return List.of(ReferentialAction.values());
        }
        if (context.prismaRelationMode) {
            // emulated actions: NoAction is an alias of Restrict on MySQL, not implemented on PostgreSQL/SQLite
            if (context.provider == Provider.MYSQL) {
                return List.of(ReferentialAction.Cascade, ReferentialAction.Restrict, ReferentialAction.NoAction,
                        ReferentialAction.SetNull);
            }
            return List.of(ReferentialAction.Cascade, ReferentialAction.Restrict, ReferentialAction.SetNull);
        }
        return List.of(ReferentialAction.values());
    }

    void relationModeIndexWarning(Fld f) {
        if (!context.prismaRelationMode || f.relFields == null || context.provider == null) {
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
}
