package dev.prismaspring.schema.validate;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks of whole relations: one-to-one and one-to-many sides, fields and references, unique criteria, types. */
final class RelationValidation extends ValidationPhase {

    private final ReferentialCycles cycles;
    private final ImplicitManyToManyValidation manyToMany;

    RelationValidation(ValidationContext context) {
        super(context);
        this.cycles = new ReferentialCycles(context);
        this.manyToMany = new ImplicitManyToManyValidation(context);
    }

    void validateRelation(Relation r) {
        if (r.kind == Datamodel.RelationKind.MANY_TO_MANY) {
            manyToMany.validateImplicitManyToMany(r);
            return;
        }
        Fld fwd = r.a;
        Fld back = r.b;
        if (fwd != null && back != null && context.prismaRelationMode) {
            cycles.cycles(fwd);
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
                    attributeError("@relation", "The relation field `" + fwd.name() + "` on Model `" + fwd.model.name()
                            + "` must specify the `fields` argument in the @relation attribute. You can run "
                            + "`prisma format` to fix this automatically.", fwd.decl.span());
                }
                if (fwd.references().isEmpty()) {
                    attributeError("@relation", "The relation field `" + fwd.name() + "` on Model `" + fwd.model.name()
                            + "` must specify the `references` argument in the @relation attribute.",
                            fwd.decl.span());
                }
                if (!back.fields().isEmpty() || !back.references().isEmpty()) {
                    attributeError("@relation", "The relation field `" + back.name() + "` on Model `" + back.model.name()
                            + "` must not specify the `fields` or `references` argument in the @relation "
                            + "attribute. You must only specify it on the opposite field `" + fwd.name()
                            + "` on model `" + fwd.model.name() + "`.", back.decl.span());
                }
                if (back.onDelete != null || back.onUpdate != null) {
                    attributeError("@relation", "The relation field `" + back.name() + "` on Model `"
                            + back.model.name() + "` must not specify the `onDelete` or `onUpdate` argument in "
                            + "the @relation attribute. You must only specify it on the opposite field `"
                            + fwd.name() + "` on model `" + fwd.model.name() + "`, or in case of a many to many "
                            + "relation, in an explicit join table.", back.decl.span());
                }
            }
        }
    }

    private void missingOpposite(Fld f) {
        String container = f.model.keyword();
        d.error("Error validating field `" + f.name() + "` in " + container + " `" + f.model.name()
                + "`: The relation field `" + f.name() + "` on " + container + " `" + f.model.name()
                + "` is missing an opposite relation field on the model `" + f.target.name()
                + "`. Either run `prisma format` or add it manually.", f.decl.span());
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
        attributeError("@relation", msg, f.decl.span());
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
                attributeError("@relation", "The type of the field `" + a.name() + "` in the model `" + a.model.name()
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
            attributeError("@relation", bothMissing(fwd, back, "fields"), fwd.decl.span());
            attributeError("@relation", bothMissing(back, fwd, "fields"), back.decl.span());
        }
        if (fwd.references().isEmpty() && back.references().isEmpty()) {
            attributeError("@relation", bothMissing(fwd, back, "references"), fwd.decl.span());
            attributeError("@relation", bothMissing(back, fwd, "references"), back.decl.span());
        }
        if (!fwd.references().isEmpty() && !back.references().isEmpty()) {
            String msg = bothProvide(fwd, back, "references");
            attributeError("@relation", msg, fwd.decl.span());
            attributeError("@relation", msg, back.decl.span());
        }
        if (!fwd.fields().isEmpty() && !back.fields().isEmpty()) {
            String msg = bothProvide(fwd, back, "fields");
            attributeError("@relation", msg, fwd.decl.span());
            attributeError("@relation", msg, back.decl.span());
        }
        boolean fwdActions = fwd.onDelete != null || fwd.onUpdate != null;
        boolean backActions = back.onDelete != null || back.onUpdate != null;
        if (fwdActions && backActions) {
            attributeError("@relation", bothActions(back, fwd), back.decl.span());
            attributeError("@relation", bothActions(fwd, back), fwd.decl.span());
        } else if (backActions) {
            attributeError("@relation", "The relation field `" + back.name() + "` on Model `" + back.model.name()
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
                attributeError("@relation", fwd.relFields.size() == 1
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
                attributeError("@relation", msg, fwd.decl.span());
                attributeError("@relation", msg, back.decl.span());
            }
            if (!fwd.references().isEmpty() && !back.fields().isEmpty()) {
                attributeError("@relation", "The relation field `" + fwd.name() + "` on Model `" + fwd.model.name()
                        + "` provides the `references` argument in the @relation attribute. And the related field `"
                        + back.name() + "` on Model `" + back.model.name() + "` provides the `fields` argument. You "
                        + "must provide both arguments on the same side.", fwd.decl.span());
            }
        }
        if (!d.hasErrors() && back.isRequired()) {
            attributeError("@relation", "The relation field `" + back.name() + "` on Model `" + back.model.name()
                    + "` is required. This is not valid because it's not possible to enforce this constraint on "
                    + "the database level. Please change the field type from `" + fwd.model.name() + "` to `"
                    + fwd.model.name() + "?` to fix this.", back.decl.span());
        }
        if (!d.hasErrors() && fwd.isRequired() && back.hasFieldsOrReferences()) {
            attributeError("@relation", "The relation field `" + back.model.name() + "." + back.name() + "` defines the "
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
}
