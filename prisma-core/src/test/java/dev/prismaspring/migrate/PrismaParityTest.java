package dev.prismaspring.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.testdb.Catalog;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code migrate diff --from-schema A --to-schema B --script} parity with Prisma: for each pair, our SQL must equal
 * what Prisma emits. Each expectation names its source: a snapshot of Prisma's own tests
 * (prisma/prisma-engines, {@code schema-engine/sql-migration-tests/tests/migrations/*.rs}), or, where Prisma has
 * no snapshot, the output of its renderer ({@code sql_renderer/postgres_renderer.rs}, {@code sqlite_renderer.rs})
 * for the steps of its differ, as real-world Prisma migrations show it. Each script is then applied to a real
 * database holding A, which must end up with the catalog of a fresh B.
 */
class PrismaParityTest {

    /**
     * One pair.
     *
     * @param name     what it shows
     * @param kind     the database
     * @param source   where the expectation comes from
     * @param from     models of A
     * @param to       models of B
     * @param expected Prisma's script (with its warnings block when {@code warnings})
     * @param warnings whether the expectation carries Prisma's {@code migration.sql} warnings block
     */
    record Case(String name, DbKind kind, String source, String from, String to, String expected, boolean warnings) {
        @Override
        public String toString() {
            return kind + ": " + name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unique index dropped", DbKind.POSTGRES,
                        "diff.rs from_unique_index_to_without (postgres branch)", UNIQUE_FK_FROM, UNIQUE_FK_TO, """
                        -- DropIndex
                        DROP INDEX "Post_authorId_key";
                        """, false),
                new Case("unique index dropped", DbKind.SQLITE,
                        "diff.rs from_unique_index_to_without (sqlite branch)", UNIQUE_FK_FROM, UNIQUE_FK_TO, """
                        -- DropIndex
                        DROP INDEX "Post_authorId_key";
                        """, false),
                new Case("unique indexes become primary keys", DbKind.POSTGRES,
                        "diff.rs from_unique_index_to_pk (postgres branch)", UNIQUE_TO_PK_FROM, UNIQUE_TO_PK_TO, """
                        -- DropIndex
                        DROP INDEX "C_secondary_key";

                        -- AlterTable
                        ALTER TABLE "A" DROP COLUMN "name",
                        ADD CONSTRAINT "A_pkey" PRIMARY KEY ("id");

                        -- DropIndex
                        DROP INDEX "A_id_key";

                        -- AlterTable
                        ALTER TABLE "B" ADD CONSTRAINT "B_pkey" PRIMARY KEY ("x", "y");

                        -- DropIndex
                        DROP INDEX "B_x_y_key";
                        """, false),
                new Case("unique indexes become primary keys", DbKind.SQLITE,
                        "diff.rs from_unique_index_to_pk (sqlite branch)", UNIQUE_TO_PK_FROM, UNIQUE_TO_PK_TO, """
                        -- DropIndex
                        DROP INDEX "C_secondary_key";

                        -- RedefineTables
                        PRAGMA defer_foreign_keys=ON;
                        PRAGMA foreign_keys=OFF;
                        CREATE TABLE "new_A" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
                        );
                        INSERT INTO "new_A" ("id") SELECT "id" FROM "A";
                        DROP TABLE "A";
                        ALTER TABLE "new_A" RENAME TO "A";
                        CREATE TABLE "new_B" (
                            "x" INTEGER NOT NULL,
                            "y" INTEGER NOT NULL,

                            PRIMARY KEY ("x", "y")
                        );
                        INSERT INTO "new_B" ("x", "y") SELECT "x", "y" FROM "B";
                        DROP TABLE "B";
                        ALTER TABLE "new_B" RENAME TO "B";
                        PRAGMA foreign_keys=ON;
                        PRAGMA defer_foreign_keys=OFF;
                        """, false),
                new Case("scalar column made a list (no cast: dropped and recreated), new table", DbKind.POSTGRES,
                        "diff.rs diffing_postgres_schemas_when_initialized_on_sqlite", """
                        model TestModel {
                            id Int @id @default(autoincrement())
                            names String
                        }
                        """, """
                        model TestModel {
                            id Int @id @default(autoincrement())
                            names String[]
                        }

                        model TestModel2 {
                            id Int @id @default(autoincrement())
                        }
                        """, """
                        -- AlterTable
                        ALTER TABLE "TestModel" DROP COLUMN "names",
                        ADD COLUMN     "names" TEXT[];

                        -- CreateTable
                        CREATE TABLE "TestModel2" (
                            "id" SERIAL NOT NULL,

                            CONSTRAINT "TestModel2_pkey" PRIMARY KEY ("id")
                        );
                        """, false),
                new Case("enum value removed while a list default changes", DbKind.POSTGRES,
                        "enums.rs alter_enum_and_change_default_must_work (migration \"custom\")", """
                        model Cat {
                            id      Int    @id
                            moods   Mood[] @default([])
                        }
                        enum Mood {
                            SLEEPY
                            MOODY
                        }
                        """, """
                        model Cat {
                            id      Int    @id
                            moods   Mood[] @default([SLEEPY])
                        }
                        enum Mood {
                            HUNGRY
                            SLEEPY
                        }
                        """, """
                        /*
                          Warnings:

                          - The values [MOODY] on the enum `Mood` will be removed. If these variants are still used in the database, this will fail.

                        */
                        -- AlterEnum
                        BEGIN;
                        CREATE TYPE "Mood_new" AS ENUM ('HUNGRY', 'SLEEPY');
                        ALTER TABLE "Cat" ALTER COLUMN "moods" DROP DEFAULT;
                        ALTER TABLE "Cat" ALTER COLUMN "moods" TYPE "Mood_new"[] USING ("moods"::text::"Mood_new"[]);
                        ALTER TYPE "Mood" RENAME TO "Mood_old";
                        ALTER TYPE "Mood_new" RENAME TO "Mood";
                        DROP TYPE "Mood_old";
                        ALTER TABLE "Cat" ALTER COLUMN "moods" SET DEFAULT ARRAY['SLEEPY']::"Mood"[];
                        COMMIT;

                        -- AlterTable
                        ALTER TABLE "Cat" ALTER COLUMN "moods" SET DEFAULT ARRAY['SLEEPY']::"Mood"[];
                        """, true),
                new Case("two enum values added", DbKind.POSTGRES,
                        "enums.rs variants_can_be_added_to_an_existing_enum; SQL as postgres_renderer.rs "
                                + "render_postgres_alter_enum (several values: the PostgreSQL 11 note)", """
                        model Cat {
                            id Int @id
                            mood CatMood
                        }
                        enum CatMood {
                            HUNGRY
                        }
                        """, """
                        model Cat {
                            id Int @id
                            mood CatMood
                        }
                        enum CatMood {
                            HUNGRY
                            HAPPY
                            JOYJOY
                        }
                        """, """
                        -- AlterEnum
                        -- This migration adds more than one value to an enum.
                        -- With PostgreSQL versions 11 and earlier, this is not possible
                        -- in a single migration. This can be worked around by creating
                        -- multiple migrations, each migration adding only one value to
                        -- the enum.


                        ALTER TYPE "CatMood" ADD VALUE 'HAPPY';
                        ALTER TYPE "CatMood" ADD VALUE 'JOYJOY';
                        """, false),
                new Case("type change Int to String (safe cast), optional made required, default added",
                        DbKind.POSTGRES, "postgres_renderer.rs render_alter_column / expand_alter_column "
                                + "(flag order: arity, default, type)", """
                        model Item {
                            id    Int     @id
                            code  Int
                            label String?
                        }
                        """, """
                        model Item {
                            id    Int     @id
                            code  String
                            label String  @default("none")
                        }
                        """, """
                        /*
                          Warnings:

                          - Made the column `label` on table `Item` required. This step will fail if there are existing NULL values in that column.

                        */
                        -- AlterTable
                        ALTER TABLE "Item" ALTER COLUMN "code" SET DATA TYPE TEXT,
                        ALTER COLUMN "label" SET NOT NULL,
                        ALTER COLUMN "label" SET DEFAULT 'none';
                        """, true),
                new Case("referential action changed: foreign key dropped and added", DbKind.POSTGRES,
                        "sql_schema_differ.rs foreign_keys_match (actions differ) with postgres_renderer.rs "
                                + "render_drop_foreign_key / render_add_foreign_key", RELATION_FROM,
                        RELATION_FROM.replace("references: [id])", "references: [id], onDelete: Cascade)"), """
                        -- DropForeignKey
                        ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";

                        -- AddForeignKey
                        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                        """, false),
                new Case("one-to-many made many-to-many (implicit join table)", DbKind.POSTGRES,
                        "sql_migration.rs step order (DropForeignKey, AlterTable, CreateTable, CreateIndex, "
                                + "AddForeignKey) and warning_check.rs NonEmptyColumnDrop", RELATION_FROM, MANY_TO_MANY, """
                        /*
                          Warnings:

                          - You are about to drop the column `authorId` on the `Post` table. All the data in the column will be lost.

                        */
                        -- DropForeignKey
                        ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";

                        -- AlterTable
                        ALTER TABLE "Post" DROP COLUMN "authorId";

                        -- CreateTable
                        CREATE TABLE "_PostToUser" (
                            "A" INTEGER NOT NULL,
                            "B" INTEGER NOT NULL,

                            CONSTRAINT "_PostToUser_AB_pkey" PRIMARY KEY ("A","B")
                        );

                        -- CreateIndex
                        CREATE INDEX "_PostToUser_B_index" ON "_PostToUser"("B");

                        -- AddForeignKey
                        ALTER TABLE "_PostToUser" ADD CONSTRAINT "_PostToUser_A_fkey" FOREIGN KEY ("A") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

                        -- AddForeignKey
                        ALTER TABLE "_PostToUser" ADD CONSTRAINT "_PostToUser_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                        """, true),
                new Case("index renamed through map", DbKind.POSTGRES,
                        "sql_schema_differ.rs index_should_be_renamed with postgres_renderer.rs render_rename_index", """
                        model Post {
                            id    Int    @id
                            title String

                            @@index([title])
                        }
                        """, """
                        model Post {
                            id    Int    @id
                            title String

                            @@index([title], map: "post_title")
                        }
                        """, """
                        -- RenameIndex
                        ALTER INDEX "Post_title_idx" RENAME TO "post_title";
                        """, false),
                new Case("one-to-many made many-to-many (implicit join table)", DbKind.SQLITE,
                        "sqlite_renderer.rs render_redefine_tables / render_create_table, real-world Prisma "
                                + "migrations (PRAGMA defer_foreign_keys)", RELATION_FROM, MANY_TO_MANY, """
                        /*
                          Warnings:

                          - You are about to drop the column `authorId` on the `Post` table. All the data in the column will be lost.

                        */
                        -- CreateTable
                        CREATE TABLE "_PostToUser" (
                            "A" INTEGER NOT NULL,
                            "B" INTEGER NOT NULL,
                            CONSTRAINT "_PostToUser_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                            CONSTRAINT "_PostToUser_B_fkey" FOREIGN KEY ("B") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
                        );

                        -- RedefineTables
                        PRAGMA defer_foreign_keys=ON;
                        PRAGMA foreign_keys=OFF;
                        CREATE TABLE "new_Post" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "title" TEXT NOT NULL
                        );
                        INSERT INTO "new_Post" ("id", "title") SELECT "id", "title" FROM "Post";
                        DROP TABLE "Post";
                        ALTER TABLE "new_Post" RENAME TO "Post";
                        PRAGMA foreign_keys=ON;
                        PRAGMA defer_foreign_keys=OFF;

                        -- CreateIndex
                        CREATE UNIQUE INDEX "_PostToUser_AB_unique" ON "_PostToUser"("A", "B");

                        -- CreateIndex
                        CREATE INDEX "_PostToUser_B_index" ON "_PostToUser"("B");
                        """, true),
                new Case("tables dropped and another created", DbKind.SQLITE,
                        "diff.rs from_multi_file_schema_datamodel_to_url", """
                        model cows {
                          id Int @id
                          meows Boolean
                        }

                        model dogs {
                          id Int @id
                          wouaf Boolean
                        }
                        """, """
                        model cats {
                          id    Int      @id @default(autoincrement())
                          meows Boolean? @default(true)
                        }
                        """, """
                        -- DropTable
                        PRAGMA foreign_keys=off;
                        DROP TABLE "cows";
                        PRAGMA foreign_keys=on;

                        -- DropTable
                        PRAGMA foreign_keys=off;
                        DROP TABLE "dogs";
                        PRAGMA foreign_keys=on;

                        -- CreateTable
                        CREATE TABLE "cats" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "meows" BOOLEAN DEFAULT true
                        );
                        """, false),
                new Case("required column added: unique index recreated after redefinition", DbKind.SQLITE,
                        "sqlite.rs sqlite_must_recreate_indexes; SQL as sqlite_renderer.rs render_redefine_tables, "
                                + "warning as unexecutable_step_check.rs AddedRequiredFieldToTable", """
                        model A {
                            id Int @id
                            field String @unique
                        }
                        """, """
                        model A {
                            id    Int    @id
                            field String @unique
                            other String
                        }
                        """, """
                        /*
                          Warnings:

                          - Added the required column `other` to the `A` table without a default value. This is not possible if the table is not empty.

                        */
                        -- RedefineTables
                        PRAGMA defer_foreign_keys=ON;
                        PRAGMA foreign_keys=OFF;
                        CREATE TABLE "new_A" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "field" TEXT NOT NULL,
                            "other" TEXT NOT NULL
                        );
                        INSERT INTO "new_A" ("field", "id") SELECT "field", "id" FROM "A";
                        DROP TABLE "A";
                        ALTER TABLE "new_A" RENAME TO "A";
                        CREATE UNIQUE INDEX "A_field_key" ON "A"("field");
                        PRAGMA foreign_keys=ON;
                        PRAGMA defer_foreign_keys=OFF;
                        """, true),
                new Case("optional column added, index created", DbKind.SQLITE,
                        "sqlite_renderer.rs render_alter_table (AddColumn) and render_create_index", """
                        model User {
                            id    Int    @id @default(autoincrement())
                            email String
                        }
                        """, """
                        model User {
                            id    Int     @id @default(autoincrement())
                            email String  @unique
                            bio   String?
                        }
                        """, """
                        /*
                          Warnings:

                          - A unique constraint covering the columns `[email]` on the table `User` will be added. If there are existing duplicate values, this will fail.

                        */
                        -- AlterTable
                        ALTER TABLE "User" ADD COLUMN "bio" TEXT;

                        -- CreateIndex
                        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                        """, true),
                new Case("optional column made required with a default: copied with coalesce", DbKind.SQLITE,
                        "sqlite_renderer.rs copy_current_table_into_new_table (coalesce)", """
                        model Item {
                            id    Int     @id @default(autoincrement())
                            label String?
                        }
                        """, """
                        model Item {
                            id    Int     @id @default(autoincrement())
                            label String  @default("none")
                        }
                        """, """
                        -- RedefineTables
                        PRAGMA defer_foreign_keys=ON;
                        PRAGMA foreign_keys=OFF;
                        CREATE TABLE "new_Item" (
                            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                            "label" TEXT NOT NULL DEFAULT 'none'
                        );
                        INSERT INTO "new_Item" ("id", "label") SELECT "id", coalesce("label", 'none') AS "label" FROM "Item";
                        DROP TABLE "Item";
                        ALTER TABLE "new_Item" RENAME TO "Item";
                        PRAGMA foreign_keys=ON;
                        PRAGMA defer_foreign_keys=OFF;
                        """, true));
    }

    static final String UNIQUE_FK_FROM = """
            model Post {
                id       Int    @id
                title    String
                author   User?  @relation(fields: [authorId], references: [id])
                authorId Int?   @unique
            }

            model User {
                id    Int     @id
                name  String?
                posts Post[]
            }
            """;

    static final String UNIQUE_FK_TO = UNIQUE_FK_FROM.replace("authorId Int?   @unique", "authorId Int?");

    static final String UNIQUE_TO_PK_FROM = """
            model A {
                id   Int     @unique
                name String?
            }

            model B {
                x Int
                y Int

                @@unique([x, y])
            }

            model C {
                id        Int @id
                secondary Int @unique
            }
            """;

    static final String UNIQUE_TO_PK_TO = """
            model A {
                id Int @id
            }

            model B {
                x Int
                y Int

                @@id([x, y])
            }

            model C {
                id        Int @id
                secondary Int
            }
            """;

    static final String RELATION_FROM = """
            model User {
                id    Int    @id @default(autoincrement())
                posts Post[]
            }

            model Post {
                id       Int    @id @default(autoincrement())
                title    String
                authorId Int
                author   User   @relation(fields: [authorId], references: [id])
            }
            """;

    static final String MANY_TO_MANY = """
            model User {
                id    Int    @id @default(autoincrement())
                posts Post[]
            }

            model Post {
                id      Int    @id @default(autoincrement())
                title   String
                authors User[]
            }
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameSqlAsPrisma(Case c) {
        MigrationScript script = script(c);
        String actual = c.warnings() ? script.sql(DestructiveChangeChecker.check(script)) : script.sql();
        assertEquals(c.expected(), actual, c + " (expectation: " + c.source() + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesToTheRealDatabase(Case c) throws SQLException {
        Assumptions.assumeTrue(TestDatabases.availability(c.kind()).available(), "database not available");
        MigrationScript script = script(c);
        String fresh;
        try (TestDatabase db = TestDatabases.create(c.kind(), "parity_to")) {
            db.executeAll(c.kind().dialect().createSteps(script.to()).statements());
            fresh = Catalog.dump(db, false);
        }
        try (TestDatabase db = TestDatabases.create(c.kind(), "parity_from")) {
            db.executeAll(c.kind().dialect().createSteps(script.from()).statements());
            String before = Catalog.dump(db, false);
            db.executeAll(script.statements());
            assertEquals(fresh, Catalog.dump(db, false), c + ": migrated database differs from a fresh one");
            db.executeAll(script.rollbackStatements());
            assertEquals(before, Catalog.dump(db, false), c + ": rolled-back database differs from the original");
        }
    }

    private static MigrationScript script(Case c) {
        String provider = MigrateSchemas.provider(c.kind());
        SqlSchema from = MigrateSchemas.models(provider, c.from());
        SqlSchema to = MigrateSchemas.models(provider, c.to());
        return SchemaDiffer.script(from, to, c.kind().dialect());
    }

    static List<Case> all() {
        return cases().toList();
    }
}
