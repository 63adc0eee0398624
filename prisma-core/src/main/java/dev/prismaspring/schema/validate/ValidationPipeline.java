package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.nativetypes.PostgresExtensions;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.List;

/**
 * The validation pipeline Prisma runs once the schema resolved without errors: database names, composite types,
 * default functions, datasource, models, {@code @@schema}, relations.
 */
final class ValidationPipeline extends ValidationPhase {

    private final DatabaseNames names;
    private final DefaultValueValidation defaults;
    private final ModelValidation modelValidation;
    private final RelationValidation relationValidation;

    ValidationPipeline(ValidationContext context) {
        super(context);
        this.names = new DatabaseNames(context);
        this.defaults = new DefaultValueValidation(context);
        this.modelValidation = new ModelValidation(context, names, defaults);
        this.relationValidation = new RelationValidation(context);
    }

    void run() {
        names.databaseNames();
        compositeTypes();
        defaults.unknownDefaultFunctions();
        if (context.config.extensionsProperty() != null) {
            PostgresExtensions.validate(context.config.extensions(),
                    PostgresExtensions.propertySpan(context.config.extensionsProperty()),
                    context.config.previewFeatures().contains("postgresqlExtensions"), d);
        }
        names.collectConstraintNames();
        for (Model model : context.models) {
            if (!modelValidation.validateModel(model)) {
                return; // ambiguous context.relations: Prisma stops validating to avoid spamming
            }
        }
        if (context.config.datasource() != null) {
            List<String> schemas = context.config.datasource().schemas();
            for (Model model : context.models) {
                schemaAttribute(model.schema, model.schemaSpan, schemas, model.isView() ? "view" : "model",
                        model);
            }
            for (EnumInfo e : context.enums.values()) {
                if (!schemas.isEmpty() && e.schema == null) {
                    d.error("This enum is missing an `@@schema` attribute.", e.decl.span());
                } else if (e.schema != null && !schemas.contains(e.schema)) {
                    d.error("This schema is not defined in the datasource. Read more on `@@schema` at "
                            + "https://pris.ly/d/multi-schema", e.schemaSpan);
                }
            }
            if (context.provider != Provider.POSTGRESQL && context.config.schemasSpan() != null) {
                d.error("The `schemas` property is not supported on the current connector.", context.config.schemasSpan());
            }
            if (context.config.schemasSpan() != null && schemas.isEmpty()) {
                d.error("If provided, the schemas array can not be empty.", context.config.schemasSpan());
            }
        } else {
            for (Model model : context.models) {
                if (model.schema != null) {
                    d.error("This schema is not defined in the datasource. Read more on `@@schema` at "
                            + "https://pris.ly/d/multi-schema", model.schemaSpan);
                }
            }
        }
        for (Relation r : context.relations) {
            relationValidation.validateRelation(r);
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

    private void compositeTypes() {
        if (context.provider == null) {
            return;
        }
        for (Top top : context.ast.tops()) {
            if (top instanceof ModelDecl ct && ct.isCompositeType()) {
                d.error("Error validating: Composite types are not supported on " + context.connectorName() + ".",
                        ct.span());
            }
        }
    }
}
