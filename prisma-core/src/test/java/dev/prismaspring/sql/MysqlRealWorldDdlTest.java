package dev.prismaspring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The MySQL real-world schema (dub, corpus §8; Prisma has no MySQL DDL for it): our DDL applies cleanly to a fresh
 * MariaDB database, and the resulting catalog follows Prisma's conventions, checked from the schema itself: default
 * column types ({@code VARCHAR(191)}, {@code DATETIME(3)}, {@code TINYINT(1)}, ...), index and unique names
 * ({@code User_email_key}, {@code _idx}), prefix lengths, full-text indexes. dub uses {@code relationMode = "prisma"}
 * (no foreign keys); the same schema with foreign keys checks {@code _fkey} names and default actions.
 */
class MysqlRealWorldDdlTest {

    /** information_schema's COLUMN_TYPE of Prisma's default native type per scalar type, on MariaDB. */
    private static final Map<Datamodel.ScalarType, String> DEFAULT_TYPES = Map.of(
            Datamodel.ScalarType.String, "varchar(191)",
            Datamodel.ScalarType.DateTime, "datetime(3)",
            Datamodel.ScalarType.Boolean, "tinyint(1)",
            Datamodel.ScalarType.Int, "int(11)",
            Datamodel.ScalarType.BigInt, "bigint(20)",
            Datamodel.ScalarType.Float, "double",
            Datamodel.ScalarType.Decimal, "decimal(65,30)",
            Datamodel.ScalarType.Bytes, "longblob",
            Datamodel.ScalarType.Json, "longtext");

    @Test
    void dubAppliesToMariaDbWithPrismaConventions() throws Exception {
        Datamodel dm = dub(false);
        String ddl = SqlSchemaCalculator.renderCreate(dm);
        assertThat(SqlSchemaCalculator.renderCreate(dm)).as("deterministic").isEqualTo(ddl);
        assertThat(SqlDialect.mysql().identifiersTooLong(SqlSchemaCalculator.calculate(dm))).isEmpty();

        String catalog;
        try (TestDatabase db = TestDatabases.create(DbKind.MYSQL, "dubinc__dub")) {
            db.execute(ddl);
            catalog = db.catalog();
        }
        Set<String> lines = Set.of(catalog.split("\n"));
        List<String> missing = new ArrayList<>();
        for (String expected : expectedLines(dm)) {
            if (lines.stream().noneMatch(l -> l.startsWith(expected))) {
                missing.add(expected);
            }
        }
        assertThat(missing).as("catalog lines (prefixes) Prisma's conventions call for").isEmpty();
        // a few names spelled out
        assertThat(catalog).contains("index `User`.`User_email_key`: UNIQUE (`email`)",
                "index `Customer`.`Customer_email_name_idx`: FULLTEXT (`email`, `name`)",
                "index `Link`.`Link_projectId_url_idx`: (`projectId`, `url`(500))",
                "column `User`.`createdAt`: datetime(3) NOT NULL DEFAULT current_timestamp(3)",
                "column `User`.`isMachine`: tinyint(1) NOT NULL DEFAULT 0")
                .doesNotContain("foreign-key ");
    }

    /**
     * dub without {@code relationMode = "prisma"}: foreign keys named {@code <table>_<columns>_fkey}, with Prisma's
     * default actions. Checked on the calculated schema, not applied: MariaDB refuses one of them
     * ({@code ProgramApplicationEvent (programId, partnerId)} references a unique key declared as
     * {@code (partnerId, programId)}), and Prisma's own DDL would fail the same way.
     */
    @Test
    void dubWithForeignKeysNamesThemAsPrisma() {
        Datamodel dm = dub(true);
        SqlSchema schema = SqlSchemaCalculator.calculate(dm);
        List<String> expected = new ArrayList<>();
        for (Datamodel.Model m : dm.models()) {
            for (Datamodel.RelationField r : m.relationFields()) {
                if (r.fields().isEmpty()) {
                    continue;
                }
                List<String> cols = r.fields().stream().map(x -> ((Datamodel.ScalarField) m.field(x).orElseThrow())
                        .dbName()).toList();
                boolean required = r.fields().stream().anyMatch(x -> m.field(x).orElseThrow().arity()
                        == Datamodel.Arity.REQUIRED);
                String onDelete = r.onDelete() != null ? r.onDelete().name() : required ? "Restrict" : "SetNull";
                String onUpdate = r.onUpdate() != null ? r.onUpdate().name() : "Cascade";
                String name = r.foreignKeyName() != null ? r.foreignKeyName()
                        : fit(m.dbName() + "_" + String.join("_", cols), "_fkey");
                expected.add(m.dbName() + "." + name + " " + cols + " -> " + r.targetModel() + " "
                        + onDelete.toUpperCase() + "/" + onUpdate.toUpperCase());
            }
        }
        List<String> actual = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!t.name().startsWith("_")) {
                    actual.add(t.name() + "." + fk.constraintName() + " " + fk.columns() + " -> " + fk.referencedTable()
                            + " " + fk.onDelete().name().replace("_", "") + "/" + fk.onUpdate().name().replace("_", ""));
                }
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected).isNotEmpty();
        assertThat(actual).contains("Account.Account_userId_fkey [userId] -> User CASCADE/CASCADE");
    }

    private static Datamodel dub(boolean withForeignKeys) {
        String text = TestSchemas.read(DdlCorpus.realWorldInput("dubinc__dub"));
        if (withForeignKeys) {
            text = text.replace("relationMode = \"prisma\"", "");
        }
        return DdlCorpus.validate(text, "dubinc__dub").datamodel();
    }

    /** Prisma's rule for ASCII names: cut before the suffix so that the name stays within 64 characters. */
    private static String fit(String name, String suffix) {
        return (name.length() >= 64 - suffix.length() ? name.substring(0, 64 - suffix.length()) : name) + suffix;
    }

    /** Prefixes of catalog lines that must exist, derived from the schema by Prisma's rules. */
    private static List<String> expectedLines(Datamodel dm) {
        List<String> out = new ArrayList<>();
        for (Datamodel.Model m : dm.models()) {
            String t = "`" + m.dbName() + "`";
            out.add("table " + t + " ");
            for (Datamodel.ScalarField f : m.scalarFields()) {
                if (f.nativeType() == null && f.type() instanceof Datamodel.BuiltIn b) {
                    String type = DEFAULT_TYPES.get(b.type());
                    out.add("column " + t + ".`" + f.dbName() + "`: " + type
                            + (f.arity() == Datamodel.Arity.REQUIRED ? " NOT NULL" : ""));
                } else if (f.type() instanceof Datamodel.EnumRef) {
                    out.add("column " + t + ".`" + f.dbName() + "`: enum(");
                }
            }
            for (Datamodel.Index i : m.indexes()) {
                List<String> cols = i.fields().stream().map(x -> ((Datamodel.ScalarField) m.field(x.name())
                        .orElseThrow()).dbName()).toList();
                String suffix = i.kind() == Datamodel.IndexKind.UNIQUE ? "_key" : "_idx";
                String indexName = i.map() != null ? i.map() : fit(m.dbName() + "_" + String.join("_", cols), suffix);
                String kind = switch (i.kind()) {
                    case UNIQUE -> "UNIQUE ";
                    case FULLTEXT -> "FULLTEXT ";
                    case NORMAL -> "";
                };
                out.add("index " + t + ".`" + indexName + "`: " + kind + "(`" + cols.get(0) + "`");
            }
        }
        return out;
    }
}
