package dev.prismaspring.schema.validate;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.nativetypes.NativeTypeValidator;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import dev.prismaspring.schema.validate.Model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The per-model checks of the pipeline, in Prisma's order; fields, keys, indexes and relation fields in turn. */
final class ModelValidation extends ValidationPhase {

    private final DatabaseNames names;
    private final DefaultValueValidation defaults;
    private final IndexValidation indexes;
    private final ViewValidation views;
    private final RelationFieldValidation relationFields;

    ModelValidation(ValidationContext context, DatabaseNames names, DefaultValueValidation defaults) {
        super(context);
        this.names = names;
        this.defaults = defaults;
        this.indexes = new IndexValidation(context, names);
        this.views = new ViewValidation(context);
        this.relationFields = new RelationFieldValidation(context);
    }

    /** Validates one model; {@code false} when validation must stop (an ambiguous relation). */
    boolean validateModel(Model model) {
        if (model.isView()) {
            views.validateView(model);
        }
        hasStrictUniqueCriteria(model);
        if (model.pk != null) {
            names.primaryKeyName(model);
        }
        indexes.validateKeysConnectorSpecific(model);
        autoincrement(model);
        indexes.validatePrimaryKeyFields(model);
        for (Fld f : model.scalarFields()) {
            scalarFieldConnectorSpecific(f);
            checkNativeType(f);
            defaults.validateDefaultValue(f);
        }
        for (Fld f : model.relationFields()) {
            if (relationFields.ambiguity(f)) {
                return false;
            }
            relationFields.ignoredRelatedModel(f);
            relationFields.referentialActions(f);
            relationFields.relationMap(f);
            relationFields.relationModeIndexWarning(f);
        }
        for (Idx idx : model.indexes) {
            if (model.isView()) {
                views.validateViewIndex(idx);
            } else {
                indexes.validateIndex(model, idx);
            }
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
        modelError(model, "" + msg, model.decl.span());
    }

    private void autoincrement(Model model) {
        if (context.provider == null) {
            return;
        }
        List<Fld> autos = model.scalarFields().stream()
                .filter(f -> f.defaultValue instanceof Datamodel.Autoincrement).toList();
        if (autos.isEmpty()) {
            return;
        }
        if (context.provider == Provider.MYSQL && autos.size() > 1) {
            modelError(model, "The `autoincrement()` default value is used "
                    + "multiple times on this model even though the underlying datasource only supports one "
                    + "instance per table.", model.decl.span());
        }
        for (Fld f : autos) {
            boolean isId = model.pk != null && model.pk.fields.stream().anyMatch(x -> x.field() == f);
            if (context.provider == Provider.SQLITE && !isId) {
                attributeError("@default", "The `autoincrement()` default value is used on a "
                        + "non-id field even though the datasource does not support this.", f.defaultAttr.span());
            }
            if (context.provider == Provider.SQLITE && isId && model.pk.fields.size() > 1) {
                attributeError("@default", "The `autoincrement()` default value is used on a "
                        + "composite id field even though the datasource does not support this.",
                        f.defaultAttr.span());
            }
            if (context.provider == Provider.MYSQL && !isId && model.indexes.stream()
                    .noneMatch(i -> !i.fields.isEmpty() && i.fields.get(0).field() == f)) {
                attributeError("@default", "The `autoincrement()` default value is used on a "
                        + "non-indexed field even though the datasource does not support this.",
                        f.defaultAttr.span());
            }
        }
    }

    private void scalarFieldConnectorSpecific(Fld f) {
        if (context.provider == null) {
            return;
        }
        if (f.isList() && context.provider != Provider.POSTGRESQL) {
            d.error("Field \"" + f.name() + "\" in " + f.model.keyword() + " \"" + f.model.name() + "\" can't be a "
                    + "list. The current connector does not support lists of primitive types.", f.decl.span());
        }
    }

    /** Native type validation: datasource prefix, known type, arguments, field type compatibility. */
    private void checkNativeType(Fld f) {
        Datamodel.Datasource ds = context.config.datasource();
        if (f.nativeAttr == null || ds == null) {
            return;
        }
        NativeTypeValidator.validate(context.provider, ds.providerName(), ds.name(), f.scalar.name(), f.nativeAttr, d);
    }
}
