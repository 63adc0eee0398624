package dev.prismaspring.sql;

import static dev.prismaspring.sql.ColumnType.Scalar.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.sql.ColumnDefault.BooleanValue;
import dev.prismaspring.sql.ColumnDefault.DbGenerated;
import dev.prismaspring.sql.ColumnDefault.JsonValue;
import dev.prismaspring.sql.ColumnDefault.ListValue;
import dev.prismaspring.sql.ColumnDefault.Now;
import dev.prismaspring.sql.ColumnDefault.NumberValue;
import dev.prismaspring.sql.ColumnDefault.StringValue;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rendering of what the fixtures do not cover (auto-increment, native types, index methods, operator classes,
 * partial indexes, sort orders, list and JSON defaults, join tables per dialect), each script applied to this
 * class's own fresh database and checked through the catalog dump.
 */
@ExtendWith(TestDatabaseExtension.class)
class DialectFeaturesTest {

    private static SqlSchema blog(SqlDialect dialect, ColumnType intType, ColumnType text, ColumnType json,
            ColumnType dateTime) {
        Table user = Table.builder("User")
                .column(Column.required("id", intType).withAutoIncrement())
                .column(Column.required("email", text))
                .column(Column.required("createdAt", dateTime).withDefault(new Now()))
                .column(Column.required("active", of(TypeFamily.BOOLEAN, dialect == SqlDialect.mysql() ? "TinyInt"
                        : dialect == SqlDialect.postgres() ? "Boolean" : null)).withDefault(new BooleanValue(true)))
                .column(Column.required("score", of(TypeFamily.DECIMAL, dialect == SqlDialect.sqlite() ? null
                        : "Decimal", 4, 2)).withDefault(new NumberValue("2.00")))
                .column(Column.nullable("bio", text).withDefault(new StringValue("it's me")))
                .column(Column.nullable("meta", json))
                .primaryKey("id")
                .index(Index.unique("User_email_key", "email"))
                .index(new Index("User_createdAt_idx", IndexKind.NORMAL,
                        List.of(IndexColumn.of("createdAt", SortOrder.DESC)), null, null))
                .build();
        Table post = Table.builder("Post")
                .column(Column.required("id", intType).withAutoIncrement())
                .column(Column.required("title", text))
                .column(Column.nullable("authorId", intType))
                .primaryKey("id")
                .index(Index.normal("Post_authorId_idx", "authorId"))
                .foreignKey(ForeignKey.of("Post_authorId_fkey", List.of("authorId"), "User", List.of("id"),
                        ReferentialAction.SET_NULL, ReferentialAction.CASCADE))
                .build();
        Table tag = Table.builder("Tag").column(Column.required("id", intType).withAutoIncrement())
                .primaryKey("id").build();
        ImplicitJoinTables.Side a = new ImplicitJoinTables.Side(null, "Post", "id", intType);
        ImplicitJoinTables.Side b = new ImplicitJoinTables.Side(null, "Tag", "id", intType);
        return SqlSchema.builder().table(user).table(post).table(tag)
                .table(ImplicitJoinTables.create(null, "_PostToTag", a, b, dialect.joinTablesUsePrimaryKey()))
                .build();
    }

    @Test
    void postgres(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        SqlDialect pg = SqlDialect.postgres();
        SqlSchema base = blog(pg, of(TypeFamily.INT, "Integer"), of(TypeFamily.STRING, "Text"),
                of(TypeFamily.JSON, "JsonB"), of(TypeFamily.DATE_TIME, "Timestamp", 3));
        Table doc = Table.builder("Doc")
                .column(Column.required("id", of(TypeFamily.BIG_INT, "BigInt")).withAutoIncrement())
                .column(Column.required("name", of(TypeFamily.STRING, "VarChar", 255)))
                .column(Column.required("data", of(TypeFamily.JSON, "JsonB")).withDefault(new JsonValue("{}")))
                .column(Column.list("tags", of(TypeFamily.STRING, "Text"))
                        .withDefault(new ListValue(List.of(new StringValue("a"), new StringValue("b")))))
                .column(Column.required("uid", of(TypeFamily.STRING, "Uuid"))
                        .withDefault(new DbGenerated("gen_random_uuid()")))
                .column(Column.required("price", of(TypeFamily.FLOAT, "DoublePrecision")))
                .primaryKey("id")
                .index(new Index("Doc_data_idx", IndexKind.NORMAL,
                        List.of(new IndexColumn("data", null, null, "jsonb_path_ops")), IndexMethod.GIN, null))
                .index(Index.normal("Doc_name_idx", "name").using(IndexMethod.HASH))
                .index(Index.unique("Doc_name_key", "name").where("\"price\" > 0"))
                .build();
        SqlSchema schema = new SqlSchema(List.of(), List.of(), concat(base.tables(), doc));
        String sql = pg.renderCreate(schema);
        assertThat(sql).contains("""
                CREATE TABLE "User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    "active" BOOLEAN NOT NULL DEFAULT true,
                    "score" DECIMAL(4,2) NOT NULL DEFAULT 2.00,
                    "bio" TEXT DEFAULT 'it''s me',
                    "meta" JSONB,

                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                );
                """)
                .contains("\"tags\" TEXT[] DEFAULT ARRAY['a', 'b']::TEXT[],")
                .contains("\"id\" BIGSERIAL NOT NULL,")
                .contains("CREATE INDEX \"User_createdAt_idx\" ON \"User\"(\"createdAt\" DESC);")
                .contains("CREATE INDEX \"Doc_data_idx\" ON \"Doc\" USING GIN (\"data\" jsonb_path_ops);")
                .contains("CREATE INDEX \"Doc_name_idx\" ON \"Doc\" USING HASH (\"name\");")
                .contains("CREATE UNIQUE INDEX \"Doc_name_key\" ON \"Doc\"(\"name\") WHERE \"price\" > 0;")
                .contains("CONSTRAINT \"_PostToTag_AB_pkey\" PRIMARY KEY (\"A\",\"B\")")
                .endsWith("ALTER TABLE \"_PostToTag\" ADD CONSTRAINT \"_PostToTag_B_fkey\" FOREIGN KEY (\"B\") "
                        + "REFERENCES \"Tag\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE;\n");
        db.execute(sql);
        assertThat(db.catalog()).contains(
                "column public.\"User\".id: integer NOT NULL DEFAULT nextval('public.\"User_id_seq\"'::regclass)\n",
                "constraint public.\"Post\".\"Post_authorId_fkey\": FOREIGN KEY (\"authorId\") REFERENCES "
                        + "public.\"User\" (id) ON DELETE SET NULL ON UPDATE CASCADE\n",
                "index public.\"Doc\".\"Doc_data_idx\": gin (data jsonb_path_ops)\n",
                "index public.\"Doc\".\"Doc_name_idx\": hash (name)\n",
                "index public.\"Doc\".\"Doc_name_key\": UNIQUE btree (name ASC) WHERE (price > (0)::double precision)\n",
                "index public.\"_PostToTag\".\"_PostToTag_B_index\": btree (\"B\" ASC)\n");
    }

    @Test
    void mysql(@FreshDatabase(DbKind.MYSQL) TestDatabase db) throws Exception {
        SqlDialect my = SqlDialect.mysql();
        SqlSchema schema = blog(my, of(TypeFamily.INT, "Int"), of(TypeFamily.STRING, "VarChar", 191),
                of(TypeFamily.JSON, "Json"), of(TypeFamily.DATE_TIME, "DateTime", 3));
        String sql = my.renderCreate(schema);
        assertThat(sql).contains("""
                CREATE TABLE `User` (
                    `id` INTEGER NOT NULL AUTO_INCREMENT,
                    `email` VARCHAR(191) NOT NULL,
                    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                    `active` BOOLEAN NOT NULL DEFAULT true,
                    `score` DECIMAL(4, 2) NOT NULL DEFAULT 2.00,
                    `bio` VARCHAR(191) NULL DEFAULT 'it''s me',
                    `meta` JSON NULL,

                    UNIQUE INDEX `User_email_key`(`email`),
                    INDEX `User_createdAt_idx`(`createdAt` DESC),
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                """)
                .contains("UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`),\n    INDEX `_PostToTag_B_index`(`B`)\n)")
                .contains("""
                        -- AddForeignKey
                        ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) \
                        REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
                        """);
        db.execute(sql);
        assertThat(db.catalog()).contains(
                "column `User`.`id`: int(11) NOT NULL auto_increment\n",
                "foreign-key `Post`.`Post_authorId_fkey`: (`authorId`) REFERENCES `User` (`id`) "
                        + "ON DELETE SET NULL ON UPDATE CASCADE\n",
                "index `_PostToTag`.`_PostToTag_AB_unique`: UNIQUE (`A`, `B`) type=BTREE\n",
                "table `User` engine=InnoDB collation=utf8mb4_unicode_ci\n");
    }

    @Test
    void sqlite(@FreshDatabase(DbKind.SQLITE) TestDatabase db) throws Exception {
        SqlDialect lite = SqlDialect.sqlite();
        SqlSchema schema = blog(lite, of(TypeFamily.INT), of(TypeFamily.STRING), of(TypeFamily.JSON),
                of(TypeFamily.DATE_TIME));
        String sql = lite.renderCreate(schema);
        assertThat(sql).contains("""
                CREATE TABLE "Post" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "title" TEXT NOT NULL,
                    "authorId" INTEGER,
                    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") \
                ON DELETE SET NULL ON UPDATE CASCADE
                );
                """)
                .contains("\"meta\" JSONB\n);")
                .contains("CREATE UNIQUE INDEX \"_PostToTag_AB_unique\" ON \"_PostToTag\"(\"A\", \"B\");")
                .contains("CREATE INDEX \"User_createdAt_idx\" ON \"User\"(\"createdAt\" DESC);");
        db.execute(sql);
        assertThat(db.catalog()).contains(
                "table \"User\" AUTOINCREMENT\n",
                "column \"User\".\"createdAt\": DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP\n",
                "foreign-key \"_PostToTag\": (\"A\") REFERENCES \"Post\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE\n",
                "index \"_PostToTag\".\"_PostToTag_B_index\": (\"B\" ASC) origin=c\n");
    }

    @Test
    void emptySchemaAndLimits() {
        assertThat(SqlDialect.postgres().renderCreate(SqlSchema.empty())).isEqualTo(DdlScript.EMPTY_MIGRATION);
        assertThat(SqlDialect.postgres().maxIdentifierLength()).isEqualTo(63);
        assertThat(SqlDialect.mysql().maxIdentifierLength()).isEqualTo(64);
        SqlSchema longName = SqlSchema.builder()
                .table(Table.builder("x".repeat(64)).column(Column.required("id", of(TypeFamily.INT))).build())
                .build();
        assertThat(SqlDialect.postgres().identifiersTooLong(longName)).containsExactly("table " + "x".repeat(64));
        assertThat(SqlDialect.mysql().identifiersTooLong(longName)).isEmpty();
        assertThat(SqlDialect.postgres().quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SqlDialect.mysql().quote("a`b")).isEqualTo("`a``b`");
    }

    @Test
    void schemaRejectsDanglingReferences() {
        assertThatThrownBy(() -> Table.builder("T").column(Column.required("id", of(TypeFamily.INT)))
                .primaryKey("nope").build()).hasMessageContaining("unknown column nope");
        Table t = Table.builder("T").column(Column.required("id", of(TypeFamily.INT)))
                .foreignKey(ForeignKey.of("T_id_fkey", List.of("id"), "U", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE))
                .build();
        assertThatThrownBy(() -> SqlSchema.builder().table(t).build()).hasMessageContaining("unknown table U");
    }

    private static List<Table> concat(List<Table> tables, Table more) {
        List<Table> all = new java.util.ArrayList<>(tables);
        all.add(more);
        return all;
    }
}
