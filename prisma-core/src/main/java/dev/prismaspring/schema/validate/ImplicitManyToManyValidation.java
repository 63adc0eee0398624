package dev.prismaspring.schema.validate;

import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.List;
import java.util.stream.Collectors;

/** Checks of implicit many-to-many relations: views, single ids, referential actions, references. */
final class ImplicitManyToManyValidation extends ValidationPhase {

    ImplicitManyToManyValidation(ValidationContext context) {
        super(context);
    }

    void validateImplicitManyToMany(Relation r) {
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
                attributeError("@relation", "Implicit many-to-many relation should not have references argument "
                        + "defined. Either remove it, or change the relation to one-to-many.", f.decl.span());
            }
        }
    }
}
