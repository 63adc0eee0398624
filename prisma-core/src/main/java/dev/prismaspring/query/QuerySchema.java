package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The datamodel as the query engine sees it: per model its quoted table, columns, primary key, unique keys (for
 * {@code findUnique} and {@code cursor}) and how each relation joins (foreign key on either side, or an implicit
 * many-to-many table {@code _AToB}). Identifiers in SQL come only from here.
 */
public final class QuerySchema {

    private final Datamodel datamodel;
    private final SqlDialect dialect;
    private final Map<String, ModelInfo> models = new LinkedHashMap<>();
    private final Map<String, ModelInfo> byClientName = new LinkedHashMap<>();

    public QuerySchema(Datamodel datamodel) {
        this(datamodel, SqlDialect.forProvider(datamodel.provider()));
    }

    public QuerySchema(Datamodel datamodel, SqlDialect dialect) {
        this.datamodel = datamodel;
        this.dialect = dialect;
        for (Datamodel.Model m : datamodel.models()) {
            if (m.ignored()) {
                continue;
            }
            ModelInfo info = new ModelInfo(this, m);
            models.put(m.name(), info);
            byClientName.put(lowerCamel(m.name()), info);
        }
    }

    static String lowerCamel(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    public Datamodel datamodel() {
        return datamodel;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public Provider provider() {
        return dialect.provider();
    }

    /** The model by schema name ({@code User}) or client name ({@code user}). */
    public Optional<ModelInfo> find(String name) {
        ModelInfo m = models.get(name);
        return m != null ? Optional.of(m) : Optional.ofNullable(byClientName.get(name));
    }

    /** The model by name, or a P2009 error suggesting the closest name. */
    public ModelInfo model(String name) {
        return find(name).orElseThrow(() -> new PrismaValidationException("P2009", "UnknownModel", List.of(),
                "Unknown model '" + name + "'." + Suggest.didYouMean(name, models.keySet())));
    }

    public List<ModelInfo> models() {
        return List.copyOf(models.values());
    }

    String table(String schema, String dbName) {
        return dialect.quote(dialect.queryNamespace(schema), dbName);
    }

    Optional<Datamodel.EnumType> enumType(String name) {
        return datamodel.enumType(name);
    }

    /** A model's query-relevant facts. */
    public static final class ModelInfo {
        private final QuerySchema schema;
        private final Datamodel.Model model;
        private final String table;
        private final Map<String, Datamodel.ScalarField> scalars = new LinkedHashMap<>();
        private final Map<String, Datamodel.RelationField> relations = new LinkedHashMap<>();
        private final List<String> fieldNames;
        /** Links by relation field name, built on first use (the schema is immutable). */
        private final Map<String, RelationLink> links = new java.util.concurrent.ConcurrentHashMap<>();
        private List<Datamodel.ScalarField> primaryKey;
        private List<UniqueKey> uniqueKeys;

        ModelInfo(QuerySchema schema, Datamodel.Model model) {
            this.schema = schema;
            this.model = model;
            this.table = schema.table(model.schema(), model.dbName());
            for (Datamodel.Field f : model.fields()) {
                if (f.ignored()) {
                    continue;
                }
                if (f instanceof Datamodel.ScalarField s && !(s.type() instanceof Datamodel.Unsupported)) {
                    scalars.put(s.name(), s);
                } else if (f instanceof Datamodel.RelationField r) {
                    relations.put(r.name(), r);
                }
            }
            List<String> names = new ArrayList<>();
            for (Datamodel.Field f : model.fields()) {
                if (scalars.containsKey(f.name()) || relations.containsKey(f.name())) {
                    names.add(f.name());
                }
            }
            this.fieldNames = List.copyOf(names);
        }

        public String name() {
            return model.name();
        }

        public Datamodel.Model model() {
            return model;
        }

        /** The quoted (qualified) table name. */
        public String table() {
            return table;
        }

        public Map<String, Datamodel.ScalarField> scalars() {
            return scalars;
        }

        public Map<String, Datamodel.RelationField> relations() {
            return relations;
        }

        /** Names of all fields (scalar and relation) in schema order (unmodifiable). */
        public List<String> fieldNames() {
            return fieldNames;
        }

        public String column(Datamodel.ScalarField f) {
            return schema.dialect.quote(f.dbName());
        }

        public Datamodel.ScalarField scalar(String name) {
            return scalars.get(name);
        }

        /** The primary key fields, or the first unique key's fields when the model has no {@code @id}. */
        public List<Datamodel.ScalarField> primaryKey() {
            if (primaryKey == null) {
                List<UniqueKey> keys = uniqueKeys();
                primaryKey = keys.isEmpty() ? List.copyOf(scalars.values()) : keys.get(0).fields();
            }
            return primaryKey;
        }

        /** The unique criteria: the id (single or compound), then every unique constraint. */
        public List<UniqueKey> uniqueKeys() {
            if (uniqueKeys == null) {
                List<UniqueKey> out = new ArrayList<>();
                if (model.primaryKey() != null) {
                    out.add(key(model.primaryKey().name(), model.primaryKey().fields()));
                }
                for (Datamodel.Index i : model.indexes()) {
                    if (i.kind() == Datamodel.IndexKind.UNIQUE) {
                        UniqueKey k = key(i.name(), i.fields());
                        if (k != null && out.stream().noneMatch(o -> o.name().equals(k.name()))) {
                            out.add(k);
                        }
                    }
                }
                out.removeIf(java.util.Objects::isNull);
                uniqueKeys = List.copyOf(out);
            }
            return uniqueKeys;
        }

        private UniqueKey key(String name, List<Datamodel.IndexField> fields) {
            List<Datamodel.ScalarField> fs = new ArrayList<>();
            for (Datamodel.IndexField f : fields) {
                Datamodel.ScalarField s = scalars.get(f.name());
                if (s == null) {
                    return null;
                }
                fs.add(s);
            }
            String n = name != null && fs.size() > 1 ? name
                    : String.join("_", fs.stream().map(Datamodel.ScalarField::name).toList());
            return new UniqueKey(n, List.copyOf(fs));
        }

        /** How a relation field joins its target (computed once per relation field of this model). */
        public RelationLink link(Datamodel.RelationField rf) {
            if (relations.get(rf.name()) != rf) {
                return computeLink(rf);
            }
            RelationLink cached = links.get(rf.name());
            if (cached == null) {
                cached = computeLink(rf);
                links.putIfAbsent(rf.name(), cached);
            }
            return cached;
        }

        private RelationLink computeLink(Datamodel.RelationField rf) {
            ModelInfo target = schema.model(rf.targetModel());
            if (rf.kind() == Datamodel.RelationKind.MANY_TO_MANY) {
                String otherField = rf.backRelationField() != null ? rf.backRelationField() : rf.name();
                boolean thisFirst = name().compareTo(target.name()) < 0
                        || name().equals(target.name()) && rf.name().compareTo(otherField) <= 0;
                ModelInfo a = thisFirst ? this : target;
                String joinTable = schema.table(a.model.schema(), "_" + rf.relationName());
                return new RelationLink(rf, this, target, primaryKey(), target.primaryKey(), joinTable,
                        schema.dialect.quote(thisFirst ? "A" : "B"), schema.dialect.quote(thisFirst ? "B" : "A"));
            }
            if (!rf.fields().isEmpty()) {
                return new RelationLink(rf, this, target, rf.fields().stream().map(scalars::get).toList(),
                        rf.references().stream().map(target.scalars::get).toList(), null, null, null);
            }
            Datamodel.RelationField back = target.relations.get(rf.backRelationField());
            if (back == null) {
                throw new PrismaException("P2016", "Relation " + name() + "." + rf.name() + " has no back relation");
            }
            return new RelationLink(rf, this, target, back.references().stream().map(scalars::get).toList(),
                    back.fields().stream().map(target.scalars::get).toList(), null, null, null);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** A unique criterion: its client name ({@code email}, {@code a_b}) and fields. */
    public record UniqueKey(String name, List<Datamodel.ScalarField> fields) {
    }

    /**
     * How a relation joins: parent rows whose {@code parentFields} equal the child's {@code childFields}; for
     * many-to-many through {@code joinTable}, where {@code joinParentColumn} holds the parent's id and
     * {@code joinChildColumn} the child's.
     */
    public record RelationLink(Datamodel.RelationField field, ModelInfo parent, ModelInfo target,
                               List<Datamodel.ScalarField> parentFields, List<Datamodel.ScalarField> childFields,
                               String joinTable, String joinParentColumn, String joinChildColumn) {
        public boolean manyToMany() {
            return joinTable != null;
        }

        public boolean toMany() {
            return field.arity() == Datamodel.Arity.LIST;
        }
    }
}
