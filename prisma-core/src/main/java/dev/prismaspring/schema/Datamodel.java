package dev.prismaspring.schema;

import java.util.List;
import java.util.Optional;

/**
 * The resolved, immutable description of a schema that later stages (SQL schema calculation, the
 * query engine) use instead of the AST. Produced by {@link SchemaValidator}; complete only when the
 * schema is valid.
 *
 * @param provider       the datasource provider, or {@code null} without a (supported) datasource
 * @param datasource     the datasource, or {@code null}
 * @param generators     generator blocks in source order
 * @param models         models and views in source order
 * @param enums          enums in source order
 * @param compositeTypes composite types (only meaningful on MongoDB, kept minimal)
 */
public record Datamodel(Provider provider, Datasource datasource, List<Generator> generators, List<Model> models,
                        List<EnumType> enums, List<CompositeType> compositeTypes) {

    public Datamodel {
        generators = List.copyOf(generators);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        compositeTypes = List.copyOf(compositeTypes);
    }

    /** An empty datamodel (used when the schema could not be resolved). */
    public static Datamodel empty() {
        return new Datamodel(null, null, List.of(), List.of(), List.of(), List.of());
    }

    /** The model or view with this (schema) name. */
    public Optional<Model> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The enum with this (schema) name. */
    public Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The datasource block.
     *
     * @param name             block name ({@code db})
     * @param provider         resolved provider
     * @param providerName     provider as written ({@code postgres} stays {@code postgres})
     * @param relationMode     {@code foreignKeys} or {@code prisma}
     * @param relationModeExplicit whether relationMode/referentialIntegrity was written
     * @param schemas          {@code schemas = [...]} (empty when absent)
     * @param extensions       PostgreSQL extensions declared (empty when absent)
     * @param url              the {@code url} value as written (string or {@code env("X")}), or {@code null}
     * @param directUrl        the {@code directUrl} value, or {@code null}
     * @param shadowDatabaseUrl the {@code shadowDatabaseUrl} value, or {@code null}
     * @param previewFeatures  preview features of all generators (as written, de-duplicated)
     * @param documentation    doc comment, or {@code null}
     */
    public record Datasource(String name, Provider provider, String providerName, RelationMode relationMode,
                             boolean relationModeExplicit, List<String> schemas, List<Extension> extensions,
                             String url, String directUrl, String shadowDatabaseUrl, List<String> previewFeatures,
                             String documentation) {
        public Datasource {
            schemas = List.copyOf(schemas);
            extensions = List.copyOf(extensions);
            previewFeatures = List.copyOf(previewFeatures);
        }
    }

    /** How relations are enforced. */
    public enum RelationMode {
        /** Foreign keys in the database (the default). */
        FOREIGN_KEYS,
        /** Emulated by Prisma, no foreign keys. */
        PRISMA
    }

    /** A PostgreSQL extension entry of {@code extensions = [...]}. Null parts were not written. */
    public record Extension(String name, String dbName, String schema, String version) {
    }

    /** A generator block: its name, provider (as written), output and preview features and other properties. */
    public record Generator(String name, String provider, String output, List<String> previewFeatures,
                            java.util.Map<String, String> config, String documentation) {
        public Generator {
            previewFeatures = List.copyOf(previewFeatures);
            config = java.util.Map.copyOf(config);
        }
    }

    /**
     * A model or a view.
     *
     * @param name          schema name
     * @param dbName        table/view name ({@code @@map} or the name)
     * @param schema        {@code @@schema} value or {@code null}
     * @param view          whether declared with {@code view}
     * @param ignored       {@code @@ignore}
     * @param fields        scalar and relation fields in source order
     * @param primaryKey    primary key or {@code null}
     * @param indexes       {@code @unique}, {@code @@unique}, {@code @@index}, {@code @@fulltext} in source order
     * @param documentation doc comment or {@code null}
     */
    public record Model(String name, String dbName, String schema, boolean view, boolean ignored, List<Field> fields,
                        PrimaryKey primaryKey, List<Index> indexes, String documentation) {
        public Model {
            fields = List.copyOf(fields);
            indexes = List.copyOf(indexes);
        }

        public List<ScalarField> scalarFields() {
            return fields.stream().filter(ScalarField.class::isInstance).map(ScalarField.class::cast).toList();
        }

        public List<RelationField> relationFields() {
            return fields.stream().filter(RelationField.class::isInstance).map(RelationField.class::cast).toList();
        }

        public Optional<Field> field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }
    }

    /** A field of a model: scalar (incl. enum, composite and Unsupported) or relation. */
    public sealed interface Field permits ScalarField, RelationField {
        String name();

        Arity arity();

        boolean ignored();

        String documentation();
    }

    /** Field arity. */
    public enum Arity {
        REQUIRED,
        OPTIONAL,
        LIST
    }

    /** The type of a scalar field. */
    public sealed interface FieldType permits BuiltIn, EnumRef, CompositeRef, Unsupported {
    }

    /** A built-in scalar type. */
    public record BuiltIn(ScalarType type) implements FieldType {
    }

    /** A reference to an enum by schema name. */
    public record EnumRef(String enumName) implements FieldType {
    }

    /** A reference to a composite type by name. */
    public record CompositeRef(String typeName) implements FieldType {
    }

    /** {@code Unsupported("...")}. */
    public record Unsupported(String databaseType) implements FieldType {
    }

    /** Prisma's built-in scalar types. */
    public enum ScalarType {
        String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes;

        public static Optional<ScalarType> fromName(java.lang.String name) {
            for (ScalarType t : values()) {
                if (t.name().equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A scalar field.
     *
     * @param name          schema name
     * @param dbName        column name ({@code @map} or the name)
     * @param type          its type
     * @param arity         required, optional, list
     * @param defaultValue  {@code @default} or {@code null}
     * @param nativeType    {@code @db.X(args)} or {@code null}
     * @param updatedAt     {@code @updatedAt}
     * @param ignored       {@code @ignore}
     * @param documentation doc comment or {@code null}
     */
    public record ScalarField(String name, String dbName, FieldType type, Arity arity, DefaultValue defaultValue,
                              NativeType nativeType, boolean updatedAt, boolean ignored, String documentation)
            implements Field {
    }

    /** A native type attribute as written: {@code @db.VarChar(255)} gives name {@code VarChar}, args {@code ["255"]}. */
    public record NativeType(String name, List<String> args) {
        public NativeType {
            args = List.copyOf(args);
        }
    }

    /** A {@code @default(...)} value. {@code mapName} is the default constraint name when given ({@code map:}). */
    public sealed interface DefaultValue permits Literal, Autoincrement, Now, DbGenerated, Uuid, Cuid, Ulid, Nanoid,
            EnumValue, ListValue {
    }

    /** A literal: {@code kind} is string, numeric or boolean; {@code value} unescaped/as written. */
    public record Literal(String kind, String value) implements DefaultValue {
    }

    /** {@code autoincrement()}. */
    public record Autoincrement() implements DefaultValue {
    }

    /** {@code now()}. */
    public record Now() implements DefaultValue {
    }

    /** {@code dbgenerated("expr")}; {@code expression} is {@code null} when written without argument. */
    public record DbGenerated(String expression) implements DefaultValue {
    }

    /** {@code uuid()} / {@code uuid(4|7)}. */
    public record Uuid(int version) implements DefaultValue {
    }

    /** {@code cuid()} / {@code cuid(1|2)}. */
    public record Cuid(int version) implements DefaultValue {
    }

    /** {@code ulid()}. */
    public record Ulid() implements DefaultValue {
    }

    /** {@code nanoid()} / {@code nanoid(n)}; {@code length} is {@code null} for the default length. */
    public record Nanoid(Integer length) implements DefaultValue {
    }

    /** An enum value (schema name). */
    public record EnumValue(String value) implements DefaultValue {
    }

    /** A list default such as {@code [1, 2]}. */
    public record ListValue(List<DefaultValue> values) implements DefaultValue {
        public ListValue {
            values = List.copyOf(values);
        }
    }

    /** Referential actions. */
    public enum ReferentialAction {
        Cascade, Restrict, NoAction, SetNull, SetDefault
    }

    /** Relation kinds. */
    public enum RelationKind {
        ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY
    }

    /**
     * A relation field.
     *
     * @param name           schema name
     * @param targetModel    the model it points to
     * @param arity          required, optional, list
     * @param relationName   {@code @relation("name")} or the generated name ({@code AToB})
     * @param fields         {@code fields: [...]} (empty on the back-relation side)
     * @param references     {@code references: [...]}
     * @param onDelete       explicit onDelete, or {@code null}
     * @param onUpdate       explicit onUpdate, or {@code null}
     * @param foreignKeyName {@code map:} of {@code @relation}, or {@code null}
     * @param kind           1-1, 1-n, m-n
     * @param backRelationField the field on the other side, or {@code null} (self-relations may point at themselves)
     * @param ignored        {@code @ignore}
     * @param documentation  doc comment or {@code null}
     */
    public record RelationField(String name, String targetModel, Arity arity, String relationName, List<String> fields,
                                List<String> references, ReferentialAction onDelete, ReferentialAction onUpdate,
                                String foreignKeyName, RelationKind kind, String backRelationField, boolean ignored,
                                String documentation) implements Field {
        public RelationField {
            fields = List.copyOf(fields);
            references = List.copyOf(references);
        }
    }

    /** Sort order of an index column. */
    public enum SortOrder {
        Asc, Desc
    }

    /** One column of a key or index, with its optional sort, prefix length and operator class (raw). */
    public record IndexField(String name, SortOrder sort, Integer length, String ops) {
    }

    /** A primary key: {@code name} is the client name, {@code map} the constraint name. */
    public record PrimaryKey(List<IndexField> fields, String name, String map, Boolean clustered) {
        public PrimaryKey {
            fields = List.copyOf(fields);
        }
    }

    /** Index kinds. */
    public enum IndexKind {
        UNIQUE, NORMAL, FULLTEXT
    }

    /**
     * A unique constraint or index.
     *
     * @param kind      unique, normal, fulltext
     * @param fields    the columns
     * @param name      client name (unique only) or {@code null}
     * @param map       database name or {@code null}
     * @param type      index algorithm as written ({@code BTree}, {@code Gin}, ...) or {@code null}
     * @param where     partial index predicate as written or {@code null}
     * @param clustered clustered setting, or {@code null}
     * @param fieldLevel whether written as {@code @unique} on a field
     */
    public record Index(IndexKind kind, List<IndexField> fields, String name, String map, String type, String where,
                        Boolean clustered, boolean fieldLevel) {
        public Index {
            fields = List.copyOf(fields);
        }
    }

    /** An enum: its values with their database names. */
    public record EnumType(String name, String dbName, String schema, List<EnumValueDef> values,
                           String documentation) {
        public EnumType {
            values = List.copyOf(values);
        }
    }

    /** An enum value and its {@code @map} database name. */
    public record EnumValueDef(String name, String dbName, String documentation) {
    }

    /** A composite type (MongoDB only; kept as field names and type names). */
    public record CompositeType(String name, List<String> fieldNames) {
        public CompositeType {
            fieldNames = List.copyOf(fieldNames);
        }
    }
}
