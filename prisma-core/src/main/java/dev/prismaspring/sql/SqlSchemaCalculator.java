package dev.prismaspring.sql;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.nativetypes.NativeTypeCatalog;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calculates the {@link SqlSchema} Prisma Migrate would create for a valid {@link Datamodel}, as Prisma's
 * {@code sql_schema_calculator} does: one table per model (views and composite types give none), columns with
 * Prisma's type mapping and defaults, primary keys, unique constraints and indexes with Prisma's default names,
 * foreign keys for inline relations (none with {@code relationMode = "prisma"}), then the implicit many-to-many
 * join tables. The result is deterministic: the same datamodel always gives the same schema, in the order Prisma
 * creates its objects.
 *
 * <p>Dialect specifics: PostgreSQL gets native enum types, schema namespaces and {@code SERIAL}s; MySQL gets one
 * inline enum per column (named {@code <table>_<column>}, as Prisma's MySQL flavour names them) and
 * {@code AUTO_INCREMENT}; SQLite has no native types, enum columns are {@code TEXT}.
 */
public final class SqlSchemaCalculator {

    /** PostgreSQL's default schema. */
    public static final String DEFAULT_NAMESPACE = "public";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Datamodel datamodel;
    private final Provider provider;
    private final SqlDialect dialect;
    private final int limit;
    private final Map<String, Datamodel.Model> models = new LinkedHashMap<>();
    private final Map<String, Table.Builder> builders = new LinkedHashMap<>();
    private final Map<String, Table> draftTables = new HashMap<>();

    private SqlSchemaCalculator(Datamodel datamodel) {
        this.datamodel = Objects.requireNonNull(datamodel, "datamodel");
        if (datamodel.provider() == null) {
            throw new IllegalArgumentException("the schema has no datasource with a supported provider");
        }
        this.provider = datamodel.provider();
        this.dialect = SqlDialect.forProvider(provider);
        this.limit = dialect.maxIdentifierLength();
    }

    /** The SQL schema of {@code datamodel} for the dialect of its provider. */
    public static SqlSchema calculate(Datamodel datamodel) {
        return new SqlSchemaCalculator(datamodel).run();
    }

    /** The migration script that creates {@code datamodel}'s tables in an empty database, as Prisma renders it. */
    public static String renderCreate(Datamodel datamodel) {
        return SqlDialect.forProvider(datamodel.provider()).renderCreate(calculate(datamodel));
    }

    private SqlSchema run() {
        SqlSchema.Builder schema = SqlSchema.builder();
        if (provider == Provider.POSTGRESQL) {
            namespaces().forEach(schema::namespace);
            for (Datamodel.EnumType e : datamodel.enums()) {
                schema.enumType(new SqlEnum(namespace(e.schema()), e.dbName(),
                        e.values().stream().map(Datamodel.EnumValueDef::dbName).toList()));
            }
        }
        List<Datamodel.Model> tables = datamodel.models().stream().filter(m -> !m.view()).toList();
        tables.forEach(m -> models.put(m.name(), m));
        List<SqlEnum> mysqlEnums = new ArrayList<>();
        for (Datamodel.Model model : tables) {
            Table.Builder table = Table.builder(namespace(model.schema()), model.dbName());
            for (Datamodel.ScalarField field : model.scalarFields()) {
                table.column(column(model, field, mysqlEnums));
            }
            builders.put(model.name(), table);
            // a draft (columns only) to look up column types for join tables
            draftTables.put(model.name(), table.build());
            keysAndIndexes(model, table);
        }
        mysqlEnums.forEach(schema::enumType);
        if (relationModeUsesForeignKeys()) {
            foreignKeys();
        }
        List<Table> joinTables = joinTables();
        builders.values().forEach(b -> schema.table(b.build()));
        joinTables.forEach(schema::table);
        return schema.build();
    }

    // ------------------------------------------------------------------------------------------ namespaces

    /**
     * The schemas to create. With {@code schemas = [...]}: those that a table or enum lives in, in alphabetical
     * order (as Prisma, which leaves unused ones out); without: just {@code public} (as Prisma 7 does).
     */
    private List<String> namespaces() {
        Datamodel.Datasource ds = datamodel.datasource();
        if (ds == null || ds.schemas().isEmpty()) {
            return List.of(DEFAULT_NAMESPACE);
        }
        Set<String> used = new java.util.HashSet<>();
        datamodel.models().stream().filter(m -> !m.view()).forEach(m -> used.add(schemaOf(m.schema())));
        datamodel.enums().forEach(e -> used.add(schemaOf(e.schema())));
        return ds.schemas().stream().filter(used::contains).distinct().sorted().toList();
    }

    private static String schemaOf(String schema) {
        return schema == null ? DEFAULT_NAMESPACE : schema;
    }

    /** The namespace a table or enum is qualified with: none for the default schema and outside PostgreSQL. */
    private String namespace(String schema) {
        if (provider != Provider.POSTGRESQL || schema == null || schema.equals(DEFAULT_NAMESPACE)) {
            return null;
        }
        return schema;
    }

    private boolean relationModeUsesForeignKeys() {
        Datamodel.Datasource ds = datamodel.datasource();
        return ds == null || ds.relationMode() != Datamodel.RelationMode.PRISMA;
    }

    // ------------------------------------------------------------------------------------------ columns

    private Column column(Datamodel.Model model, Datamodel.ScalarField field, List<SqlEnum> mysqlEnums) {
        ColumnArity arity = switch (field.arity()) {
            case REQUIRED -> ColumnArity.REQUIRED;
            case OPTIONAL -> ColumnArity.NULLABLE;
            case LIST -> ColumnArity.LIST;
        };
        Datamodel.FieldType type = field.type();
        Datamodel.DefaultValue dflt = field.defaultValue();
        if (type instanceof Datamodel.EnumRef ref) {
            Datamodel.EnumType e = datamodel.enumType(ref.enumName())
                    .orElseThrow(() -> new IllegalArgumentException("unknown enum " + ref.enumName()));
            ColumnType columnType = switch (provider) {
                case POSTGRESQL -> new ColumnType.EnumRef(namespace(e.schema()), e.dbName());
                case MYSQL -> {
                    String name = model.dbName() + "_" + field.dbName();
                    mysqlEnums.add(new SqlEnum(null, name,
                            e.values().stream().map(Datamodel.EnumValueDef::dbName).toList()));
                    yield new ColumnType.EnumRef(null, name);
                }
                case SQLITE -> ColumnType.Scalar.of(TypeFamily.STRING);
            };
            return new Column(field.dbName(), columnType, arity, enumDefault(e, dflt), false);
        }
        if (type instanceof Datamodel.Unsupported u) {
            ColumnDefault d = dflt instanceof Datamodel.DbGenerated g ? new ColumnDefault.DbGenerated(g.expression())
                    : null;
            return new Column(field.dbName(), new ColumnType.Unsupported(u.databaseType()), arity, d, false);
        }
        Datamodel.ScalarType scalar = type instanceof Datamodel.BuiltIn b ? b.type() : Datamodel.ScalarType.Json;
        ColumnType.Scalar columnType = scalarType(scalar, field.nativeType());
        boolean autoIncrement = dflt instanceof Datamodel.Autoincrement || implicitAutoIncrement(model, field, scalar);
        ColumnDefault columnDefault = scalarDefault(scalar, dflt);
        return new Column(field.dbName(), columnType, arity, columnDefault, autoIncrement);
    }

    /** SQLite: a single-column Int primary key is the rowid, auto-incremented. */
    private boolean implicitAutoIncrement(Datamodel.Model model, Datamodel.ScalarField field,
            Datamodel.ScalarType scalar) {
        return provider == Provider.SQLITE && scalar == Datamodel.ScalarType.Int && model.primaryKey() != null
                && model.primaryKey().fields().size() == 1
                && model.primaryKey().fields().get(0).name().equals(field.name());
    }

    private ColumnType.Scalar scalarType(Datamodel.ScalarType scalar, Datamodel.NativeType written) {
        TypeFamily family = switch (scalar) {
            case Int -> TypeFamily.INT;
            case BigInt -> TypeFamily.BIG_INT;
            case Float -> TypeFamily.FLOAT;
            case Decimal -> TypeFamily.DECIMAL;
            case Boolean -> TypeFamily.BOOLEAN;
            case String -> TypeFamily.STRING;
            case DateTime -> TypeFamily.DATE_TIME;
            case Json -> TypeFamily.JSON;
            case Bytes -> TypeFamily.BINARY;
        };
        if (provider == Provider.SQLITE) {
            return ColumnType.Scalar.of(family);
        }
        String name;
        List<String> args;
        if (written != null) {
            name = written.name();
            args = written.args();
        } else {
            var def = NativeTypeCatalog.defaultFor(provider, scalar.name());
            name = def.name();
            args = def.args();
        }
        return new ColumnType.Scalar(family, name, args.stream().map(a -> Long.parseLong(a.trim())).toList());
    }

    // ------------------------------------------------------------------------------------------ defaults

    private ColumnDefault enumDefault(Datamodel.EnumType e, Datamodel.DefaultValue dflt) {
        if (dflt instanceof Datamodel.EnumValue v) {
            return new ColumnDefault.EnumValue(enumDbValue(e, v.value()));
        }
        if (dflt instanceof Datamodel.ListValue l) {
            List<ColumnDefault> values = new ArrayList<>();
            for (Datamodel.DefaultValue item : l.values()) {
                values.add(new ColumnDefault.EnumValue(enumDbValue(e, ((Datamodel.EnumValue) item).value())));
            }
            return new ColumnDefault.ListValue(values);
        }
        if (dflt instanceof Datamodel.DbGenerated g) {
            return new ColumnDefault.DbGenerated(g.expression());
        }
        return null;
    }

    private static String enumDbValue(Datamodel.EnumType e, String name) {
        return e.values().stream().filter(v -> v.name().equals(name)).map(Datamodel.EnumValueDef::dbName)
                .findFirst().orElse(name);
    }

    private ColumnDefault scalarDefault(Datamodel.ScalarType scalar, Datamodel.DefaultValue dflt) {
        if (dflt == null) {
            return null;
        }
        if (dflt instanceof Datamodel.DbGenerated g) {
            return new ColumnDefault.DbGenerated(g.expression());
        }
        if (dflt instanceof Datamodel.Now) {
            return new ColumnDefault.Now();
        }
        if (dflt instanceof Datamodel.Autoincrement) {
            // PostgreSQL: a sequence (SERIAL); elsewhere the AUTO_INCREMENT/AUTOINCREMENT keyword, no default
            return provider == Provider.POSTGRESQL ? new ColumnDefault.Sequence("") : null;
        }
        if (dflt instanceof Datamodel.Uuid || dflt instanceof Datamodel.Cuid || dflt instanceof Datamodel.Ulid
                || dflt instanceof Datamodel.Nanoid) {
            return null; // generated by the client, nothing in the database
        }
        if (dflt instanceof Datamodel.ListValue l) {
            List<ColumnDefault> values = new ArrayList<>();
            for (Datamodel.DefaultValue item : l.values()) {
                values.add(scalarDefault(scalar, item));
            }
            return new ColumnDefault.ListValue(values);
        }
        if (dflt instanceof Datamodel.Literal lit) {
            return literal(scalar, lit);
        }
        return null;
    }

    private static ColumnDefault literal(Datamodel.ScalarType scalar, Datamodel.Literal lit) {
        String v = lit.value();
        switch (lit.kind()) {
            case "boolean":
                return new ColumnDefault.BooleanValue(Boolean.parseBoolean(v));
            case "numeric":
                return switch (scalar) {
                    case Int, BigInt -> new ColumnDefault.NumberValue(new BigDecimal(v).toBigInteger().toString());
                    default -> new ColumnDefault.NumberValue(new BigDecimal(v).toString());
                };
            default:
                return switch (scalar) {
                    case DateTime -> new ColumnDefault.DateTimeValue(dateTimeLiteral(v));
                    case Json -> new ColumnDefault.JsonValue(compactJson(v));
                    case Bytes -> new ColumnDefault.BytesValue(HexFormat.of().formatHex(Base64.getDecoder().decode(v)));
                    case Decimal -> new ColumnDefault.NumberValue(new BigDecimal(v).toString());
                    default -> new ColumnDefault.StringValue(v);
                };
        }
    }

    /**
     * A date-time default as Prisma's engines print a date-time with offset: {@code 2020-01-02 03:04:05.123 +00:00}
     * (0, 3, 6 or 9 fraction digits).
     */
    static String dateTimeLiteral(String value) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(value);
            String base = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT));
            int nanos = t.getNano();
            String fraction = nanos == 0 ? "" : nanos % 1_000_000 == 0 ? String.format(".%03d", nanos / 1_000_000)
                    : nanos % 1000 == 0 ? String.format(".%06d", nanos / 1000) : String.format(".%09d", nanos);
            int offset = t.getOffset().getTotalSeconds();
            String sign = offset < 0 ? "-" : "+";
            offset = Math.abs(offset);
            return base + fraction + " " + sign + String.format("%02d:%02d", offset / 3600, offset / 60 % 60);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String compactJson(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return JSON.writeValueAsString(node);
        } catch (RuntimeException e) {
            return value;
        }
    }

    // ------------------------------------------------------------------------------------------ keys, indexes

    private void keysAndIndexes(Datamodel.Model model, Table.Builder table) {
        String tableName = model.dbName();
        Datamodel.PrimaryKey pk = model.primaryKey();
        if (pk != null) {
            String name = pk.map() != null ? pk.map() : ConstraintNames.primaryKey(tableName, limit);
            table.primaryKey(new PrimaryKey(name, indexColumns(model, pk.fields())));
        }
        for (Datamodel.Index index : orderedIndexes(model)) {
            List<IndexColumn> columns = indexColumns(model, index.fields());
            List<String> columnNames = columns.stream().map(IndexColumn::column).toList();
            IndexKind kind = switch (index.kind()) {
                case UNIQUE -> IndexKind.UNIQUE;
                case NORMAL -> IndexKind.NORMAL;
                case FULLTEXT -> IndexKind.FULLTEXT;
            };
            String name = index.map() != null ? index.map()
                    : kind == IndexKind.UNIQUE ? ConstraintNames.unique(tableName, columnNames, limit)
                    : ConstraintNames.index(tableName, columnNames, limit);
            IndexMethod method = provider == Provider.POSTGRESQL ? method(index.type()) : null;
            table.index(new Index(name, kind, columns, method, index.where()));
        }
    }

    /**
     * Indexes in the order Prisma's parser database collects them: field-level {@code @unique} in field order,
     * then {@code @@index}, {@code @@unique} and {@code @@fulltext}, each in declaration order.
     */
    private static List<Datamodel.Index> orderedIndexes(Datamodel.Model model) {
        List<String> fieldOrder = model.fields().stream().map(Datamodel.Field::name).toList();
        Comparator<Datamodel.Index> order = Comparator.comparingInt((Datamodel.Index i) -> i.fieldLevel() ? 0 : 1)
                .thenComparingInt(i -> i.fieldLevel() ? fieldOrder.indexOf(i.fields().get(0).name())
                        : switch (i.kind()) {
                            case NORMAL -> 0;
                            case UNIQUE -> 1;
                            case FULLTEXT -> 2;
                        });
        return model.indexes().stream().sorted(order).toList();
    }

    private List<IndexColumn> indexColumns(Datamodel.Model model, List<Datamodel.IndexField> fields) {
        List<IndexColumn> out = new ArrayList<>();
        for (Datamodel.IndexField f : fields) {
            SortOrder sort = f.sort() == null ? null : f.sort() == Datamodel.SortOrder.Desc ? SortOrder.DESC
                    : SortOrder.ASC;
            String ops = provider == Provider.POSTGRESQL ? operatorClassSql(f.ops()) : null;
            out.add(new IndexColumn(columnName(model, f.name()), sort, f.length(), ops));
        }
        return out;
    }

    private static String columnName(Datamodel.Model model, String fieldName) {
        return model.field(fieldName).filter(Datamodel.ScalarField.class::isInstance)
                .map(f -> ((Datamodel.ScalarField) f).dbName()).orElse(fieldName);
    }

    private static IndexMethod method(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Hash" -> IndexMethod.HASH;
            case "Gist" -> IndexMethod.GIST;
            case "Gin" -> IndexMethod.GIN;
            case "SpGist" -> IndexMethod.SPGIST;
            case "Brin" -> IndexMethod.BRIN;
            default -> IndexMethod.BTREE;
        };
    }

    private static final Map<String, String> OPCLASS_TYPES = Map.ofEntries(
            Map.entry("TimestampTz", "timestamptz"), Map.entry("TimeTz", "timetz"), Map.entry("VarBit", "varbit"),
            Map.entry("JsonbPath", "jsonb_path"));

    /**
     * An operator class as SQL: {@code raw("gin_trgm_ops")} as written, {@code JsonbPathOps} as
     * {@code jsonb_path_ops}, {@code Int4MinMaxMultiOps} as {@code int4_minmax_multi_ops}.
     */
    public static String operatorClassSql(String ops) {
        if (ops == null) {
            return null;
        }
        String s = ops.trim();
        if (s.startsWith("raw(")) {
            String inner = s.substring(4, s.lastIndexOf(')')).trim();
            if (inner.startsWith("\"") && inner.endsWith("\"") && inner.length() >= 2) {
                inner = inner.substring(1, inner.length() - 1);
            }
            return inner;
        }
        if (!s.endsWith("Ops")) {
            return s;
        }
        String base = s.substring(0, s.length() - 3);
        String suffix = "";
        for (String kind : List.of("MinMaxMulti", "MinMax", "Bloom", "Inclusion")) {
            if (base.endsWith(kind) && base.length() > kind.length()) {
                suffix = switch (kind) {
                    case "MinMaxMulti" -> "_minmax_multi";
                    case "MinMax" -> "_minmax";
                    case "Bloom" -> "_bloom";
                    default -> "_inclusion";
                };
                base = base.substring(0, base.length() - kind.length());
                break;
            }
        }
        String type = OPCLASS_TYPES.getOrDefault(base, base.toLowerCase(Locale.ROOT));
        return type + suffix + "_ops";
    }

    // ------------------------------------------------------------------------------------------ relations

    /** The inline relations (the side with {@code fields:}), per table in the order of its relation fields. */
    private void foreignKeys() {
        for (Datamodel.Model model : models.values()) {
            for (Datamodel.RelationField rf : model.relationFields()) {
                if (rf.fields().isEmpty() || !models.containsKey(rf.targetModel())) {
                    continue;
                }
                Datamodel.Model target = models.get(rf.targetModel());
                List<String> columns = rf.fields().stream().map(f -> columnName(model, f)).toList();
                List<String> referenced = rf.references().stream().map(f -> columnName(target, f)).toList();
                String name = rf.foreignKeyName() != null ? rf.foreignKeyName()
                        : ConstraintNames.foreignKey(model.dbName(), columns, limit);
                ReferentialAction onDelete = rf.onDelete() != null ? action(rf.onDelete())
                        : referentialArityRequired(model, rf) ? ReferentialAction.RESTRICT
                        : ReferentialAction.SET_NULL;
                ReferentialAction onUpdate = rf.onUpdate() != null ? action(rf.onUpdate()) : ReferentialAction.CASCADE;
                ForeignKey fk = new ForeignKey(name, columns, namespace(target.schema()), target.dbName(), referenced,
                        onDelete, onUpdate);
                builders.get(model.name()).foreignKey(fk);
            }
        }
    }

    /** Required when any of the relation's scalar fields is required, else the relation field's arity. */
    private static boolean referentialArityRequired(Datamodel.Model model, Datamodel.RelationField rf) {
        for (String f : rf.fields()) {
            if (model.field(f).map(x -> x.arity() == Datamodel.Arity.REQUIRED).orElse(false)) {
                return true;
            }
        }
        return rf.arity() == Datamodel.Arity.REQUIRED;
    }

    private static ReferentialAction action(Datamodel.ReferentialAction a) {
        return switch (a) {
            case Cascade -> ReferentialAction.CASCADE;
            case Restrict -> ReferentialAction.RESTRICT;
            case NoAction -> ReferentialAction.NO_ACTION;
            case SetNull -> ReferentialAction.SET_NULL;
            case SetDefault -> ReferentialAction.SET_DEFAULT;
        };
    }

    /** A key that both fields of one relation share: the relation name and the two model names, sorted. */
    private static String relationKey(Datamodel.Model model, Datamodel.RelationField rf) {
        String a = model.name();
        String b = rf.targetModel();
        String pair = a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
        return rf.relationName() + "\u0000" + pair;
    }

    /** The implicit many-to-many join tables, in the order of their "A" fields (models, then fields). */
    private List<Table> joinTables() {
        List<Table> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Datamodel.Model model : datamodel.models()) {
            for (Datamodel.RelationField rf : model.relationFields()) {
                if (rf.kind() != Datamodel.RelationKind.MANY_TO_MANY || !models.containsKey(model.name())
                        || !models.containsKey(rf.targetModel())) {
                    continue;
                }
                Datamodel.Model other = models.get(rf.targetModel());
                String otherField = rf.backRelationField() != null ? rf.backRelationField() : rf.name();
                boolean thisFirst = model.name().compareTo(other.name()) < 0
                        || model.name().equals(other.name()) && rf.name().compareTo(otherField) <= 0;
                // Prisma registers the relation at its "A" field (first model name, then field name)
                if (!thisFirst || !seen.add(relationKey(model, rf))) {
                    continue;
                }
                Datamodel.Model a = thisFirst ? model : other;
                Datamodel.Model b = thisFirst ? other : model;
                out.add(joinTable(rf.relationName(), a, b));
            }
        }
        return out;
    }

    private Table joinTable(String relationName, Datamodel.Model a, Datamodel.Model b) {
        String tableName = ConstraintNames.takeChars("_" + relationName, limit);
        Table table = ImplicitJoinTables.create(namespace(a.schema()), tableName, side(a), side(b),
                dialect.joinTablesUsePrimaryKey());
        if (!relationModeUsesForeignKeys()) {
            table = new Table(table.namespace(), table.name(), table.columns(), table.primaryKey(), table.indexes(),
                    List.of());
        }
        return truncateJoinTableNames(table);
    }

    private ImplicitJoinTables.Side side(Datamodel.Model model) {
        Datamodel.PrimaryKey pk = model.primaryKey();
        if (pk == null || pk.fields().isEmpty()) {
            throw new IllegalArgumentException("model " + model.name() + " of a many-to-many relation has no id");
        }
        String idColumn = columnName(model, pk.fields().get(0).name());
        Table draft = draftTables.get(model.name());
        Column column = draft.column(idColumn).orElseThrow();
        return new ImplicitJoinTables.Side(namespace(model.schema()), model.dbName(), idColumn, column.type());
    }

    /** Prisma's truncation of the join table's constraint names at the identifier limit. */
    private Table truncateJoinTableNames(Table table) {
        if (limit == Integer.MAX_VALUE) {
            return table;
        }
        String name = table.name();
        int maxTable = limit - "_fkey".length() - 2;
        int nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        String aFk = (nameBytes > maxTable ? ConstraintNames.cutToBytes(name, maxTable) : name) + "_A_fkey";
        String bFk = (nameBytes >= maxTable ? ConstraintNames.cutToBytes(name, maxTable) : name) + "_B_fkey";
        String uniqueSuffix = table.primaryKey() != null ? "_AB_pkey" : "_AB_unique";
        String unique = ConstraintNames.takeChars(name, limit - uniqueSuffix.length()) + uniqueSuffix;
        String bIndex = ConstraintNames.takeChars(name, limit - 8) + "_B_index";
        PrimaryKey pk = table.primaryKey() == null ? null : new PrimaryKey(unique, table.primaryKey().columns());
        List<Index> indexes = new ArrayList<>();
        for (Index i : table.indexes()) {
            String n = i.isUnique() ? unique : bIndex;
            indexes.add(new Index(n, i.kind(), i.columns(), i.method(), i.predicate()));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            String n = fk.columns().get(0).equals("A") ? aFk : bFk;
            fks.add(new ForeignKey(n, fk.columns(), fk.referencedNamespace(), fk.referencedTable(),
                    fk.referencedColumns(), fk.onDelete(), fk.onUpdate()));
        }
        return new Table(table.namespace(), name, table.columns(), pk, indexes, fks);
    }
}
