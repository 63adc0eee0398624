package dev.prismaspring.schema.validate;

import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;

/** What views may not have: the preview feature, primary keys, indexes, mapped or parameterised unique constraints. */
final class ViewValidation extends ValidationPhase {

    ViewValidation(ValidationContext context) {
        super(context);
    }

    /** The view itself: the {@code views} preview feature, no primary key. */
    void validateView(Model view) {
        if (!context.config.previewFeatures().contains("views")) {
            d.error("Error validating: View definitions are only available with the `views` preview feature.",
                    view.decl.span());
        }
        if (view.pk != null) {
            d.error("Error validating: Views cannot have primary keys.", view.pk.attr.span());
        }
    }

    /** An index or unique constraint of a view (instead of the checks of model indexes). */
    void validateViewIndex(Idx idx) {
        if (idx.isUnique() && idx.map != null) {
            d.error("Error validating: @@unique annotations on views are not backed by unique indexes in the "
                    + "database and cannot specify a mapped database name.", idx.attr.span());
        } else if (!idx.isUnique()) {
            d.error("Error validating: Views cannot have indexes.", idx.attr.span());
        }
        if (idx.isUnique() && idx.fields.stream().anyMatch(IdxField::hasArgs)) {
            attributeError(idx.attributeName(), "Scalar fields in @@unique "
                    + "attributes in views cannot have arguments.", idx.attr.span());
        }
    }
}
