package dev.prismaspring.migrate;

import dev.prismaspring.migrate.DataLossWarning.Kind;
import dev.prismaspring.migrate.DataLossWarning.Severity;
import dev.prismaspring.migrate.SchemaChange.AddColumn;
import dev.prismaspring.migrate.SchemaChange.AddPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.AlterColumn;
import dev.prismaspring.migrate.SchemaChange.ColumnChange;
import dev.prismaspring.migrate.SchemaChange.DropColumn;
import dev.prismaspring.migrate.SchemaChange.DropPrimaryKey;
import dev.prismaspring.migrate.SchemaChange.RecreateColumn;
import dev.prismaspring.migrate.SchemaChange.TableChange;
import dev.prismaspring.migrate.SchemaChange.TypeChange;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnDefault;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.Index;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Classifies the changes of a migration as safe, risky (warning), destructive or unexecutable, after Prisma's
 * {@code sql_destructive_change_checker}. With a JDBC connection to the database about to be migrated it counts
 * the rows and values concerned ({@code SELECT COUNT(*)}: identifiers quoted by the dialect, values bound as
 * parameters) and drops the risks that the data rules out; without one it reports every potential risk.
 */
public final class DestructiveChangeChecker {

    private final SqlDialect dialect;
    private final SqlSchema from;
    private final SqlSchema to;
    private final Connection connection;
    private final List<DataLossWarning> warnings = new ArrayList<>();
    private final List<DataLossWarning> unexecutable = new ArrayList<>();
    private final Map<SchemaChange, Severity> classification = new IdentityHashMap<>();
    private SchemaChange current;

    private DestructiveChangeChecker(SqlDialect dialect, SqlSchema from, SqlSchema to, Connection connection) {
        this.dialect = dialect;
        this.from = from;
        this.to = to;
        this.connection = connection;
    }

    /** The potential risks of a migration, without looking at data. */
    public static SafetyReport check(MigrationScript script) {
        try {
            return check(script, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e); // cannot happen without a connection
        }
    }

    /** The risks of applying {@code script} to the database behind {@code connection} (may be {@code null}). */
    public static SafetyReport check(MigrationScript script, Connection connection) throws SQLException {
        return check(script.changes(), script.from(), script.to(), script.dialect(), connection);
    }

    /** The risks of applying {@code changes} (from {@code from} to {@code to}) to a database. */
    public static SafetyReport check(List<SchemaChange> changes, SqlSchema from, SqlSchema to, SqlDialect dialect,
            Connection connection) throws SQLException {
        DestructiveChangeChecker checker = new DestructiveChangeChecker(dialect, from, to, connection);
        for (SchemaChange c : changes) {
            checker.current = c;
            checker.change(c);
        }
        List<DataLossWarning> all = new ArrayList<>(checker.warnings);
        all.addAll(checker.unexecutable);
        return new SafetyReport(all, connection != null, checker.classification);
    }

    private void change(SchemaChange c) throws SQLException {
        if (c instanceof SchemaChange.DropTable d) {
            Long rows = rows(d.table());
            if (rows == null) {
                warn(Kind.TABLE_DROP, Severity.DESTRUCTIVE, d.table().name(), null, "You are about to drop the `"
                        + d.table().name() + "` table. If the table is not empty, all the data it contains will be lost.",
                        null);
            } else if (rows > 0) {
                warn(Kind.TABLE_DROP, Severity.DESTRUCTIVE, d.table().name(), null, "You are about to drop the `"
                        + d.table().name() + "` table, which is not empty (" + rows + " rows).", rows);
            }
        } else if (c instanceof SchemaChange.AlterTable a) {
            tableChanges(a.from(), a.to(), a.changes());
        } else if (c instanceof SchemaChange.RedefineTables r) {
            for (SchemaChange.RedefineTable t : r.tables()) {
                tableChanges(t.from(), t.to(), t.changes());
                for (Index i : t.to().indexes()) {
                    boolean existed = t.from().indexes().stream()
                            .anyMatch(o -> o.kind() == i.kind() && o.columns().equals(i.columns()));
                    if (i.isUnique() && !existed) {
                        uniqueAddition(t.from(), i);
                    }
                }
            }
        } else if (c instanceof SchemaChange.CreateIndex ci && !ci.newTable() && ci.index().isUnique()) {
            from.table(ci.table().namespace(), ci.table().name()).ifPresent(t -> {
                try {
                    uniqueAddition(t, ci.index());
                } catch (SQLException e) {
                    throw new RuntimeSqlException(e);
                }
            });
        } else if (c instanceof SchemaChange.AlterEnum e && !e.removed().isEmpty()) {
            enumRemoval(e.from(), e.removed());
        }
    }

    private void tableChanges(Table prev, Table next, List<TableChange> changes) throws SQLException {
        boolean pkDropped = changes.stream().anyMatch(tc -> tc instanceof DropPrimaryKey);
        boolean pkAdded = changes.stream().anyMatch(tc -> tc instanceof AddPrimaryKey);
        if (pkDropped && pkAdded) {
            Long rows = rows(prev);
            if (rows == null || rows > 0) {
                warn(Kind.PRIMARY_KEY_CHANGE, Severity.WARNING, prev.name(), null, "The primary key for the `"
                        + prev.name() + "` table will be changed. If it partially fails, the table could be left "
                        + "without primary key constraint.", rows);
            }
        }
        for (TableChange tc : changes) {
            if (tc instanceof DropColumn d) {
                columnDrop(prev, d.column());
            }
        }
        for (TableChange tc : changes) {
            if (tc instanceof AlterColumn a) {
                alterColumn(prev, a);
            } else if (tc instanceof RecreateColumn r) {
                recreateColumn(prev, r);
            }
        }
        for (TableChange tc : changes) {
            if (tc instanceof AddColumn a && a.column().arity().isRequired() && !hasDefault(a.column())) {
                Long rows = rows(prev);
                String msg = "Added the required column `" + a.column().name() + "` to the `" + prev.name()
                        + "` table without a default value. ";
                if (rows == null) {
                    fail(Kind.REQUIRED_COLUMN_ADDED, prev.name(), a.column().name(),
                            msg + "This is not possible if the table is not empty.", null);
                } else if (rows > 0) {
                    fail(Kind.REQUIRED_COLUMN_ADDED, prev.name(), a.column().name(), msg + "There are " + rows
                            + " rows in this table, it is not possible to execute this step.", rows);
                }
            }
        }
    }

    private static boolean hasDefault(Column c) {
        if (c.autoIncrement() || c.defaultValue() instanceof ColumnDefault.Sequence) {
            return true;
        }
        return c.defaultValue() != null
                && !(c.defaultValue() instanceof ColumnDefault.DbGenerated g && !g.hasExpression());
    }

    private void columnDrop(Table t, Column c) throws SQLException {
        Long rows = rows(t);
        Long values = rows == null || rows == 0 ? null : nonNull(t, c);
        if (rows != null && (rows == 0 || values == 0)) {
            return;
        }
        if (values != null) {
            warn(Kind.COLUMN_DROP, Severity.DESTRUCTIVE, t.name(), c.name(), "You are about to drop the column `"
                    + c.name() + "` on the `" + t.name() + "` table, which still contains " + values
                    + " non-null values.", values);
        } else {
            warn(Kind.COLUMN_DROP, Severity.DESTRUCTIVE, t.name(), c.name(), "You are about to drop the column `"
                    + c.name() + "` on the `" + t.name() + "` table. All the data in the column will be lost.", null);
        }
    }

    private void alterColumn(Table t, AlterColumn a) throws SQLException {
        Column prev = a.from();
        Column next = a.to();
        if (a.changes().contains(ColumnChange.ARITY) && !prev.arity().isRequired() && !prev.arity().isList()
                && next.arity().isRequired()
                && !(dialect.provider() == Provider.SQLITE && hasDefault(next))) {
            Long rows = rows(t);
            Long values = rows == null || rows == 0 ? null : nonNull(t, prev);
            if (rows == null) {
                fail(Kind.MADE_REQUIRED, t.name(), prev.name(), "Made the column `" + prev.name() + "` on table `"
                        + t.name() + "` required. This step will fail if there are existing NULL values in that column.",
                        null);
            } else if (rows > 0 && rows - values > 0) {
                fail(Kind.MADE_REQUIRED, t.name(), prev.name(), "Made the column `" + prev.name() + "` on table `"
                        + t.name() + "` required, but there are " + (rows - values) + " existing NULL values.",
                        rows - values);
            }
        }
        if (a.changes().contains(ColumnChange.ARITY) && !prev.arity().isList() && next.arity().isList()) {
            Long values = valuesIfAny(t, prev);
            if (values == null || values > 0) {
                String msg = "Changed the column `" + prev.name() + "` on the `" + t.name()
                        + "` table from a scalar field to a list field. ";
                fail(Kind.SCALAR_TO_LIST, t.name(), prev.name(), values == null
                        ? msg + "If there are non-null values in that column, this step will fail."
                        : msg + "There are " + values + " existing non-null values in that column, this step cannot "
                        + "be executed.", values);
            }
        }
        if (a.typeChange() == TypeChange.RISKY_CAST) {
            Long values = valuesIfAny(t, prev);
            String types = " The data in that column will be cast from `" + displayType(from, prev) + "` to `"
                    + displayType(to, next) + "`.";
            if (values == null) {
                warn(Kind.RISKY_CAST, Severity.WARNING, t.name(), prev.name(), "You are about to alter the column `"
                        + prev.name() + "` on the `" + t.name() + "` table. The data in that column could be lost."
                        + types, null);
            } else if (values > 0) {
                warn(Kind.RISKY_CAST, Severity.WARNING, t.name(), prev.name(), "You are about to alter the column `"
                        + prev.name() + "` on the `" + t.name() + "` table, which contains " + values
                        + " non-null values." + types, values);
            }
            mysqlEnumNarrowing(t, prev, next);
        }
    }

    /** MySQL: an inline enum losing values fails (strict mode) on rows that hold them. */
    private void mysqlEnumNarrowing(Table t, Column prev, Column next) throws SQLException {
        if (!(prev.type() instanceof ColumnType.EnumRef pe) || !(next.type() instanceof ColumnType.EnumRef ne)) {
            return;
        }
        List<String> before = from.findEnum(pe).map(SqlEnum::values).orElse(List.of());
        List<String> after = to.findEnum(ne).map(SqlEnum::values).orElse(List.of());
        List<String> removed = before.stream().filter(v -> !after.contains(v)).toList();
        if (!removed.isEmpty()) {
            List<Object[]> users = new ArrayList<>();
            users.add(new Object[] {t, prev});
            enumUsage(pe.enumName(), removed, users);
        }
    }

    private void recreateColumn(Table t, RecreateColumn r) throws SQLException {
        Column prev = r.from();
        Column next = r.to();
        Long rows = rows(t);
        if (rows != null && rows == 0) {
            return;
        }
        if (r.changes().contains(ColumnChange.ARITY) && !prev.arity().isRequired() && next.arity().isRequired()
                && !hasDefault(next)) {
            String msg = "Added the required column `" + prev.name() + "` to the `" + t.name()
                    + "` table without a default value. ";
            fail(Kind.REQUIRED_COLUMN_ADDED, t.name(), prev.name(), rows == null
                    ? msg + "This is not possible if the table is not empty."
                    : msg + "There are " + rows + " rows in this table, it is not possible to execute this step.", rows);
        } else if (next.arity().isRequired() && !hasDefault(next)) {
            fail(Kind.REQUIRED_COLUMN_RECREATED, t.name(), prev.name(), "Changed the type of `" + prev.name()
                    + "` on the `" + t.name() + "` table. No cast exists, the column would be dropped and recreated, "
                    + (rows == null ? "which cannot be done if there is data, since the column is required."
                    : "which cannot be done since the column is required and there is data in the table."), rows);
        } else {
            Long values = rows == null ? null : nonNull(t, prev);
            if (values != null && values == 0) {
                return;
            }
            warn(Kind.COLUMN_RECREATE, Severity.DESTRUCTIVE, t.name(), prev.name(), "The `" + prev.name()
                    + "` column on the `" + t.name() + "` table would be dropped and recreated. This will lead to data "
                    + (values == null ? "loss if there is data in the column." : "loss."), values);
        }
    }

    private void uniqueAddition(Table t, Index index) throws SQLException {
        String columns = String.join(",", index.columnNames());
        String msg = "A unique constraint covering the columns `[" + columns + "]` on the table `" + t.name()
                + "` will be added. ";
        if (connection == null) {
            warn(Kind.UNIQUE_ADDITION, Severity.WARNING, t.name(), index.columnNames().size() == 1
                    ? index.columnNames().get(0) : null, msg + "If there are existing duplicate values, this will fail.",
                    null);
            return;
        }
        if (!index.columnNames().stream().allMatch(c -> t.column(c).isPresent())) {
            return; // new columns hold no duplicates yet
        }
        String cols = index.columnNames().stream().map(dialect::quote).collect(Collectors.joining(", "));
        String notNull = index.columnNames().stream().map(c -> dialect.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        long duplicates = count("SELECT COUNT(*) FROM (SELECT " + cols + " FROM " + table(t) + " WHERE " + notNull
                + " GROUP BY " + cols + " HAVING COUNT(*) > 1) " + dialect.quote("duplicates"), List.of());
        if (duplicates > 0) {
            fail(Kind.UNIQUE_ADDITION, t.name(), index.columnNames().size() == 1 ? index.columnNames().get(0) : null,
                    msg + "There are " + duplicates + " duplicated values in these columns, so this will fail.",
                    duplicates);
        }
    }

    private void enumRemoval(SqlEnum e, List<String> removed) throws SQLException {
        List<Object[]> users = new ArrayList<>();
        for (Table t : from.tables()) {
            for (Column c : t.columns()) {
                if (c.type() instanceof ColumnType.EnumRef r && r.enumName().equals(e.name())
                        && (r.namespace() == null || Objects.equals(r.namespace(), e.namespace()))) {
                    users.add(new Object[] {t, c});
                }
            }
        }
        enumUsage(e.name(), removed, users);
    }

    private void enumUsage(String enumName, List<String> removed, List<Object[]> users) throws SQLException {
        String prismaMessage = "The values [" + String.join(",", removed) + "] on the enum `" + enumName
                + "` will be removed. If these variants are still used in the database, this will fail.";
        if (connection == null || users.stream().anyMatch(u -> ((Column) u[1]).arity().isList())) {
            warn(Kind.ENUM_VALUE_REMOVAL, Severity.WARNING, enumName, null, prismaMessage, null);
            return;
        }
        long used = 0;
        String placeholders = removed.stream().map(v -> "?").collect(Collectors.joining(", "));
        for (Object[] u : users) {
            Table t = (Table) u[0];
            Column c = (Column) u[1];
            String value = dialect.provider() == Provider.POSTGRESQL ? "CAST(" + dialect.quote(c.name()) + " AS TEXT)"
                    : dialect.quote(c.name());
            used += count("SELECT COUNT(*) FROM " + table(t) + " WHERE " + value + " IN (" + placeholders + ")",
                    removed);
        }
        if (used > 0) {
            fail(Kind.ENUM_VALUE_REMOVAL, enumName, null, "The values [" + String.join(",", removed)
                    + "] on the enum `" + enumName + "` will be removed, but " + used
                    + " rows still use them: this will fail.", used);
        }
    }

    private String displayType(SqlSchema schema, Column c) {
        return dialect.renderColumnType(schema, new Column(c.name(), c.type(), c.arity(), null, false));
    }

    // ---------------------------------------------------------------------------------------------- results

    private void warn(Kind kind, Severity severity, String table, String column, String detail, Long count) {
        warnings.add(new DataLossWarning(kind, severity, table, column, detail, count));
        classify(severity);
    }

    private void fail(Kind kind, String table, String column, String detail, Long count) {
        Severity severity = connection == null ? Severity.WARNING : Severity.UNEXECUTABLE;
        // listed after the warnings, as Prisma lists its unexecutable steps
        unexecutable.add(new DataLossWarning(kind, severity, table, column, detail, count));
        classify(severity);
    }

    private void classify(Severity severity) {
        Severity before = classification.getOrDefault(current, Severity.SAFE);
        if (severity.compareTo(before) > 0) {
            classification.put(current, severity);
        }
    }

    // ------------------------------------------------------------------------------------------------ counts

    private String table(Table t) {
        return dialect.quote(t.namespace(), t.name());
    }

    private Long rows(Table t) throws SQLException {
        return connection == null ? null : count("SELECT COUNT(*) FROM " + table(t), List.of());
    }

    private Long nonNull(Table t, Column c) throws SQLException {
        return connection == null ? null
                : count("SELECT COUNT(*) FROM " + table(t) + " WHERE " + dialect.quote(c.name()) + " IS NOT NULL",
                        List.of());
    }

    /** Non-null values, or 0 for an empty table; {@code null} without a connection. */
    private Long valuesIfAny(Table t, Column c) throws SQLException {
        Long rows = rows(t);
        if (rows == null) {
            return null;
        }
        return rows == 0 ? 0L : nonNull(t, c);
    }

    private long count(String sql, List<String> parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Carries an {@link SQLException} out of a lambda. */
    private static final class RuntimeSqlException extends RuntimeException {
        RuntimeSqlException(SQLException cause) {
            super(cause);
        }
    }
}
