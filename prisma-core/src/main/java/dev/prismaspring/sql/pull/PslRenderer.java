package dev.prismaspring.sql.pull;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaFormatter;
import dev.prismaspring.schema.nativetypes.NativeType;
import dev.prismaspring.schema.nativetypes.NativeTypeCatalog;
import dev.prismaspring.schema.nativetypes.OperatorClass;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnArity;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.ConstraintNames;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.IndexColumn;
import dev.prismaspring.sql.IndexKind;
import dev.prismaspring.sql.IndexMethod;
import dev.prismaspring.sql.PrimaryKey;
import dev.prismaspring.sql.ReferentialAction;
import dev.prismaspring.sql.SortOrder;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.sql.Table;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders an introspected {@link SqlSchema} as a formatted Prisma schema, as {@code prisma db pull} does:
 *
 * <ul>
 *   <li>one model per table, named as the table; names that are not PSL identifiers are sanitised (leading
 *       characters other than letters dropped, other characters replaced by {@code _}) and kept in
 *       {@code @@map}/{@code @map}; reserved model names are prefixed {@code Renamed};</li>
 *   <li>scalar fields in column order, {@code @db.*} only where the native type is not the scalar type's default;
 *       {@code @id}/{@code @@id}, {@code @unique}/{@code @@unique}, {@code @@index}, {@code @@fulltext} with
 *       {@code map:} only where the name differs from Prisma's default name;</li>
 *   <li>relations from foreign keys, on both sides: the forward field named after the referenced model, the back
 *       field after the referencing model (a list unless the foreign key columns are unique); where two models have
 *       several relations, or a field name clashes, relation and field names follow Prisma's
 *       {@code <Model>_<columns>To<Referenced>} scheme; self relations get {@code other_} back fields;</li>
 *   <li>implicit many-to-many join tables ({@code _AToB} with columns {@code A}, {@code B}) become list fields on
 *       both models;</li>
 *   <li>enums (PostgreSQL types; MySQL inline enums named {@code <table>_<column>});</li>
 *   <li>{@code @@ignore} for tables without a primary key or unique constraint on required columns;
 *       {@code Unsupported("...")} for types Prisma has no scalar for.</li>
 * </ul>
 */
public final class PslRenderer {

    private static final Pattern START = Pattern.compile("^[^a-zA-Z]+");
    private static final Pattern INVALID = Pattern.compile("[^_a-zA-Z0-9]");
    private static final Set<String> RESERVED = Set.of("PrismaClient", "Prisma", "async", "await", "break", "case",
            "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
            "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof",
            "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "super",
            "switch", "this", "throw", "true", "try", "using", "typeof", "var", "void", "while", "with", "yield",
            "String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Unsupported");

    private final SqlSchema schema;
    private final Provider provider;
    private final int limit;
    private final boolean multiSchema;
    private final Map<Table, String> modelNames = new HashMap<>();
    private final Map<SqlEnum, String> enumNames = new HashMap<>();
    private final Map<Table, List<String>> relationLines = new LinkedHashMap<>();
    private final Set<Table> ignored = new HashSet<>();
    private final List<Table> joinTables = new ArrayList<>();

    private final Datamodel previous;

    private PslRenderer(SqlSchema schema, Provider provider, Datamodel previous) {
        this.schema = schema;
        this.provider = provider;
        this.previous = previous;
        this.limit = SqlDialect.forProvider(provider).maxIdentifierLength();
        this.multiSchema = provider == Provider.POSTGRESQL && (schema.namespaces().size() > 1
                || schema.tables().stream().anyMatch(t -> t.namespace() != null)
                || schema.enums().stream().anyMatch(e -> e.namespace() != null));
    }

    /** The schema as formatted PSL, with a datasource block for {@code provider} and no generator. */
    public static String render(SqlSchema schema, Provider provider) {
        return render(schema, provider, null);
    }

    /**
     * The schema as formatted PSL. {@code configBlocks} (the datasource and generator blocks of an existing schema,
     * as text) are kept as they are; a default datasource block is added when they have none.
     */
    public static String render(SqlSchema schema, Provider provider, String configBlocks) {
        return new PslRenderer(schema, provider, null).run(configBlocks);
    }

    /**
     * Re-introspection, as {@code prisma db pull} over an existing schema: names come from {@code previous} where
     * its models, fields, enums and relations map to the same tables, columns, enums and foreign keys (so
     * {@code @@map}/{@code @map} are kept), and so do {@code @updatedAt} and the defaults the client generates
     * ({@code uuid()}, {@code cuid()}, ...), which the database cannot show.
     *
     * @param previous     the existing schema's datamodel, or {@code null}
     * @param configBlocks the existing datasource and generator blocks as text, or {@code null}
     */
    public static String render(SqlSchema schema, Provider provider, Datamodel previous, String configBlocks) {
        return new PslRenderer(schema, provider, previous).run(configBlocks);
    }

    // ------------------------------------------------------------------------------------------ previous schema

    private Datamodel.Model previousModel(Table t) {
        if (previous == null) {
            return null;
        }
        return previous.models().stream().filter(m -> !m.view() && m.dbName().equals(t.name())
                && Objects.equals(ns(m.schema()), ns(t.namespace()))).findFirst().orElse(null);
    }

    private Datamodel.ScalarField previousField(Table t, String column) {
        Datamodel.Model m = previousModel(t);
        return m == null ? null : m.scalarFields().stream().filter(f -> f.dbName().equals(column)).findFirst()
                .orElse(null);
    }

    /** The field name of a column: the previous schema's, else the sanitised column name. */
    private String field(Table t, String column) {
        Datamodel.ScalarField f = previousField(t, column);
        return f != null ? f.name() : sanitize(column);
    }

    private Datamodel.RelationField previousForward(Table t, ForeignKey fk) {
        Datamodel.Model m = previousModel(t);
        Table ref = target(fk);
        Datamodel.Model target = previousModel(ref);
        if (m == null || target == null) {
            return null;
        }
        List<String> fields = fk.columns().stream().map(c -> field(t, c)).toList();
        return m.relationFields().stream().filter(r -> r.targetModel().equals(target.name())
                && r.fields().equals(fields)).findFirst().orElse(null);
    }

    private Datamodel.EnumType previousEnum(SqlEnum e) {
        if (previous == null) {
            return null;
        }
        if (provider == Provider.MYSQL) {
            for (Table t : schema.tables()) {
                for (Column c : t.columns()) {
                    if (c.type() instanceof ColumnType.EnumRef ref && ref.enumName().equals(e.name())) {
                        Datamodel.ScalarField f = previousField(t, c.name());
                        if (f != null && f.type() instanceof Datamodel.EnumRef er) {
                            return previous.enumType(er.enumName()).orElse(null);
                        }
                    }
                }
            }
            return null;
        }
        return previous.enums().stream().filter(x -> x.dbName().equals(e.name())
                && Objects.equals(ns(x.schema()), ns(e.namespace()))).findFirst().orElse(null);
    }

    private String enumValueName(SqlEnum e, String value) {
        Datamodel.EnumType pe = previousEnum(e);
        if (pe != null) {
            for (Datamodel.EnumValueDef v : pe.values()) {
                if (v.dbName().equals(value)) {
                    return v.name();
                }
            }
        }
        return value.isEmpty() ? "EMPTY_ENUM_VALUE" : sanitize(value);
    }

    private static String clientDefault(Datamodel.DefaultValue d) {
        if (d instanceof Datamodel.Uuid u) {
            return u.version() == 4 ? "uuid()" : "uuid(" + u.version() + ")";
        } else if (d instanceof Datamodel.Cuid c) {
            return c.version() == 1 ? "cuid()" : "cuid(" + c.version() + ")";
        } else if (d instanceof Datamodel.Ulid) {
            return "ulid()";
        } else if (d instanceof Datamodel.Nanoid n) {
            return n.length() == null ? "nanoid()" : "nanoid(" + n.length() + ")";
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ names

    static boolean needsSanitation(String s) {
        return START.matcher(s).find() || INVALID.matcher(s).find();
    }

    static String sanitize(String s) {
        if (!needsSanitation(s)) {
            return s;
        }
        return INVALID.matcher(START.matcher(s).replaceAll("")).replaceAll("_");
    }

    private String modelName(Table t) {
        return modelNames.get(t);
    }

    private void nameModels() {
        Map<String, Integer> counts = new HashMap<>();
        schema.tables().forEach(t -> counts.merge(t.name(), 1, Integer::sum));
        for (Table t : schema.tables()) {
            String name = t.name();
            Datamodel.Model pm = previousModel(t);
            if (pm != null) {
                name = pm.name();
            } else if (counts.get(name) > 1 && t.namespace() != null) {
                name = sanitize(t.namespace() + "_" + name);
            } else if (RESERVED.contains(name)) {
                name = "Renamed" + name;
            } else {
                name = sanitize(name);
            }
            modelNames.put(t, name);
        }
        for (SqlEnum e : schema.enums()) {
            Datamodel.EnumType pe = previousEnum(e);
            String name = pe != null ? pe.name() : RESERVED.contains(e.name()) ? "Renamed" + e.name()
                    : sanitize(e.name());
            enumNames.put(e, name);
        }
    }

    // ------------------------------------------------------------------------------------------ structure

    private static boolean isJoinTable(Table t) {
        if (!t.name().startsWith("_") || t.columns().size() != 2 || t.foreignKeys().size() != 2) {
            return false;
        }
        List<String> cols = t.columns().stream().map(Column::name).toList();
        if (!cols.equals(List.of("A", "B"))) {
            return false;
        }
        ForeignKey a = fkOn(t, "A");
        ForeignKey b = fkOn(t, "B");
        if (a == null || b == null || a.referencedColumns().size() != 1 || b.referencedColumns().size() != 1) {
            return false;
        }
        boolean uniqueAB = t.primaryKey() != null && t.primaryKey().columnNames().equals(List.of("A", "B"))
                || t.indexes().stream().anyMatch(i -> i.isUnique() && i.columnNames().equals(List.of("A", "B")));
        return uniqueAB && t.columns().stream().allMatch(c -> c.arity() == ColumnArity.REQUIRED);
    }

    private static ForeignKey fkOn(Table t, String column) {
        return t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of(column))).findFirst().orElse(null);
    }

    private Table target(ForeignKey fk) {
        return schema.table(fk.referencedNamespace(), fk.referencedTable()).orElseThrow();
    }

    private static boolean hasUniqueCriteria(Table t) {
        if (t.primaryKey() != null) {
            return true;
        }
        return t.indexes().stream().filter(Index::isUnique).anyMatch(i -> i.columnNames().stream()
                .allMatch(c -> t.column(c).map(col -> col.arity() == ColumnArity.REQUIRED
                        && !(col.type() instanceof ColumnType.Unsupported)).orElse(false)));
    }

    /** Whether the columns are exactly a primary key or unique index of the table (a 1:1 relation). */
    private static boolean isUnique(Table t, List<String> columns) {
        Set<String> set = new HashSet<>(columns);
        if (t.primaryKey() != null && new HashSet<>(t.primaryKey().columnNames()).equals(set)) {
            return true;
        }
        return t.indexes().stream().anyMatch(i -> i.isUnique() && i.predicate() == null
                && new HashSet<>(i.columnNames()).equals(set));
    }

    private static List<Table> pair(Table a, Table b) {
        return tableKey(a).compareTo(tableKey(b)) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    private static String tableKey(Table t) {
        return Objects.toString(t.namespace(), "") + "\u0000" + t.name();
    }

    private record Inline(Table table, ForeignKey fk, String relationName, String forward, String back) {
    }

    private record ManyToMany(Table join, Table a, Table b, String relationName, String fieldOnA, String fieldOnB) {
    }

    private final List<Inline> inlines = new ArrayList<>();
    private final List<ManyToMany> manyToManys = new ArrayList<>();

    private void relations(Set<List<Table>> ambiguous) {
        inlines.clear();
        manyToManys.clear();
        for (Table t : schema.tables()) {
            if (joinTables.contains(t)) {
                Table a = target(fkOn(t, "A"));
                Table b = target(fkOn(t, "B"));
                List<Table> ids = pair(a, b);
                boolean self = a == b;
                String relationName;
                String suffix;
                if (ambiguous.contains(ids)) {
                    relationName = t.name().substring(1);
                    suffix = t.name();
                } else {
                    String defaultName = modelName(ids.get(0)) + "To" + modelName(ids.get(1));
                    String found = t.name().substring(1);
                    relationName = found.equals(defaultName) && !self ? "" : found;
                    suffix = "";
                }
                String onFirst = modelName(ids.get(1)) + suffix + (self ? "_A" : "");
                String onSecond = modelName(ids.get(0)) + suffix + (self ? "_B" : "");
                Datamodel.Model pa = previousModel(ids.get(0));
                Datamodel.Model pb = previousModel(ids.get(1));
                if (pa != null && pb != null && !self) {
                    String joinName = t.name().substring(1);
                    var fa = pa.relationFields().stream().filter(r -> r.kind() == Datamodel.RelationKind.MANY_TO_MANY
                            && r.targetModel().equals(pb.name()) && joinName.equals(r.relationName())).findFirst();
                    var fb = pb.relationFields().stream().filter(r -> r.kind() == Datamodel.RelationKind.MANY_TO_MANY
                            && r.targetModel().equals(pa.name()) && joinName.equals(r.relationName())).findFirst();
                    if (fa.isPresent() && fb.isPresent()) {
                        String defaultName = pa.name().compareTo(pb.name()) < 0 ? pa.name() + "To" + pb.name()
                                : pb.name() + "To" + pa.name();
                        relationName = joinName.equals(defaultName) ? "" : joinName;
                        onFirst = fa.get().name();
                        onSecond = fb.get().name();
                    }
                }
                manyToManys.add(new ManyToMany(t, ids.get(0), ids.get(1), relationName, onFirst, onSecond));
                continue;
            }
            Set<List<String>> seen = new HashSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!seen.add(List.of(String.join("\u0000", fk.columns()), String.join("\u0000",
                        fk.referencedColumns()), tableKey(target(fk))))) {
                    continue; // a duplicated foreign key
                }
                Table ref = target(fk);
                Datamodel.RelationField prev = previousForward(t, fk);
                if (prev != null && prev.backRelationField() != null) {
                    String a = modelName(t);
                    String b = modelName(ref);
                    String defaultName = a.compareTo(b) <= 0 ? a + "To" + b : b + "To" + a;
                    String relationName = prev.relationName() == null
                            || prev.relationName().equals(defaultName) && !ambiguous.contains(pair(t, ref))
                            && ref != t ? "" : prev.relationName();
                    inlines.add(new Inline(t, fk, relationName, prev.name(), prev.backRelationField()));
                    continue;
                }
                boolean self = ref == t;
                String referencing = modelName(t);
                String referenced = modelName(ref);
                String prefix = self ? "other_" : "";
                if (!ambiguous.contains(pair(t, ref))) {
                    inlines.add(new Inline(t, fk, self ? referencing + "To" + referenced : "", referenced,
                            prefix + referencing));
                } else {
                    String relationName = referencing + "_" + fk.columns().stream().map(c -> field(t, c))
                            .collect(Collectors.joining("_")) + "To" + referenced;
                    inlines.add(new Inline(t, fk, relationName, referenced + "_" + relationName,
                            prefix + referencing + "_" + relationName));
                }
            }
        }
    }

    private Set<List<Table>> findAmbiguous() {
        Set<List<Table>> ambiguous = new HashSet<>();
        for (Table t : schema.tables()) {
            if (joinTables.contains(t)) {
                List<Table> ids = pair(target(fkOn(t, "A")), target(fkOn(t, "B")));
                for (Table m : ids) {
                    for (ForeignKey fk : m.foreignKeys()) {
                        if (pair(m, target(fk)).equals(ids)) {
                            ambiguous.add(ids);
                        }
                    }
                }
                for (Table other : joinTables) {
                    if (other != t && pair(target(fkOn(other, "A")), target(fkOn(other, "B"))).equals(ids)) {
                        ambiguous.add(ids);
                    }
                }
                continue;
            }
            for (ForeignKey fk : t.foreignKeys()) {
                Table ref = target(fk);
                List<Table> ids = pair(t, ref);
                List<ForeignKey> all = new ArrayList<>(t.foreignKeys());
                if (ref != t) {
                    all.addAll(ref.foreignKeys());
                }
                for (ForeignKey other : all) {
                    Table owner = ownerOf(other, t, ref);
                    boolean distinct = other != fk && (owner != t || !other.columns().equals(fk.columns()));
                    if (distinct && owner != null && pair(owner, target(other)).equals(ids)) {
                        ambiguous.add(ids);
                    }
                }
                String defaultField = modelName(ref);
                if (fk.columns().stream().anyMatch(c -> field(t, c).equals(defaultField))) {
                    ambiguous.add(ids);
                }
            }
        }
        return ambiguous;
    }

    private static Table ownerOf(ForeignKey fk, Table a, Table b) {
        return a.foreignKeys().contains(fk) ? a : b.foreignKeys().contains(fk) ? b : null;
    }

    /** Field names of each model, to find clashes that need disambiguated relation names. */
    private Set<List<Table>> clashes() {
        Map<Table, Map<String, Integer>> names = new HashMap<>();
        for (Table t : schema.tables()) {
            Map<String, Integer> m = new HashMap<>();
            t.columns().forEach(c -> m.merge(field(t, c.name()), 1, Integer::sum));
            names.put(t, m);
        }
        for (Inline r : inlines) {
            names.get(r.table).merge(r.forward, 1, Integer::sum);
            names.get(target(r.fk)).merge(r.back, 1, Integer::sum);
        }
        for (ManyToMany r : manyToManys) {
            names.get(r.a).merge(r.fieldOnA, 1, Integer::sum);
            names.get(r.b).merge(r.fieldOnB, 1, Integer::sum);
        }
        Set<List<Table>> out = new HashSet<>();
        for (Inline r : inlines) {
            if (names.get(r.table).get(r.forward) > 1 || names.get(target(r.fk)).get(r.back) > 1) {
                out.add(pair(r.table, target(r.fk)));
            }
        }
        for (ManyToMany r : manyToManys) {
            if (names.get(r.a).get(r.fieldOnA) > 1 || names.get(r.b).get(r.fieldOnB) > 1) {
                out.add(pair(r.a, r.b));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ rendering

    private String run(String configBlocks) {
        nameModels();
        for (Table t : schema.tables()) {
            if (isJoinTable(t)) {
                joinTables.add(t);
            } else if (!hasUniqueCriteria(t)) {
                ignored.add(t);
            }
        }
        Set<List<Table>> ambiguous = findAmbiguous();
        relations(ambiguous);
        for (int i = 0; i < 3; i++) {
            Set<List<Table>> clash = clashes();
            if (clash.isEmpty() || ambiguous.containsAll(clash)) {
                break;
            }
            ambiguous.addAll(clash);
            relations(ambiguous);
        }
        StringBuilder out = new StringBuilder();
        if (configBlocks != null && !configBlocks.isBlank()) {
            out.append(configBlocks.strip()).append("\n\n");
        }
        if (configBlocks == null || !Pattern.compile("(?m)^\\s*datasource\\s+\\w+\\s*\\{").matcher(configBlocks).find()) {
            out.append("datasource db {\n  provider = \"").append(providerName()).append("\"\n");
            if (multiSchema) {
                out.append("  schemas = [").append(schemasUsed().stream().map(PslRenderer::quoted)
                        .collect(Collectors.joining(", "))).append("]\n");
            }
            out.append("}\n\n");
        }
        for (Table t : schema.tables()) {
            if (!joinTables.contains(t)) {
                model(out, t);
            }
        }
        for (SqlEnum e : schema.enums()) {
            enumBlock(out, e);
        }
        for (Datamodel.EnumType e : sqliteEnums) {
            out.append("enum ").append(e.name()).append(" {\n");
            for (Datamodel.EnumValueDef v : e.values()) {
                out.append("  ").append(v.name());
                if (!v.name().equals(v.dbName())) {
                    out.append(" @map(").append(quoted(v.dbName())).append(')');
                }
                out.append('\n');
            }
            if (!e.name().equals(e.dbName())) {
                out.append("\n  @@map(").append(quoted(e.dbName())).append(")\n");
            }
            out.append("}\n\n");
        }
        return SchemaFormatter.format(out.toString());
    }

    private List<String> schemasUsed() {
        Set<String> s = new java.util.TreeSet<>(schema.namespaces());
        schema.tables().forEach(t -> s.add(ns(t.namespace())));
        schema.enums().forEach(e -> s.add(ns(e.namespace())));
        return List.copyOf(s);
    }

    private static String ns(String namespace) {
        return namespace == null ? SqlSchemaCalculator.DEFAULT_NAMESPACE : namespace;
    }

    private String providerName() {
        return switch (provider) {
            case POSTGRESQL -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    private void model(StringBuilder out, Table t) {
        String name = modelName(t);
        if (ignored.contains(t)) {
            out.append("/// The underlying table does not contain a valid unique identifier and can therefore "
                    + "currently not be handled by Prisma Client.\n");
        }
        out.append("model ").append(name).append(" {\n");
        PrimaryKey pk = t.primaryKey();
        boolean singlePk = pk != null && pk.columns().size() == 1;
        Set<String> fieldUniques = new HashSet<>();
        for (Column c : t.columns()) {
            out.append("  ").append(fieldLine(t, c, singlePk && pk.isSingleColumn(c.name()) ? pk : null,
                    fieldUniques)).append('\n');
        }
        for (Inline r : inlines) {
            if (r.table == t) {
                out.append("  ").append(forwardField(r)).append('\n');
            }
        }
        for (Inline r : inlines) {
            if (target(r.fk) == t) {
                boolean one = isUnique(r.table, r.fk.columns());
                out.append("  ").append(r.back).append(' ').append(modelName(r.table)).append(one ? "?" : "[]");
                List<String> args = new ArrayList<>();
                if (!r.relationName.isEmpty()) {
                    args.add(quoted(r.relationName));
                }
                if (!args.isEmpty()) {
                    out.append(" @relation(").append(String.join(", ", args)).append(')');
                }
                if (ignored.contains(r.table) && !ignored.contains(t)) {
                    out.append(" @ignore");
                }
                out.append('\n');
            }
        }
        for (ManyToMany r : manyToManys) {
            if (r.a == t) {
                out.append("  ").append(m2mField(r.fieldOnA, r.b, r.relationName)).append('\n');
            }
            if (r.b == t) {
                out.append("  ").append(m2mField(r.fieldOnB, r.a, r.relationName)).append('\n');
            }
        }
        out.append('\n');
        if (pk != null && !singlePk) {
            out.append("  @@id([").append(indexFields(t, pk.columns())).append(']');
            String dflt = ConstraintNames.primaryKey(t.name(), limit);
            if (provider == Provider.POSTGRESQL && pk.constraintName() != null && !pk.constraintName().equals(dflt)) {
                out.append(", map: ").append(quoted(pk.constraintName()));
            }
            out.append(")\n");
        }
        for (Index i : t.indexes()) {
            if (i.isUnique() && fieldUniques.contains(i.name())) {
                continue;
            }
            out.append("  ").append(indexLine(t, i)).append('\n');
        }
        if (!Objects.equals(name, t.name())) {
            out.append("  @@map(").append(quoted(t.name())).append(")\n");
        }
        if (ignored.contains(t)) {
            out.append("  @@ignore\n");
        }
        if (multiSchema) {
            out.append("  @@schema(").append(quoted(ns(t.namespace()))).append(")\n");
        }
        out.append("}\n\n");
    }

    private String m2mField(String field, Table other, String relationName) {
        return field + " " + modelName(other) + "[]"
                + (relationName.isEmpty() ? "" : " @relation(" + quoted(relationName) + ")");
    }

    private String forwardField(Inline r) {
        Table ref = target(r.fk);
        boolean optional = r.fk.columns().stream()
                .anyMatch(c -> r.table.column(c).map(col -> col.arity() != ColumnArity.REQUIRED).orElse(true));
        List<String> args = new ArrayList<>();
        if (!r.relationName.isEmpty()) {
            args.add(quoted(r.relationName));
        }
        args.add("fields: [" + r.fk.columns().stream().map(c -> field(r.table, c))
                .collect(Collectors.joining(", ")) + "]");
        args.add("references: [" + r.fk.referencedColumns().stream().map(c -> field(ref, c))
                .collect(Collectors.joining(", ")) + "]");
        ReferentialAction defaultDelete = optional ? ReferentialAction.SET_NULL : ReferentialAction.RESTRICT;
        if (r.fk.onDelete() != defaultDelete) {
            args.add("onDelete: " + action(r.fk.onDelete()));
        }
        if (r.fk.onUpdate() != ReferentialAction.CASCADE) {
            args.add("onUpdate: " + action(r.fk.onUpdate()));
        }
        String dflt = ConstraintNames.foreignKey(r.table.name(), r.fk.columns(), limit);
        if (r.fk.constraintName() != null && !r.fk.constraintName().equals(dflt)) {
            args.add("map: " + quoted(r.fk.constraintName()));
        }
        String line = r.forward + " " + modelName(ref) + (optional ? "?" : "") + " @relation("
                + String.join(", ", args) + ")";
        if (ignored.contains(ref) && !ignored.contains(r.table)) {
            line += " @ignore";
        }
        return line;
    }

    private static String action(ReferentialAction a) {
        return switch (a) {
            case CASCADE -> "Cascade";
            case RESTRICT -> "Restrict";
            case NO_ACTION -> "NoAction";
            case SET_NULL -> "SetNull";
            case SET_DEFAULT -> "SetDefault";
        };
    }

    private String fieldLine(Table t, Column c, PrimaryKey singlePk, Set<String> fieldUniques) {
        String name = field(t, c.name());
        StringBuilder line = new StringBuilder(name).append(' ');
        String scalar = null;
        Datamodel.EnumType sqliteEnum = sqliteEnum(t, c);
        if (sqliteEnum != null) {
            line.append(sqliteEnum.name());
            sqliteEnums.add(sqliteEnum);
        } else if (c.type() instanceof ColumnType.EnumRef ref) {
            SqlEnum e = schema.findEnum(ref).orElse(null);
            line.append(e == null ? "String" : enumNames.get(e));
        } else if (c.type() instanceof ColumnType.Unsupported u) {
            line.append("Unsupported(").append(quoted(u.sql())).append(')');
        } else {
            scalar = scalarName((ColumnType.Scalar) c.type());
            line.append(scalar);
        }
        line.append(switch (c.arity()) {
            case REQUIRED -> "";
            case NULLABLE -> "?";
            case LIST -> "[]";
        });
        if (singlePk != null) {
            line.append(" @id");
            List<String> args = new ArrayList<>();
            String dflt = ConstraintNames.primaryKey(t.name(), limit);
            if (provider == Provider.POSTGRESQL && singlePk.constraintName() != null
                    && !singlePk.constraintName().equals(dflt)) {
                args.add("map: " + quoted(singlePk.constraintName()));
            }
            fieldArgs(singlePk.columns().get(0), args);
            if (!args.isEmpty()) {
                line.append('(').append(String.join(", ", args)).append(')');
            }
        }
        String dflt = defaultValue(c, scalar);
        if (sqliteEnum != null && c.defaultValue() instanceof ColumnDefault.StringValue sv) {
            dflt = sqliteEnum.values().stream().filter(v -> v.dbName().equals(sv.value()))
                    .map(Datamodel.EnumValueDef::name).findFirst().orElse(dflt);
        }
        Datamodel.ScalarField prev = previousField(t, c.name());
        if (dflt == null && prev != null) {
            dflt = clientDefault(prev.defaultValue());
        }
        if (dflt != null) {
            line.append(" @default(").append(dflt).append(')');
        }
        if (prev != null && prev.updatedAt() && c.type().family() == dev.prismaspring.sql.TypeFamily.DATE_TIME) {
            line.append(" @updatedAt");
        }
        // the first single-column unique index without method or predicate: @unique
        for (Index i : singlePk != null ? List.<Index>of() : t.indexes()) {
            if (i.isUnique() && i.columns().size() == 1 && i.columns().get(0).column().equals(c.name())
                    && i.method() == null && i.predicate() == null) {
                fieldUniques.add(i.name());
                line.append(" @unique");
                List<String> args = new ArrayList<>();
                String def = ConstraintNames.unique(t.name(), i.columnNames(), limit);
                if (!i.name().equals(def)) {
                    args.add("map: " + quoted(i.name()));
                }
                fieldArgs(i.columns().get(0), args);
                if (!args.isEmpty()) {
                    line.append('(').append(String.join(", ", args)).append(')');
                }
                break;
            }
        }
        if (c.type() instanceof ColumnType.Scalar s && scalar != null && s.nativeType() != null) {
            NativeType nt = NativeType.of(s.nativeType(), s.args().stream().map(String::valueOf)
                    .toArray(String[]::new));
            if (!NativeTypeCatalog.isDefaultFor(provider, nt, scalar)) {
                line.append(" @db.").append(s.nativeType());
                if (!s.args().isEmpty()) {
                    line.append('(').append(s.args().stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))).append(')');
                }
            }
        }
        if (!name.equals(c.name())) {
            line.append(" @map(").append(quoted(c.name())).append(')');
        }
        return line.toString();
    }

    private static String scalarName(ColumnType.Scalar s) {
        return switch (s.family()) {
            case INT -> "Int";
            case BIG_INT -> "BigInt";
            case FLOAT -> "Float";
            case DECIMAL -> "Decimal";
            case BOOLEAN -> "Boolean";
            case STRING, UUID -> "String";
            case DATE_TIME -> "DateTime";
            case JSON -> "Json";
            case BINARY -> "Bytes";
        };
    }

    /** SQLite keeps enums as TEXT: the previous schema's enum of that field, if it had one. */
    private Datamodel.EnumType sqliteEnum(Table t, Column c) {
        if (provider != Provider.SQLITE || c.type().family() != dev.prismaspring.sql.TypeFamily.STRING) {
            return null;
        }
        Datamodel.ScalarField prev = previousField(t, c.name());
        if (prev != null && prev.type() instanceof Datamodel.EnumRef ref) {
            return previous.enumType(ref.enumName()).orElse(null);
        }
        return null;
    }

    private final Set<Datamodel.EnumType> sqliteEnums = new java.util.LinkedHashSet<>();

    private String defaultValue(Column c, String scalar) {
        if (c.autoIncrement()) {
            return "autoincrement()";
        }
        ColumnDefault d = c.defaultValue();
        if (d == null) {
            return null;
        }
        if (d instanceof ColumnDefault.DbGenerated g) {
            return g.hasExpression() ? "dbgenerated(" + quoted(g.expression()) + ")" : null;
        }
        return value(c, d, scalar);
    }

    private String value(Column c, ColumnDefault d, String scalar) {
        if (d instanceof ColumnDefault.Sequence) {
            return "autoincrement()";
        } else if (d instanceof ColumnDefault.Now) {
            return "now()";
        } else if (d instanceof ColumnDefault.StringValue s) {
            return quoted(s.value());
        } else if (d instanceof ColumnDefault.EnumValue e) {
            if (c.type() instanceof ColumnType.EnumRef ref) {
                SqlEnum se = schema.findEnum(ref).orElse(null);
                return se == null ? sanitize(e.value()) : enumValueName(se, e.value());
            }
            return quoted(e.value());
        } else if (d instanceof ColumnDefault.NumberValue n) {
            return "Decimal".equals(scalar) ? quoted(n.literal()) : n.literal();
        } else if (d instanceof ColumnDefault.BooleanValue b) {
            return Boolean.toString(b.value());
        } else if (d instanceof ColumnDefault.DateTimeValue dt) {
            return quoted(isoDateTime(dt.value()));
        } else if (d instanceof ColumnDefault.JsonValue j) {
            return quoted(j.json());
        } else if (d instanceof ColumnDefault.BytesValue b) {
            return quoted(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(b.hex())));
        } else if (d instanceof ColumnDefault.ListValue l) {
            return "[" + l.values().stream().map(v -> value(c, v, scalar)).collect(Collectors.joining(", ")) + "]";
        } else if (d instanceof ColumnDefault.DbGenerated g) {
            return g.hasExpression() ? "dbgenerated(" + quoted(g.expression()) + ")" : "dbgenerated()";
        }
        return null;
    }

    /** {@code 2020-01-02 03:04:05.123 +00:00} → {@code 2020-01-02T03:04:05.123+00:00}. */
    private static String isoDateTime(String value) {
        return value.replaceFirst("^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?) ?([+-]\\d\\d:\\d\\d)$",
                "$1T$2$3");
    }

    private void fieldArgs(IndexColumn c, List<String> args) {
        if (c.sortOrder() == SortOrder.DESC) {
            args.add("sort: Desc");
        }
        if (c.length() != null) {
            args.add("length: " + c.length());
        }
    }

    private String indexFields(Table t, List<IndexColumn> columns) {
        List<String> parts = new ArrayList<>();
        for (IndexColumn c : columns) {
            List<String> args = new ArrayList<>();
            fieldArgs(c, args);
            if (c.operatorClass() != null) {
                args.add("ops: " + ops(c.operatorClass()));
            }
            String name = field(t, c.column());
            parts.add(args.isEmpty() ? name : name + "(" + String.join(", ", args) + ")");
        }
        return String.join(", ", parts);
    }

    private static String ops(String sql) {
        for (OperatorClass oc : OperatorClass.values()) {
            if (sql.equals(SqlSchemaCalculator.operatorClassSql(oc.name()))) {
                return oc.name();
            }
        }
        return "raw(" + quoted(sql) + ")";
    }

    private String indexLine(Table t, Index i) {
        String keyword = switch (i.kind()) {
            case UNIQUE -> "@@unique";
            case NORMAL -> "@@index";
            case FULLTEXT -> "@@fulltext";
        };
        List<String> args = new ArrayList<>();
        args.add("[" + indexFields(t, i.columns()) + "]");
        String dflt = i.kind() == IndexKind.UNIQUE ? ConstraintNames.unique(t.name(), i.columnNames(), limit)
                : ConstraintNames.index(t.name(), i.columnNames(), limit);
        if (!i.name().equals(dflt)) {
            args.add("map: " + quoted(i.name()));
        }
        if (i.method() != null && i.method() != IndexMethod.BTREE) {
            args.add("type: " + switch (i.method()) {
                case HASH -> "Hash";
                case GIST -> "Gist";
                case GIN -> "Gin";
                case SPGIST -> "SpGist";
                case BRIN -> "Brin";
                case BTREE -> "BTree";
            });
        }
        if (i.predicate() != null) {
            args.add("where: raw(" + quoted(i.predicate()) + ")");
        }
        return keyword + "(" + String.join(", ", args) + ")";
    }

    private void enumBlock(StringBuilder out, SqlEnum e) {
        String name = enumNames.get(e);
        out.append("enum ").append(name).append(" {\n");
        for (String v : e.values()) {
            if (v.isEmpty()) {
                // PSL has no way to map a value to the empty string: left as a comment, as Prisma does with
                // what it cannot express
                out.append("  // EMPTY_ENUM_VALUE @map(\"\") -- the database value is the empty string\n");
                continue;
            }
            String vn = enumValueName(e, v);
            out.append("  ").append(vn);
            if (!vn.equals(v)) {
                out.append(" @map(").append(quoted(v)).append(')');
            }
            out.append('\n');
        }
        if (!name.equals(e.name())) {
            out.append("\n  @@map(").append(quoted(e.name())).append(")\n");
        }
        if (multiSchema) {
            out.append("  @@schema(").append(quoted(ns(e.namespace()))).append(")\n");
        }
        out.append("}\n\n");
    }

    /** A PSL string literal. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
