package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.AddColumn;
import dev.prismaspring.migrate.SchemaChange.AddForeignKey;
import dev.prismaspring.migrate.SchemaChange.AddPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.AlterColumn;
import dev.prismaspring.migrate.SchemaChange.AlterEnum;
import dev.prismaspring.migrate.SchemaChange.AlterTable;
import dev.prismaspring.migrate.SchemaChange.ColumnChange;
import dev.prismaspring.migrate.SchemaChange.CreateEnum;
import dev.prismaspring.migrate.SchemaChange.CreateIndex;
import dev.prismaspring.migrate.SchemaChange.CreateSchema;
import dev.prismaspring.migrate.SchemaChange.CreateTable;
import dev.prismaspring.migrate.SchemaChange.DropColumn;
import dev.prismaspring.migrate.SchemaChange.DropEnum;
import dev.prismaspring.migrate.SchemaChange.DropForeignKey;
import dev.prismaspring.migrate.SchemaChange.DropIndex;
import dev.prismaspring.migrate.SchemaChange.DropPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.DropTable;
import dev.prismaspring.migrate.SchemaChange.RecreateColumn;
import dev.prismaspring.migrate.SchemaChange.RedefineIndex;
import dev.prismaspring.migrate.SchemaChange.RedefineTable;
import dev.prismaspring.migrate.SchemaChange.RedefineTables;
import dev.prismaspring.migrate.SchemaChange.RenameForeignKey;
import dev.prismaspring.migrate.SchemaChange.RenameIndex;
import dev.prismaspring.migrate.SchemaChange.RenamePrimaryKey;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.migrate.SchemaChange.TypeChange;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ForeignKey;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.IndexMethod;
import dev.prismaspring.sql.PrimaryKey;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import dev.prismaspring.sql.TypeFamily;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the ordered changes that turn one {@link SqlSchema} into another for a dialect, after Prisma's schema
 * engine ({@code sql_schema_differ.rs}): tables, columns, indexes and foreign keys are matched by name (indexes and
 * foreign keys also by shape, so a changed name is a rename), and the steps are sorted in Prisma's step order so
 * that the script always runs: enums first, then foreign keys and indexes dropped, tables altered, dropped and
 * created, indexes created, foreign keys added, indexes renamed.
 *
 * <p>Renamed tables and columns ({@code @@map}, {@code @map}) are a drop and a create, as in Prisma.
 */
public final class SchemaDiffer {

    /** Prisma's step order ({@code SqlMigrationStep} in sql_migration.rs). */
    private enum Rank {
        CREATE_SCHEMA, CREATE_ENUM, ALTER_ENUM, DROP_FOREIGN_KEY, DROP_INDEX, ALTER_TABLE, DROP_TABLE, DROP_ENUM,
        CREATE_TABLE, REDEFINE_TABLES, CREATE_INDEX, RENAME_FOREIGN_KEY, ADD_FOREIGN_KEY, RENAME_INDEX,
        REDEFINE_INDEX
    }

    private record Ordered(Rank rank, int k1, int k2, int k3, SchemaChange change) {
    }

    private final SqlSchema from;
    private final SqlSchema to;
    private final DifferFlavour flavour;
    private final List<Ordered> steps = new ArrayList<>();
    private final List<Table[]> pairs = new ArrayList<>();
    private final Set<String> redefined = new HashSet<>();

    private SchemaDiffer(SqlSchema from, SqlSchema to, SqlDialect dialect) {
        this.from = from;
        this.to = to;
        this.flavour = DifferFlavour.of(dialect);
    }

    /** The changes that turn {@code from} into {@code to} on {@code dialect}, in execution order. */
    public static List<SchemaChange> diff(SqlSchema from, SqlSchema to, SqlDialect dialect) {
        return new SchemaDiffer(from, to, dialect).run();
    }

    /** The migration from {@code from} to {@code to}: forward and rollback SQL for {@code dialect}. */
    public static MigrationScript script(SqlSchema from, SqlSchema to, SqlDialect dialect) {
        return MigrationScript.of(from, to, dialect);
    }

    private List<SchemaChange> run() {
        for (Table t : to.tables()) {
            from.table(t.namespace(), t.name()).ifPresent(f -> pairs.add(new Table[] {f, t}));
        }
        if (flavour.inlineForeignKeys()) {
            for (Table[] p : pairs) {
                if (needsRedefinition(p[0], p[1])) {
                    redefined.add(key(p[1]));
                }
            }
        }
        createdNamespaces();
        createdTables();
        droppedTables();
        droppedIndexes();
        createdIndexes();
        alteredTables();
        redefinedTables();
        if (flavour.hasEnumTypes()) {
            enums();
        }
        steps.sort(Comparator.comparing(Ordered::rank).thenComparingInt(Ordered::k1).thenComparingInt(Ordered::k2)
                .thenComparingInt(Ordered::k3));
        List<SchemaChange> out = new ArrayList<>(steps.stream().map(Ordered::change).toList());
        moveUniqueDropsAfterNewPrimaryKeys(out);
        return out;
    }

    /**
     * Prisma's {@code apply_partial_order_permutations}: a unique index dropped from a table without primary key is
     * dropped after the {@code AlterTable} that makes the same columns its primary key.
     */
    private static void moveUniqueDropsAfterNewPrimaryKeys(List<SchemaChange> out) {
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof DropIndex drop) || !drop.index().isUnique()
                    || drop.table().primaryKey() != null) {
                continue;
            }
            for (int j = i + 1; j < out.size(); j++) {
                if (out.get(j) instanceof AlterTable alter && alter.from().equals(drop.table())
                        && alter.to().primaryKey() != null
                        && alter.to().primaryKey().columnNames().equals(drop.index().columnNames())
                        && alter.changes().stream().anyMatch(c -> c instanceof AddPrimaryKey)
                        && alter.changes().stream().noneMatch(c ->
                                (c instanceof DropColumn d && drop.index().columnNames().contains(d.column().name()))
                                || (c instanceof RecreateColumn r
                                        && drop.index().columnNames().contains(r.from().name())))) {
                    out.add(j, out.remove(i));
                    i--;
                    break;
                }
            }
        }
    }

    private void add(Rank rank, int k1, int k2, int k3, SchemaChange change) {
        steps.add(new Ordered(rank, k1, k2, k3, change));
    }

    private static String key(Table t) {
        return (t.namespace() == null ? "" : t.namespace()) + "\u0000" + t.name();
    }

    private int fromPos(Table t) {
        return from.tables().indexOf(t);
    }

    private int toPos(Table t) {
        return to.tables().indexOf(t);
    }

    private List<Table[]> nonRedefinedPairs() {
        return pairs.stream().filter(p -> !redefined.contains(key(p[1]))).toList();
    }

    private void createdNamespaces() {
        if (!flavour.hasEnumTypes()) {
            return; // only PostgreSQL has schemas to create
        }
        int i = 0;
        for (String ns : to.namespaces()) {
            if (!from.namespaces().contains(ns)) {
                add(Rank.CREATE_SCHEMA, i++, 0, 0, new CreateSchema(ns));
            }
        }
    }

    private void createdTables() {
        for (Table t : to.tables()) {
            if (from.table(t.namespace(), t.name()).isPresent()) {
                continue;
            }
            int pos = toPos(t);
            add(Rank.CREATE_TABLE, pos, 0, 0, new CreateTable(t));
            if (!flavour.inlineForeignKeys()) {
                for (int f = 0; f < t.foreignKeys().size(); f++) {
                    add(Rank.ADD_FOREIGN_KEY, pos, f, 0, new AddForeignKey(t, t.foreignKeys().get(f)));
                }
            }
            if (flavour.separateIndexesForNewTables()) {
                for (int i = 0; i < t.indexes().size(); i++) {
                    add(Rank.CREATE_INDEX, 0, pos, i, new CreateIndex(t, t.indexes().get(i), true));
                }
            }
        }
    }

    private void droppedTables() {
        for (Table t : from.tables()) {
            if (to.table(t.namespace(), t.name()).isPresent()) {
                continue;
            }
            int pos = fromPos(t);
            add(Rank.DROP_TABLE, pos, 0, 0, new DropTable(t));
            if (!flavour.inlineForeignKeys()) {
                for (int f = 0; f < t.foreignKeys().size(); f++) {
                    add(Rank.DROP_FOREIGN_KEY, pos, f, 0, new DropForeignKey(t, t.foreignKeys().get(f)));
                }
            } else if (!redefined.isEmpty()) {
                // SQLite: indexes of dropped tables go first, their names may be reused by redefined tables
                for (int i = 0; i < t.indexes().size(); i++) {
                    add(Rank.DROP_INDEX, pos, i, 0, new DropIndex(t, t.indexes().get(i)));
                }
            }
        }
    }

    private void droppedIndexes() {
        for (Table[] p : nonRedefinedPairs()) {
            Map<Index, Index> matched = indexPairs(p[0], p[1]);
            for (int i = 0; i < p[0].indexes().size(); i++) {
                Index index = p[0].indexes().get(i);
                if (!matched.containsKey(index)) {
                    add(Rank.DROP_INDEX, fromPos(p[0]), i, 0, new DropIndex(p[0], index));
                    foreignKeysOnDroppedIndex(p[0], p[1], index, matched.keySet());
                }
            }
        }
    }

    /**
     * MySQL refuses to drop the index a foreign key uses. When a kept foreign key loses its only index, it is
     * dropped first and added again after, so MySQL gives it an index of its own as in a fresh database.
     */
    private void foreignKeysOnDroppedIndex(Table prev, Table next, Index dropped, Set<Index> keptIndexes) {
        if (!flavour.implicitForeignKeyIndexes()) {
            return;
        }
        Map<ForeignKey, ForeignKey> fks = foreignKeyPairs(prev, next);
        for (Map.Entry<ForeignKey, ForeignKey> e : fks.entrySet()) {
            ForeignKey fk = e.getKey();
            boolean covers = startsWith(dropped.columnNames(), fk.columns());
            boolean otherCover = keptIndexes.stream().anyMatch(i -> startsWith(i.columnNames(), fk.columns()))
                    || (prev.primaryKey() != null && startsWith(prev.primaryKey().columnNames(), fk.columns()));
            if (covers && !otherCover && Objects.equals(fk.constraintName(), e.getValue().constraintName())) {
                add(Rank.DROP_FOREIGN_KEY, fromPos(prev), prev.foreignKeys().indexOf(fk), 0,
                        new DropForeignKey(prev, fk));
                add(Rank.ADD_FOREIGN_KEY, toPos(next), next.foreignKeys().indexOf(e.getValue()), 0,
                        new AddForeignKey(next, e.getValue()));
            }
        }
    }

    private void createdIndexes() {
        for (Table[] p : nonRedefinedPairs()) {
            Map<Index, Index> matched = indexPairs(p[0], p[1]);
            Set<Index> matchedNext = new HashSet<>(matched.values());
            Set<String> recreatedColumns = new HashSet<>();
            if (flavour.recreateIndexesOfRecreatedColumns()) {
                for (Column c : p[1].columns()) {
                    p[0].column(c.name()).ifPresent(prev -> {
                        if (flavour.typeChange(from, prev, to, c) == TypeChange.NOT_CASTABLE) {
                            recreatedColumns.add(c.name());
                        }
                    });
                }
            }
            int pos = toPos(p[1]);
            for (int i = 0; i < p[1].indexes().size(); i++) {
                Index index = p[1].indexes().get(i);
                boolean recreate = matchedNext.contains(index)
                        && index.columnNames().stream().anyMatch(recreatedColumns::contains);
                if (!matchedNext.contains(index) || recreate) {
                    // (MySQL drops the index it made for a foreign key by itself once this one covers it)
                    add(Rank.CREATE_INDEX, 1, pos, i, new CreateIndex(p[1], index, false));
                }
            }
        }
    }

    private void alteredTables() {
        for (Table[] p : nonRedefinedPairs()) {
            Table prev = p[0];
            Table next = p[1];
            int fpos = fromPos(prev);
            int tpos = toPos(next);
            if (!flavour.inlineForeignKeys()) {
                Map<ForeignKey, ForeignKey> fks = foreignKeyPairs(prev, next);
                Set<ForeignKey> matchedNext = new HashSet<>(fks.values());
                for (int f = 0; f < next.foreignKeys().size(); f++) {
                    ForeignKey fk = next.foreignKeys().get(f);
                    if (!matchedNext.contains(fk)) {
                        add(Rank.ADD_FOREIGN_KEY, tpos, f, 0, new AddForeignKey(next, fk));
                    }
                }
                for (int f = 0; f < prev.foreignKeys().size(); f++) {
                    ForeignKey fk = prev.foreignKeys().get(f);
                    if (!fks.containsKey(fk)) {
                        add(Rank.DROP_FOREIGN_KEY, fpos, f, 0, new DropForeignKey(prev, fk));
                        implicitForeignKeyIndex(prev, next, fk, fpos, f);
                    }
                }
                for (Map.Entry<ForeignKey, ForeignKey> e : fks.entrySet()) {
                    ForeignKey a = e.getKey();
                    ForeignKey b = e.getValue();
                    if (Objects.equals(a.constraintName(), b.constraintName()) || isImplicitManyToMany(prev)) {
                        continue;
                    }
                    int f = next.foreignKeys().indexOf(b);
                    if (flavour.canRenameForeignKey()) {
                        add(Rank.RENAME_FOREIGN_KEY, tpos, f, 0, new RenameForeignKey(next, a, b));
                    } else {
                        add(Rank.ADD_FOREIGN_KEY, tpos, f, 0, new AddForeignKey(next, b));
                        add(Rank.DROP_FOREIGN_KEY, fpos, prev.foreignKeys().indexOf(a), 0,
                                new DropForeignKey(prev, a));
                        implicitForeignKeyIndex(prev, next, a, fpos, prev.foreignKeys().indexOf(a));
                    }
                }
            }
            for (Map.Entry<Index, Index> e : indexPairs(prev, next).entrySet()) {
                if (!e.getKey().name().equals(e.getValue().name())) {
                    int i = next.indexes().indexOf(e.getValue());
                    add(flavour.canRenameIndex() ? Rank.RENAME_INDEX : Rank.REDEFINE_INDEX, tpos, i, 0,
                            flavour.canRenameIndex() ? new RenameIndex(next, e.getKey(), e.getValue())
                                    : new RedefineIndex(next, e.getKey(), e.getValue()));
                }
            }
            List<TableChange> changes = tableChanges(prev, next);
            if (!changes.isEmpty()) {
                add(Rank.ALTER_TABLE, fpos, 0, 0, new AlterTable(prev, next, changes));
            }
        }
    }

    /**
     * MySQL creates an index named after a foreign key when no index covers its columns, and keeps it when the
     * foreign key is dropped. Drop it too, so the table ends as a fresh one would (Prisma leaves it behind).
     */
    private void implicitForeignKeyIndex(Table prev, Table next, ForeignKey fk, int fpos, int f) {
        if (!flavour.implicitForeignKeyIndexes() || fk.constraintName() == null) {
            return;
        }
        boolean columnsKept = fk.columns().stream().allMatch(c -> next.column(c).isPresent());
        boolean covered = prev.indexes().stream().anyMatch(i -> startsWith(i.columnNames(), fk.columns()))
                || (prev.primaryKey() != null && startsWith(prev.primaryKey().columnNames(), fk.columns()));
        boolean otherFkSameName = next.foreignKeys().stream()
                .anyMatch(o -> fk.constraintName().equals(o.constraintName()));
        if (columnsKept && !covered && !otherFkSameName) {
            add(Rank.DROP_INDEX, fpos, 1000 + f, 0, new DropIndex(prev, Index.normal(fk.constraintName(),
                    fk.columns().toArray(String[]::new))));
        }
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    private List<TableChange> tableChanges(Table prev, Table next) {
        List<TableChange> changes = new ArrayList<>();
        boolean pkChanged = primaryKeyChanged(prev, next);
        if (prev.primaryKey() != null && (next.primaryKey() == null || pkChanged)) {
            changes.add(new DropPrimaryKey(prev.primaryKey()));
        }
        if (flavour.canRenamePrimaryKey() && prev.primaryKey() != null && next.primaryKey() != null && !pkChanged
                && !Objects.equals(prev.primaryKey().constraintName(), next.primaryKey().constraintName())) {
            changes.add(new RenamePrimaryKey(prev.primaryKey(), next.primaryKey()));
        }
        for (Column c : prev.columns()) {
            if (next.column(c.name()).isEmpty()) {
                changes.add(new DropColumn(c));
            }
        }
        for (Column c : next.columns()) {
            if (prev.column(c.name()).isEmpty()) {
                changes.add(new AddColumn(c));
            }
        }
        for (Column c : next.columns()) {
            Optional<Column> before = prev.column(c.name());
            if (before.isEmpty()) {
                continue;
            }
            TypeChange type = flavour.typeChange(from, before.get(), to, c);
            Set<ColumnChange> cc = columnChanges(before.get(), c, type);
            if (cc.isEmpty()) {
                continue;
            }
            changes.add(type == TypeChange.NOT_CASTABLE ? new RecreateColumn(before.get(), c, cc)
                    : new AlterColumn(before.get(), c, cc, type));
        }
        if (next.primaryKey() != null && (prev.primaryKey() == null || pkChanged)) {
            changes.add(new AddPrimaryKey(next.primaryKey()));
        }
        return changes;
    }

    private Set<ColumnChange> columnChanges(Column a, Column b, TypeChange type) {
        Set<ColumnChange> cc = EnumSet.noneOf(ColumnChange.class);
        if (a.arity() != b.arity()) {
            cc.add(ColumnChange.ARITY);
        }
        if (type != null) {
            cc.add(ColumnChange.TYPE);
        }
        if (!defaultsMatch(a, b)) {
            cc.add(ColumnChange.DEFAULT);
        }
        if (flavour.autoincrementChanged(a, b)) {
            cc.add(ColumnChange.AUTOINCREMENT);
        }
        return cc;
    }

    private Set<ColumnChange> columnChanges(Column a, Column b) {
        return columnChanges(a, b, flavour.typeChange(from, a, to, b));
    }

    /** Prisma's {@code defaults_match} (sql_schema_differ/column.rs), for this project's default values. */
    private boolean defaultsMatch(Column a, Column b) {
        if (!flavour.separateIndexesForNewTables()
                && (a.type().family() == TypeFamily.JSON || b.type().family() == TypeFamily.JSON)) {
            return true; // MySQL renders no JSON defaults
        }
        ColumnDefault p = a.defaultValue();
        ColumnDefault n = b.defaultValue();
        if (p == null && n == null) {
            return true;
        }
        if (n instanceof ColumnDefault.Sequence || (p instanceof ColumnDefault.Sequence && n == null)) {
            return true;
        }
        if (n instanceof ColumnDefault.DbGenerated g && !g.hasExpression()) {
            return true;
        }
        if (p == null || n == null) {
            return false;
        }
        if (p instanceof ColumnDefault.DateTimeValue || n instanceof ColumnDefault.DateTimeValue) {
            return true; // Prisma cannot compare these either
        }
        if (p instanceof ColumnDefault.DbGenerated x && n instanceof ColumnDefault.DbGenerated y) {
            return x.hasExpression() && y.hasExpression() && x.expression().equalsIgnoreCase(y.expression());
        }
        String ps = textOf(p);
        String ns = textOf(n);
        if (ps != null && ns != null) {
            return ps.equals(ns);
        }
        if (p instanceof ColumnDefault.NumberValue x && n instanceof ColumnDefault.NumberValue y) {
            try {
                return new BigDecimal(x.literal()).compareTo(new BigDecimal(y.literal())) == 0;
            } catch (NumberFormatException e) {
                return x.literal().equals(y.literal());
            }
        }
        return p.equals(n);
    }

    private static String textOf(ColumnDefault d) {
        if (d instanceof ColumnDefault.StringValue s) {
            return s.value();
        }
        if (d instanceof ColumnDefault.EnumValue e) {
            return e.value();
        }
        return null;
    }

    private boolean primaryKeyChanged(Table prev, Table next) {
        PrimaryKey a = prev.primaryKey();
        PrimaryKey b = next.primaryKey();
        if (a == null || b == null) {
            return false;
        }
        if (!a.columnNames().equals(b.columnNames())) {
            return true;
        }
        for (String c : a.columnNames()) {
            Column x = prev.column(c).orElseThrow();
            Column y = next.column(c).orElseThrow();
            if (flavour.typeChange(from, x, to, y) != null) {
                return true;
            }
        }
        return false;
    }

    /** SQLite's rule ({@code set_tables_to_redefine}): anything beyond adding optional columns and indexes. */
    private boolean needsRedefinition(Table prev, Table next) {
        if ((prev.primaryKey() == null) != (next.primaryKey() == null) || primaryKeyChanged(prev, next)) {
            return true;
        }
        for (Column c : prev.columns()) {
            if (next.column(c.name()).isEmpty()) {
                return true;
            }
        }
        for (Column c : next.columns()) {
            Optional<Column> before = prev.column(c.name());
            if (before.isEmpty() ? c.arity().isRequired() : !columnChanges(before.get(), c).isEmpty()) {
                return true;
            }
        }
        Map<ForeignKey, ForeignKey> fks = foreignKeyPairs(prev, next);
        return fks.size() != prev.foreignKeys().size() || fks.size() != next.foreignKeys().size();
    }

    private void redefinedTables() {
        if (redefined.isEmpty()) {
            return;
        }
        List<RedefineTable> tables = new ArrayList<>();
        for (Table[] p : pairs) {
            if (redefined.contains(key(p[1]))) {
                tables.add(new RedefineTable(p[0], p[1], tableChanges(p[0], p[1])));
            }
        }
        add(Rank.REDEFINE_TABLES, 0, 0, 0, new RedefineTables(tables));
    }

    private void enums() {
        int i = 0;
        for (SqlEnum e : to.enums()) {
            Optional<SqlEnum> before = findEnum(from, e);
            if (before.isEmpty()) {
                add(Rank.CREATE_ENUM, i++, 0, 0, new CreateEnum(e));
                continue;
            }
            List<String> added = e.values().stream().filter(v -> !before.get().values().contains(v)).toList();
            List<String> removed = before.get().values().stream().filter(v -> !e.values().contains(v)).toList();
            if (!added.isEmpty() || !removed.isEmpty()) {
                add(Rank.ALTER_ENUM, to.enums().indexOf(e), 0, 0, new AlterEnum(before.get(), e, added, removed));
            }
        }
        for (SqlEnum e : from.enums()) {
            if (findEnum(to, e).isEmpty()) {
                add(Rank.DROP_ENUM, from.enums().indexOf(e), 0, 0, new DropEnum(e));
            }
        }
    }

    private static Optional<SqlEnum> findEnum(SqlSchema schema, SqlEnum e) {
        return schema.enums().stream()
                .filter(x -> x.name().equals(e.name()) && Objects.equals(x.namespace(), e.namespace())).findFirst();
    }

    /** Matching indexes: same kind, columns, method and predicate; same-named ones paired first. */
    private Map<Index, Index> indexPairs(Table prev, Table next) {
        Map<Index, Index> out = new LinkedHashMap<>();
        Set<Index> taken = new HashSet<>();
        for (boolean byName : new boolean[] {true, false}) {
            for (Index a : prev.indexes()) {
                if (out.containsKey(a)) {
                    continue;
                }
                for (Index b : next.indexes()) {
                    if (!taken.contains(b) && (!byName || a.name().equals(b.name())) && indexesMatch(a, b)) {
                        out.put(a, b);
                        taken.add(b);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean indexesMatch(Index a, Index b) {
        return a.kind() == b.kind() && a.columns().equals(b.columns())
                && Objects.equals(method(a), method(b)) && Objects.equals(a.predicate(), b.predicate());
    }

    private static IndexMethod method(Index i) {
        return i.method() == null ? IndexMethod.BTREE : i.method();
    }

    /** Matching foreign keys ({@code foreign_keys_match}); same-named ones paired first. */
    private Map<ForeignKey, ForeignKey> foreignKeyPairs(Table prev, Table next) {
        Map<ForeignKey, ForeignKey> out = new LinkedHashMap<>();
        Set<ForeignKey> taken = new HashSet<>();
        for (boolean byName : new boolean[] {true, false}) {
            for (ForeignKey a : prev.foreignKeys()) {
                if (out.containsKey(a)) {
                    continue;
                }
                for (ForeignKey b : next.foreignKeys()) {
                    if (!taken.contains(b) && (!byName || Objects.equals(a.constraintName(), b.constraintName()))
                            && foreignKeysMatch(prev, a, next, b)) {
                        out.put(a, b);
                        taken.add(b);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private boolean foreignKeysMatch(Table prev, ForeignKey a, Table next, ForeignKey b) {
        if (!a.referencedTable().equals(b.referencedTable())
                || !Objects.equals(a.referencedNamespace(), b.referencedNamespace())
                || !a.columns().equals(b.columns()) || !a.referencedColumns().equals(b.referencedColumns())
                || a.onDelete() != b.onDelete() || a.onUpdate() != b.onUpdate()) {
            return false;
        }
        for (String c : a.columns()) {
            Column x = prev.column(c).orElseThrow();
            Column y = next.column(c).orElseThrow();
            if (flavour.typeChange(from, x, to, y) != null) {
                return false;
            }
            boolean aritiesOk = flavour.foreignKeyColumnMayBecomeRequired() || x.arity() == y.arity()
                    || (x.arity().isRequired() && !y.arity().isRequired());
            if (!aritiesOk) {
                return false;
            }
        }
        // the referenced columns must keep their types, or the constraint is recreated with them
        Optional<Table> refBefore = from.table(a.referencedNamespace(), a.referencedTable());
        Optional<Table> refAfter = to.table(b.referencedNamespace(), b.referencedTable());
        if (refBefore.isPresent() && refAfter.isPresent()) {
            for (String c : a.referencedColumns()) {
                Optional<Column> x = refBefore.get().column(c);
                Optional<Column> y = refAfter.get().column(c);
                if (x.isEmpty() || y.isEmpty() || flavour.typeChange(from, x.get(), to, y.get()) != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isImplicitManyToMany(Table t) {
        return t.columns().size() == 2 && t.column("A").isPresent() && t.column("B").isPresent();
    }
}
