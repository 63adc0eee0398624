package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.schema.Datamodel.IndexKind;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.nativetypes.IndexAlgorithm;
import dev.prismaspring.schema.nativetypes.IndexDefinition;
import dev.prismaspring.schema.nativetypes.IndexFieldInfo;
import dev.prismaspring.schema.nativetypes.IndexRules;
import dev.prismaspring.schema.nativetypes.NativeType;
import dev.prismaspring.schema.nativetypes.NativeTypeValidator;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import dev.prismaspring.schema.validate.Model.Kind;
import dev.prismaspring.schema.validate.Model.Pk;
import java.util.List;

/** Provider-dependent key and index rules ({@link IndexRules}) for the working models, and the index checks of the pipeline. */
final class IndexValidation extends ValidationPhase {

    private final DatabaseNames names;

    IndexValidation(ValidationContext context, DatabaseNames names) {
        super(context);
        this.names = names;
    }

    /**
     * The model-level key rules, in Prisma's order: a named primary key, the primary key's length prefixes and sort
     * orders, then the connector's checks of all keys and indexes (none for views, as in Prisma 6.19:
     * {@code views/view_with_indexes}).
     */
    void validateKeysConnectorSpecific(Model model) {
        if (context.provider == null) {
            return;
        }
        if (model.pk != null && model.pk.map != null && !IndexRules.supportsNamedPrimaryKeys(context.provider)) {
            modelError(model, IndexRules.NAMED_PRIMARY_KEY_NOT_SUPPORTED, model.decl.span());
        }
        IndexDefinition pk = model.pk == null ? null : definition(model.pk);
        if (pk != null) {
            IndexRules.validatePrimaryKeyLengthPrefix(context.provider, pk, d);
            IndexRules.validatePrimaryKeySortOrder(context.provider, pk, d);
        }
        if (!model.isView()) {
            IndexRules.validateModelConnectorSpecific(context.provider,
                    model.indexes.stream().map(this::definition).toList(), pk, d);
        }
    }

    /** The primary key's field rules: {@code length:} only on String and Bytes, no clustering. */
    void validatePrimaryKeyFields(Model model) {
        if (context.provider == null || model.pk == null) {
            return;
        }
        IndexDefinition pk = definition(model.pk);
        IndexRules.validateLengthUsedWithCorrectTypes(context.provider, pk, d);
        IndexRules.validateClustering(context.provider, pk, d);
    }

    /** The checks of one index or unique constraint of a model (views: {@link ViewValidation}). */
    void validateIndex(Model model, Idx idx) {
        if (idx.fields.isEmpty() && idx.sourceField == null && idx.attr.arguments().arguments().stream()
                .anyMatch(a -> a.value() instanceof Expression.ArrayValue arr && arr.elements().isEmpty())) {
            modelError(model, "The list of fields in an index cannot be "
                    + "empty. Please specify at least one field.", idx.attr.span());
        }
        names.indexName(model, idx);
        if (context.provider == null) {
            return;
        }
        IndexDefinition def = definition(idx);
        IndexRules.validateLengthPrefixSupported(context.provider, def, d);
        IndexRules.validateIndexTypeSupported(context.provider, def, d);
        IndexRules.validateHashSort(context.provider, def, d);
        if (idx.kind == IndexKind.FULLTEXT && context.provider != Provider.MYSQL) {
            attributeError("@@fulltext", "Defining fulltext indexes is not supported with the "
                    + "current connector.", idx.attr.span());
        }
        if (idx.kind == IndexKind.FULLTEXT && idx.fields.stream().anyMatch(f -> f.length() != null)) {
            attributeError("@@fulltext", "The length argument is not supported in a @@fulltext "
                    + "attribute.", idx.attr.span());
        }
        IndexRules.validateClustering(context.provider, def, d);
        IndexRules.validateOperatorClassesOnlyOnNormalIndex(def, d);
        IndexRules.validateLengthUsedWithCorrectTypes(context.provider, def, d);
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
        NativeType nativeType = fld.nativeAttr == null ? null : NativeTypeValidator.resolve(context.provider, fld.nativeAttr);
        return new IndexFieldInfo(fld.name(), fld.kind == Kind.SCALAR ? fld.scalar.name() : null,
                fld.kind == Kind.UNSUPPORTED, fld.isList(), nativeType, opClass, raw, f.length() != null,
                f.sort() != null, fld.decl.span());
    }
}
