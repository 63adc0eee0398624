package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.Provider;
import java.util.List;
import java.util.Set;

/**
 * Index, unique and primary-key rules that depend on the provider and on native types, ported from Prisma's
 * {@code validations/indexes.rs}, {@code validations/fields.rs}, {@code validations/models.rs} and the connectors'
 * {@code validations.rs} (PostgreSQL operator classes and index types, MySQL text/blob key prefixes).
 *
 * <p><b>Message format.</b> Attribute-level messages are emitted fully formatted, wrapped as Prisma wraps them:
 * {@code Error parsing attribute "<attributeName>": <message>}, with {@link IndexDefinition#attributeName()} supplied
 * by the caller ({@code @@index}, {@code @unique}, ...). The native type messages of {@link #validateMysqlIndexFieldTypes},
 * {@link #validateMysqlPrimaryKeyFieldTypes} and {@link #validatePostgresXml} are not wrapped, as in Prisma.
 * The {@code inner} message constants can be used to build or match messages.
 *
 * <p><b>Order.</b> Prisma validates a model in this order; a caller wanting identical output order follows it:
 * <ol>
 *   <li>named primary keys ({@link #supportsNamedPrimaryKeys}; the caller reports, it knows the model),
 *       {@link #validatePrimaryKeyLengthPrefix}, {@link #validatePrimaryKeySortOrder} (model checks)</li>
 *   <li>{@link #validateModelConnectorSpecific} (connector's {@code validate_model}: PostgreSQL index checks, then
 *       MySQL index checks, then the MySQL primary-key check)</li>
 *   <li>for the primary key: {@link #validateLengthUsedWithCorrectTypes}, {@link #validateClustering}</li>
 *   <li>scalar field checks (native types: {@link NativeTypeValidator})</li>
 *   <li>for each index (not the primary key): {@link #validateIndex}</li>
 * </ol>
 */
public final class IndexRules {

    public static final String LENGTH_GUIDE =
            " Please use the `length` argument to the field in the index definition to allow this.";
    public static final String INDEX_TYPE_NOT_SUPPORTED =
            "The given index type is not supported with the current connector";
    public static final String LENGTH_NOT_SUPPORTED_IN_INDEX =
            "The length argument is not supported in an index definition with the current connector";
    public static final String LENGTH_NOT_SUPPORTED_IN_PRIMARY_KEY =
            "The length argument is not supported in the primary key with the current connector";
    public static final String LENGTH_WRONG_TYPE =
            "The length argument is only allowed with field types `String` or `Bytes`.";
    public static final String CLUSTERING_NOT_SUPPORTED =
            "Defining clustering is not supported in the current connector.";
    public static final String SORT_NOT_SUPPORTED_IN_PRIMARY_KEY =
            "The sort argument is not supported in the primary key with the current connector";
    public static final String NAMED_PRIMARY_KEY_NOT_SUPPORTED =
            "You defined a database name for the primary key on the model. This is not supported by the provider.";
    public static final String HASH_SORT = "Hash type does not support sort option.";
    public static final String OPCLASS_ONLY_NORMAL =
            "Operator classes can only be defined to fields in an @@index attribute.";
    public static final String SPGIST_MULTI_COLUMN = "SpGist does not support multi-column indices.";

    private static final Set<String> MYSQL_UNKEYABLE = Set.of(
            "Text", "LongText", "MediumText", "TinyText", "Blob", "TinyBlob", "MediumBlob", "LongBlob");

    private IndexRules() {
    }

    // ------------------------------------------------------------------------------------------------ capabilities

    /** Index types ({@code type:}) the connector accepts: all six on PostgreSQL, only {@code BTree} elsewhere. */
    public static boolean supportsIndexType(Provider provider, IndexAlgorithm algorithm) {
        return provider == Provider.POSTGRESQL || algorithm == IndexAlgorithm.BTree;
    }

    /** Whether {@code length:} is allowed on index fields (Prisma's {@code IndexColumnLengthPrefixing}): MySQL only. */
    public static boolean supportsLengthPrefix(Provider provider) {
        return provider == Provider.MYSQL;
    }

    /** Whether a primary key can have its own name ({@code @id(map: ...)}, Prisma's {@code NamedPrimaryKeys}): PostgreSQL only. */
    public static boolean supportsNamedPrimaryKeys(Provider provider) {
        return provider == Provider.POSTGRESQL;
    }

    /** Whether {@code sort:} is allowed on primary key fields (SQL Server only in Prisma): never for this project's providers. */
    public static boolean supportsPrimaryKeySortOrder(Provider provider) {
        return false;
    }

    /** Whether {@code clustered:} is allowed (SQL Server only in Prisma): never for this project's providers. */
    public static boolean supportsClustering(Provider provider) {
        return false;
    }

    // ------------------------------------------------------------------------------------------------ aggregates

    /**
     * The connector-specific checks Prisma runs per model ({@code Connector::validate_model}) that concern keys:
     * PostgreSQL: for each index, {@link #validatePostgresXml}, {@link #validatePostgresOperatorClasses},
     * {@link #validateSpGistColumnCount}; MySQL: {@link #validateMysqlIndexFieldTypes} for each index, then
     * {@link #validateMysqlPrimaryKeyFieldTypes}.
     *
     * @param indexes    the model's indexes and unique constraints (field-level and block-level, in Prisma's order), not the primary key
     * @param primaryKey the primary key, or {@code null}
     */
    public static void validateModelConnectorSpecific(Provider provider, List<IndexDefinition> indexes,
                                                      IndexDefinition primaryKey, Diagnostics diagnostics) {
        switch (provider) {
            case POSTGRESQL -> {
                for (IndexDefinition index : indexes) {
                    validatePostgresXml(index, diagnostics);
                    validatePostgresOperatorClasses(index, diagnostics);
                    validateSpGistColumnCount(index, diagnostics);
                }
            }
            case MYSQL -> {
                for (IndexDefinition index : indexes) {
                    validateMysqlIndexFieldTypes(provider, index, diagnostics);
                }
                if (primaryKey != null) {
                    validateMysqlPrimaryKeyFieldTypes(provider, primaryKey, diagnostics);
                }
            }
            case SQLITE -> {
            }
        }
    }

    /**
     * The provider-dependent checks of Prisma's per-index loop, in its order: {@link #validateLengthPrefixSupported},
     * {@link #validateIndexTypeSupported}, {@link #validateHashSort}, {@link #validateClustering},
     * {@link #validateOperatorClassesOnlyOnNormalIndex}, {@link #validateLengthUsedWithCorrectTypes}.
     * (Name, field-existence and fulltext checks are the caller's.)
     */
    public static void validateIndex(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        validateLengthPrefixSupported(provider, index, diagnostics);
        validateIndexTypeSupported(provider, index, diagnostics);
        validateHashSort(provider, index, diagnostics);
        validateClustering(provider, index, diagnostics);
        validateOperatorClassesOnlyOnNormalIndex(index, diagnostics);
        validateLengthUsedWithCorrectTypes(provider, index, diagnostics);
    }

    // ------------------------------------------------------------------------------------------------ generic rules

    /** {@code The length argument is not supported in an index definition with the current connector} (or, for a primary key, {@code ... in the primary key ...}). */
    public static void validateLengthPrefixSupported(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        if (supportsLengthPrefix(provider)) {
            return;
        }
        if (index.fields().stream().anyMatch(IndexFieldInfo::hasLength)) {
            String msg = index.kind() == IndexKind.PRIMARY_KEY ? LENGTH_NOT_SUPPORTED_IN_PRIMARY_KEY : LENGTH_NOT_SUPPORTED_IN_INDEX;
            attributeError(diagnostics, msg, index.attributeName(), index.attributeSpan());
        }
    }

    /** The primary-key variant of {@link #validateLengthPrefixSupported}. */
    public static void validatePrimaryKeyLengthPrefix(Provider provider, IndexDefinition primaryKey, Diagnostics diagnostics) {
        validateLengthPrefixSupported(provider, primaryKey, diagnostics);
    }

    /**
     * {@code The sort argument is not supported in the primary key with the current connector} (Prisma's
     * {@code PrimaryKeySortOrderDefinition} is SQL Server's only), at the attribute.
     */
    public static void validatePrimaryKeySortOrder(Provider provider, IndexDefinition primaryKey, Diagnostics diagnostics) {
        if (supportsPrimaryKeySortOrder(provider)) {
            return;
        }
        if (primaryKey.fields().stream().anyMatch(IndexFieldInfo::hasSortOrder)) {
            attributeError(diagnostics, SORT_NOT_SUPPORTED_IN_PRIMARY_KEY, primaryKey.attributeName(),
                    primaryKey.attributeSpan());
        }
    }

    /** {@code The given index type is not supported with the current connector}, at the {@code type:} argument. */
    public static void validateIndexTypeSupported(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        if (index.algorithm() == null || supportsIndexType(provider, index.algorithm())) {
            return;
        }
        Span span = index.typeArgumentSpan() != null ? index.typeArgumentSpan() : index.attributeSpan();
        attributeError(diagnostics, INDEX_TYPE_NOT_SUPPORTED, index.attributeName(), span);
    }

    /** {@code Hash type does not support sort option.} (only where Hash indexes exist: PostgreSQL). */
    public static void validateHashSort(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        if (!supportsIndexType(provider, IndexAlgorithm.Hash) || index.algorithm() != IndexAlgorithm.Hash) {
            return;
        }
        if (index.fields().stream().anyMatch(IndexFieldInfo::hasSortOrder)) {
            attributeError(diagnostics, HASH_SORT, index.attributeName(), index.attributeSpan());
        }
    }

    /** {@code Defining clustering is not supported in the current connector.} for any {@code clustered:} argument (indexes and primary keys). */
    public static void validateClustering(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        if (supportsClustering(provider) || index.clustered() == null) {
            return;
        }
        attributeError(diagnostics, CLUSTERING_NOT_SUPPORTED, index.attributeName(), index.attributeSpan());
    }

    /** {@code Operator classes can only be defined to fields in an @@index attribute.} (once per index). */
    public static void validateOperatorClassesOnlyOnNormalIndex(IndexDefinition index, Diagnostics diagnostics) {
        if (index.kind() == IndexKind.NORMAL || index.kind() == IndexKind.PRIMARY_KEY) {
            return;
        }
        if (index.fields().stream().anyMatch(f -> f.operatorClass() != null)) {
            attributeError(diagnostics, OPCLASS_ONLY_NORMAL, index.attributeName(), index.attributeSpan());
        }
    }

    /** {@code The length argument is only allowed with field types `String` or `Bytes`.} (MySQL; once per offending field). */
    public static void validateLengthUsedWithCorrectTypes(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        if (!supportsLengthPrefix(provider)) {
            return;
        }
        for (IndexFieldInfo field : index.fields()) {
            if (!field.hasLength() || field.unsupportedType()) {
                continue;
            }
            if ("String".equals(field.scalarType()) || "Bytes".equals(field.scalarType())) {
                continue;
            }
            attributeError(diagnostics, LENGTH_WRONG_TYPE, index.attributeName(), index.attributeSpan());
        }
    }

    // ------------------------------------------------------------------------------------------------ MySQL

    /**
     * MySQL cannot index {@code Text}/{@code Blob} types without a length prefix: {@code You cannot define an index on
     * fields with native type `Text` of MySQL. Please use the `length` argument ...} for {@code @@index}, {@code Native
     * type `Text` cannot be unique in MySQL. Please use ...} for {@code @unique}/{@code @@unique}. At most one error per
     * index, at the attribute; fulltext indexes and fields with {@code length:} are exempt. Not wrapped.
     */
    public static void validateMysqlIndexFieldTypes(Provider provider, IndexDefinition index, Diagnostics diagnostics) {
        if (provider != Provider.MYSQL) {
            return;
        }
        for (IndexFieldInfo field : index.fields()) {
            NativeType nt = field.nativeType();
            if (nt == null || !MYSQL_UNKEYABLE.contains(nt.name()) || field.hasLength()
                    || index.kind() == IndexKind.FULLTEXT) {
                continue;
            }
            String msg = index.kind() == IndexKind.UNIQUE
                    ? "Native type `" + nt.render() + "` cannot be unique in MySQL." + LENGTH_GUIDE
                    : "You cannot define an index on fields with native type `" + nt.render() + "` of MySQL." + LENGTH_GUIDE;
            diagnostics.error(msg, index.attributeSpan());
            break;
        }
    }

    /** {@code Native type `Text` of MySQL cannot be used on a field that is `@id` or `@@id`. Please use ...} (once, at the attribute; not wrapped). */
    public static void validateMysqlPrimaryKeyFieldTypes(Provider provider, IndexDefinition primaryKey, Diagnostics diagnostics) {
        if (provider != Provider.MYSQL) {
            return;
        }
        for (IndexFieldInfo field : primaryKey.fields()) {
            NativeType nt = field.nativeType();
            if (nt == null || !MYSQL_UNKEYABLE.contains(nt.name()) || field.hasLength()) {
                continue;
            }
            diagnostics.error("Native type `" + nt.render() + "` of MySQL cannot be used on a field that is `@id` or `@@id`."
                    + LENGTH_GUIDE, primaryKey.attributeSpan());
            break;
        }
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    /**
     * PostgreSQL cannot index {@code Xml}: {@code You cannot define an index on fields with native type `Xml` of
     * Postgres.} or {@code Native type `Xml` cannot be unique in Postgres.}, at the field declaration
     * ({@link IndexFieldInfo#fieldSpan()}); once per index; not wrapped.
     */
    public static void validatePostgresXml(IndexDefinition index, Diagnostics diagnostics) {
        for (IndexFieldInfo field : index.fields()) {
            if (field.nativeType() != null && field.nativeType().name().equals("Xml")) {
                String msg = index.kind() == IndexKind.UNIQUE
                        ? "Native type `Xml` cannot be unique in Postgres."
                        : "You cannot define an index on fields with native type `Xml` of Postgres.";
                diagnostics.error(msg, field.fieldSpan());
                break;
            }
        }
    }

    /** {@code SpGist does not support multi-column indices.} */
    public static void validateSpGistColumnCount(IndexDefinition index, Diagnostics diagnostics) {
        if (index.algorithm() != IndexAlgorithm.SpGist || index.fields().size() == 1) {
            return;
        }
        attributeError(diagnostics, SPGIST_MULTI_COLUMN, index.attributeName(), index.attributeSpan());
    }

    /**
     * Prisma's {@code generalized_index_validations}: operator classes against index types, native types and field
     * types for GiST, GIN, SP-GiST and BRIN indexes (BTree and Hash need nothing). Raw operator classes are skipped.
     * Unknown operator class names are ignored here (the caller reports them when reading {@code ops:}).
     * Messages, all wrapped and at the attribute:
     * <ul>
     *   <li>{@code The given operator class `X` is not supported with the `Gist` index type.}</li>
     *   <li>{@code The given operator class `X` does not support native type `Y` of field `Z`.}</li>
     *   <li>{@code The Brin index field type `Y` has no default operator class.}</li>
     *   <li>{@code The given operator class `X` expects the field `Z` to define a valid native type.}</li>
     *   <li>{@code The Gin index type does not support the type of the field `Z`.}</li>
     *   <li>{@code The given operator class `X` points to the field `Z` that is not of String type.} (also Json, Float, Int, BigInt, Decimal, Bytes, DateTime)</li>
     *   <li>{@code The given operator class `ArrayOps` expects the type of field `Z` to be an array.}</li>
     * </ul>
     */
    public static void validatePostgresOperatorClasses(IndexDefinition index, Diagnostics diagnostics) {
        PostgresOperatorClasses.validate(index, diagnostics);
    }

    /** Prisma's {@code new_attribute_validation_error}: {@code Error parsing attribute "<name>": <message>}. */
    public static String attributeMessage(String attributeName, String message) {
        return "Error parsing attribute \"" + attributeName + "\": " + message;
    }

    private static void attributeError(Diagnostics diagnostics, String message, String attributeName, Span span) {
        diagnostics.error(attributeMessage(attributeName, message), span);
    }
}
