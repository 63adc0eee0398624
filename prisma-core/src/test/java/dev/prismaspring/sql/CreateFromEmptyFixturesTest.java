package dev.prismaspring.sql;

import static dev.prismaspring.sql.ColumnType.Scalar.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.sql.ColumnDefault.DbGenerated;
import dev.prismaspring.sql.ColumnDefault.EnumValue;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SqlSchemas built by hand for the corpus's migration fixtures: the rendered script equals Prisma's expected
 * migration text, and it runs on a fresh database of the fixture's kind.
 */
class CreateFromEmptyFixturesTest {

    private static final ColumnType PG_TEXT = of(TypeFamily.STRING, "Text");
    private static final ColumnType PG_INT = of(TypeFamily.INT, "Integer");
    private static final ColumnType MY_INT = of(TypeFamily.INT, "Int");
    private static final ColumnType MY_STRING = of(TypeFamily.STRING, "VarChar", 191);
    private static final ColumnType SQLITE_INT = of(TypeFamily.INT);
    private static final ColumnType SQLITE_TEXT = of(TypeFamily.STRING);

    private static void check(DbKind kind, SqlSchema schema, String fixture) throws Exception {
        String rendered = kind.dialect().renderCreate(schema);
        assertThat(rendered).isEqualTo(MigrationFixtures.expectedSql(fixture));
        assertThat(kind.dialect().renderCreate(schema)).as("same schema, same DDL").isEqualTo(rendered);
        try (TestDatabase db = TestDatabases.create(kind, fixture.replaceAll(".*/", "").replace(".prisma", ""))) {
            db.execute(rendered);
        }
    }

    @Test
    void postgresEnumBasic() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .enumType(SqlEnum.of("MyEnum", "A", "B"))
                .table(Table.builder("Test")
                        .column(Column.required("id", PG_TEXT))
                        .column(Column.required("enum", new ColumnType.EnumRef(null, "MyEnum")))
                        .primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/enums/enum_basic.prisma");
    }

    @Test
    void postgresMappedEnum() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .enumType(SqlEnum.of("avocado_ripeness_status", "NOT_RIPE_ENOUGH", "TOO_RIPE"))
                .table(Table.builder("Avocado")
                        .column(Column.required("id", PG_TEXT))
                        .column(Column.required("status", new ColumnType.EnumRef(null, "avocado_ripeness_status")))
                        .primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/enums/mapped_basic.prisma");
    }

    @Test
    void postgresEnumFields() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .enumType(SqlEnum.of("Result", "succeeded", "failed"))
                .enumType(SqlEnum.of("Activity", "DANCING", "SLEEPING", "READING"))
                .enumType(SqlEnum.of("Kind", "info", "warning", "error"))
                .table(Table.builder("MyTable")
                        .column(Column.required("id", PG_INT))
                        .column(Column.required("a", new ColumnType.EnumRef(null, "Activity"))
                                .withDefault(new EnumValue("SLEEPING")))
                        .column(Column.nullable("k", new ColumnType.EnumRef(null, "Kind"))
                                .withDefault(new EnumValue("error")))
                        .column(Column.required("r", new ColumnType.EnumRef(null, "Result"))
                                .withDefault(new EnumValue("succeeded")))
                        .primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/enums/enum_fields.prisma");
    }

    @Test
    void postgresScalarListsWithEnum() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .enumType(SqlEnum.of("Status", "OK", "ERROR"))
                .table(Table.builder("A")
                        .column(Column.required("id", PG_INT))
                        .column(Column.list("strings", PG_TEXT))
                        .column(Column.list("enums", new ColumnType.EnumRef(null, "Status")))
                        .primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/scalar_lists_with_enum_and_int_id.prisma");
    }

    @Test
    void postgresEmptyDbGenerated() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .table(Table.builder("table")
                        .column(Column.required("id", PG_TEXT))
                        .column(Column.required("hereBeDragons", PG_TEXT).withDefault(new DbGenerated(null)))
                        .primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/empty_dbgenerated.prisma");
    }

    @Test
    void postgresUnsupportedType() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .table(Table.builder("table")
                        .column(Column.required("id", PG_TEXT))
                        .column(Column.nullable("hereBeDragons", new ColumnType.Unsupported("tsvector"))
                                .withDefault(new DbGenerated(null)))
                        .primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/empty_unsupported_dbgenerated.prisma");
    }

    @Test
    void postgresMultiSchema() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .namespace("public").namespace("security").namespace("users")
                .enumType(new SqlEnum("users", "UserType", List.of("Bacteria", "Archea", "Eukaryote")))
                .table(Table.builder("users", "Test")
                        .column(Column.required("id", PG_INT)).column(Column.required("name", PG_TEXT))
                        .primaryKey("id").index(Index.unique("Test_name_key", "name")).build())
                .table(Table.builder("public", "Test2").column(Column.required("id", PG_INT)).primaryKey("id").build())
                .table(Table.builder("security", "Test3")
                        .column(Column.required("id", PG_INT))
                        .column(Column.required("type", new ColumnType.EnumRef("users", "UserType")))
                        .primaryKey("id").build())
                .table(Table.builder("public", "Test4").column(Column.required("id", PG_INT)).primaryKey("id")
                        .foreignKey(new ForeignKey("Test4_id_fkey", List.of("id"), "security", "Test5", List.of("id"),
                                ReferentialAction.RESTRICT, ReferentialAction.CASCADE))
                        .build())
                .table(Table.builder("security", "Test5").column(Column.required("id", PG_INT)).primaryKey("id").build())
                .build();
        check(DbKind.POSTGRES, schema, "postgres/multi_schema_basic.prisma");
    }

    @Test
    void postgresImplicitManyToManyAcrossSchemas() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .namespace("roots").namespace("veggies")
                .table(Table.builder("veggies", "zoodles").column(Column.required("id", PG_INT)).primaryKey("id").build())
                .table(Table.builder("roots", "shirataki").column(Column.required("id", PG_INT)).primaryKey("id").build())
                .table(ImplicitJoinTables.create("roots", "_shiratakiTozoodles",
                        new ImplicitJoinTables.Side("roots", "shirataki", "id", PG_INT),
                        new ImplicitJoinTables.Side("veggies", "zoodles", "id", PG_INT),
                        SqlDialect.postgres().joinTablesUsePrimaryKey()))
                .build();
        check(DbKind.POSTGRES, schema,
                "postgres/multi_schema_implicit_many_to_many_join_table_is_in_first_model_schema.prisma");
    }

    @Test
    void mysqlEnumFields() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .enumType(SqlEnum.of("Result", "succeeded", "failed"))
                .enumType(SqlEnum.of("Kind", "info", "warning", "error"))
                .table(Table.builder("MyTable")
                        .column(Column.required("id", MY_INT))
                        .column(Column.nullable("k", new ColumnType.EnumRef(null, "Kind"))
                                .withDefault(new EnumValue("error")))
                        .column(Column.required("r", new ColumnType.EnumRef(null, "Result"))
                                .withDefault(new EnumValue("succeeded")))
                        .primaryKey("id").build())
                .build();
        check(DbKind.MYSQL, schema, "mysql/enums/enum_fields.prisma");
    }

    private static SqlSchema mysqlConstraintNames(String single, String index, String compound, String unnamed,
            String compoundIndex) {
        Table.Builder a = Table.builder("A")
                .column(Column.required("id", MY_INT)).column(Column.required("name", MY_STRING))
                .column(Column.required("a", MY_STRING)).column(Column.required("b", MY_STRING))
                .primaryKey("id")
                .index(Index.unique(single, "name")).index(Index.normal(index, "a"))
                .index(Index.unique(compound, "a", "b"));
        if (unnamed != null) {
            a.index(Index.unique(unnamed, "a", "b"));
        }
        return SqlSchema.builder()
                .table(a.build())
                .table(Table.builder("B")
                        .column(Column.required("a", MY_STRING)).column(Column.required("b", MY_STRING))
                        .column(Column.required("aId", MY_INT))
                        .primaryKey("a", "b").index(Index.normal(compoundIndex, "a", "b")).build())
                .build();
    }

    @Test
    void mysqlExplicitConstraintNames() throws Exception {
        check(DbKind.MYSQL, mysqlConstraintNames("SingleUnique", "SingleIndex", "NamedCompoundUnique",
                "UnNamedCompoundUnique", "CompoundIndex"), "mysql/create_constraint_name_tests_w_explicit_names.prisma");
    }

    @Test
    void mysqlImplicitConstraintNames() throws Exception {
        check(DbKind.MYSQL, mysqlConstraintNames("A_name_key", "A_a_idx", "A_a_b_key", null, "B_a_b_idx"),
                "mysql/create_constraint_name_tests_w_implicit_names.prisma");
    }

    @Test
    void sqliteConstraintNames() throws Exception {
        SqlSchema schema = SqlSchema.builder()
                .table(Table.builder("A")
                        .column(Column.required("id", SQLITE_INT)).column(Column.required("name", SQLITE_TEXT))
                        .column(Column.required("a", SQLITE_TEXT)).column(Column.required("b", SQLITE_TEXT))
                        .primaryKey("id")
                        .index(Index.unique("SingleUnique", "name")).index(Index.normal("SingleIndex", "a"))
                        .index(Index.unique("NamedCompoundUnique", "a", "b"))
                        .index(Index.unique("UnNamedCompoundUnique", "a", "b")).build())
                .table(Table.builder("B")
                        .column(Column.required("a", SQLITE_TEXT)).column(Column.required("b", SQLITE_TEXT))
                        .column(Column.required("aId", SQLITE_INT))
                        .primaryKey("a", "b")
                        .index(Index.normal("CompoundIndex", "a", "b"))
                        .foreignKey(ForeignKey.of("B_aId_fkey", List.of("aId"), "A", List.of("id"),
                                ReferentialAction.RESTRICT, ReferentialAction.CASCADE))
                        .build())
                .build();
        check(DbKind.SQLITE, schema, "sqlite/constraint_names_basic.prisma");
    }
}
