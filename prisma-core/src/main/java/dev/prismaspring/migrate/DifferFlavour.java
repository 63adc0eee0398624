package dev.prismaspring.migrate;

import dev.prismaspring.migrate.SchemaChange.TypeChange;
import dev.prismaspring.sql.Column;
import dev.prismaspring.sql.ColumnType;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlEnum;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.TypeFamily;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the differ does differently per database, after Prisma's {@code SqlSchemaDifferFlavour}: renames, where
 * indexes and foreign keys live, and how column type changes cast.
 */
abstract class DifferFlavour {

    static DifferFlavour of(SqlDialect dialect) {
        return switch (dialect.provider()) {
            case POSTGRESQL -> new Postgres();
            case MYSQL -> new MySql();
            case SQLITE -> new Sqlite();
        };
    }

    /** Native enum types with their own steps (PostgreSQL). */
    boolean hasEnumTypes() {
        return false;
    }

    /** Foreign keys live inside {@code CREATE TABLE} and change only by redefining the table (SQLite). */
    boolean inlineForeignKeys() {
        return false;
    }

    /** Indexes of new tables are separate {@code CREATE INDEX} steps (not clauses of {@code CREATE TABLE}). */
    boolean separateIndexesForNewTables() {
        return true;
    }

    boolean canRenameIndex() {
        return true;
    }

    /** MySQL: a foreign key needs an index on its columns and creates one (named after it) when none exists. */
    boolean implicitForeignKeyIndexes() {
        return false;
    }

    boolean canRenameForeignKey() {
        return false;
    }

    boolean canRenamePrimaryKey() {
        return false;
    }

    /** Whether a foreign key may keep its columns when one of them becomes required (MySQL cannot). */
    boolean foreignKeyColumnMayBecomeRequired() {
        return true;
    }

    /** Indexes on columns that are dropped and recreated must be created again (PostgreSQL). */
    boolean recreateIndexesOfRecreatedColumns() {
        return false;
    }

    boolean autoincrementChanged(Column from, Column to) {
        return from.autoIncrement() != to.autoIncrement();
    }

    abstract TypeChange typeChange(SqlSchema fromSchema, Column from, SqlSchema toSchema, Column to);

    /** The native type name and arguments a scalar stands for, with the dialect's defaults filled in. */
    record Native(String name, List<Long> args) {
        long arg(int i, long otherwise) {
            return args.size() > i ? args.get(i) : otherwise;
        }

        boolean hasArgs() {
            return !args.isEmpty();
        }
    }

    static final class Postgres extends DifferFlavour {
        @Override
        boolean hasEnumTypes() {
            return true;
        }

        @Override
        boolean canRenameForeignKey() {
            return true;
        }

        @Override
        boolean canRenamePrimaryKey() {
            return true;
        }

        @Override
        boolean recreateIndexesOfRecreatedColumns() {
            return true;
        }

        static Native nativeOf(ColumnType.Scalar s) {
            if (s.nativeType() != null) {
                return new Native(s.nativeType(), s.args());
            }
            return switch (s.family()) {
                case INT -> new Native("Integer", List.of());
                case BIG_INT -> new Native("BigInt", List.of());
                case FLOAT -> new Native("DoublePrecision", List.of());
                case DECIMAL -> new Native("Decimal", List.of(65L, 30L));
                case BOOLEAN -> new Native("Boolean", List.of());
                case STRING -> new Native("Text", List.of());
                case DATE_TIME -> new Native("Timestamp", List.of(3L));
                case JSON -> new Native("JsonB", List.of());
                case BINARY -> new Native("ByteA", List.of());
                case UUID -> new Native("Uuid", List.of());
            };
        }

        @Override
        TypeChange typeChange(SqlSchema fromSchema, Column from, SqlSchema toSchema, Column to) {
            ColumnType a = from.type();
            ColumnType b = to.type();
            if (a instanceof ColumnType.EnumRef ea && b instanceof ColumnType.EnumRef eb) {
                return Objects.equals(ea.enumName(), eb.enumName()) && Objects.equals(ea.namespace(), eb.namespace())
                        && from.arity().isList() == to.arity().isList() ? null : TypeChange.NOT_CASTABLE;
            }
            if (a instanceof ColumnType.EnumRef || b instanceof ColumnType.EnumRef) {
                return TypeChange.NOT_CASTABLE;
            }
            boolean listToScalar = from.arity().isList() && !to.arity().isList();
            boolean scalarToList = !from.arity().isList() && to.arity().isList();
            if (a instanceof ColumnType.Unsupported || b instanceof ColumnType.Unsupported) {
                if (a.equals(b) && !listToScalar && !scalarToList) {
                    return null;
                }
                return a.equals(b) ? TypeChange.NOT_CASTABLE : TypeChange.RISKY_CAST;
            }
            Native p = nativeOf((ColumnType.Scalar) a);
            Native n = nativeOf((ColumnType.Scalar) b);
            if (listToScalar) {
                return switch (n.name()) {
                    case "Text" -> TypeChange.SAFE_CAST;
                    case "VarChar" -> n.hasArgs() ? TypeChange.RISKY_CAST : TypeChange.SAFE_CAST;
                    case "Char" -> TypeChange.RISKY_CAST;
                    default -> TypeChange.NOT_CASTABLE;
                };
            }
            if (scalarToList) {
                return TypeChange.NOT_CASTABLE;
            }
            if (p.equals(n)) {
                return null;
            }
            return PostgresCasts.classify(p, n);
        }
    }

    static final class MySql extends DifferFlavour {
        @Override
        boolean separateIndexesForNewTables() {
            return false;
        }

        @Override
        boolean foreignKeyColumnMayBecomeRequired() {
            return false;
        }

        @Override
        boolean implicitForeignKeyIndexes() {
            return true;
        }

        static Native nativeOf(ColumnType.Scalar s) {
            if (s.nativeType() != null) {
                return new Native(s.nativeType(), s.args());
            }
            return switch (s.family()) {
                case INT -> new Native("Int", List.of());
                case BIG_INT -> new Native("BigInt", List.of());
                case FLOAT -> new Native("Double", List.of());
                case DECIMAL -> new Native("Decimal", List.of(65L, 30L));
                case BOOLEAN -> new Native("TinyInt", List.of(1L));
                case STRING -> new Native("VarChar", List.of(191L));
                case DATE_TIME -> new Native("DateTime", List.of(3L));
                case JSON -> new Native("Json", List.of());
                case BINARY -> new Native("LongBlob", List.of());
                case UUID -> new Native("Char", List.of(36L));
            };
        }

        @Override
        TypeChange typeChange(SqlSchema fromSchema, Column from, SqlSchema toSchema, Column to) {
            ColumnType a = from.type();
            ColumnType b = to.type();
            if (a instanceof ColumnType.EnumRef ea && b instanceof ColumnType.EnumRef eb) {
                List<String> pv = fromSchema.findEnum(ea).map(SqlEnum::values).orElse(List.of());
                List<String> nv = toSchema.findEnum(eb).map(SqlEnum::values).orElse(List.of());
                if (pv.equals(nv)) {
                    return null;
                }
                return nv.containsAll(pv) ? TypeChange.SAFE_CAST : TypeChange.RISKY_CAST;
            }
            if (a instanceof ColumnType.EnumRef || b instanceof ColumnType.EnumRef) {
                return TypeChange.RISKY_CAST;
            }
            if (a instanceof ColumnType.Unsupported || b instanceof ColumnType.Unsupported) {
                return a.equals(b) ? null : TypeChange.RISKY_CAST;
            }
            ColumnType.Scalar sa = (ColumnType.Scalar) a;
            ColumnType.Scalar sb = (ColumnType.Scalar) b;
            Native p = nativeOf(sa);
            Native n = nativeOf(sb);
            if (p.equals(n) && (sa.family() == TypeFamily.BOOLEAN) == (sb.family() == TypeFamily.BOOLEAN)) {
                return null;
            }
            return MySqlCasts.classify(p, n);
        }
    }

    static final class Sqlite extends DifferFlavour {
        @Override
        boolean inlineForeignKeys() {
            return true;
        }

        @Override
        boolean canRenameIndex() {
            return false;
        }

        @Override
        boolean autoincrementChanged(Column from, Column to) {
            return false;
        }

        @Override
        TypeChange typeChange(SqlSchema fromSchema, Column from, SqlSchema toSchema, Column to) {
            if (from.type() instanceof ColumnType.Unsupported || to.type() instanceof ColumnType.Unsupported) {
                return from.type().equals(to.type()) ? null : TypeChange.RISKY_CAST;
            }
            TypeFamily a = sqliteFamily(from.type());
            TypeFamily b = sqliteFamily(to.type());
            if (a == b) {
                return null;
            }
            return b == TypeFamily.STRING ? TypeChange.SAFE_CAST : TypeChange.RISKY_CAST;
        }

        private static TypeFamily sqliteFamily(ColumnType type) {
            TypeFamily f = Optional.ofNullable(type.family()).orElse(TypeFamily.STRING);
            return f == TypeFamily.UUID ? TypeFamily.STRING : f;
        }
    }
}
