package dev.prismaspring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The repository's own blog schema ({@code src/test/resources/schemas/blog.prisma}), without the corpus: the DDL we
 * calculate for each provider is Prisma's text and applies to a fresh database of that kind, with Prisma's names.
 */
@ExtendWith(TestDatabaseExtension.class)
class BlogDdlTest {

    private static Datamodel blog(String provider) {
        String text = TestSchemas.blog(provider);
        return DdlCorpus.validate(text, "blog.prisma (" + provider + ")").datamodel();
    }

    @Test
    void postgres(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        String ddl = SqlSchemaCalculator.renderCreate(blog("postgresql"));
        assertThat(ddl).isEqualTo("""
                -- CreateSchema
                CREATE SCHEMA IF NOT EXISTS "public";

                -- CreateEnum
                CREATE TYPE "Role" AS ENUM ('USER', 'admin');

                -- CreateTable
                CREATE TABLE "User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "name" VARCHAR(100),
                    "role" "Role" NOT NULL DEFAULT 'USER',
                    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                );

                -- CreateTable
                CREATE TABLE "Profile" (
                    "id" SERIAL NOT NULL,
                    "bio" TEXT NOT NULL,
                    "userId" INTEGER NOT NULL,

                    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
                );

                -- CreateTable
                CREATE TABLE "posts" (
                    "id" TEXT NOT NULL,
                    "title" TEXT NOT NULL,
                    "content" TEXT,
                    "published" BOOLEAN NOT NULL DEFAULT false,
                    "authorId" INTEGER NOT NULL,
                    "updatedAt" TIMESTAMP(3) NOT NULL,

                    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
                );

                -- CreateTable
                CREATE TABLE "Tag" (
                    "id" SERIAL NOT NULL,
                    "name" TEXT NOT NULL,

                    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
                );

                -- CreateTable
                CREATE TABLE "_PostToTag" (
                    "A" TEXT NOT NULL,
                    "B" INTEGER NOT NULL,

                    CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A","B")
                );

                -- CreateIndex
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

                -- CreateIndex
                CREATE UNIQUE INDEX "Profile_userId_key" ON "Profile"("userId");

                -- CreateIndex
                CREATE INDEX "posts_title_idx" ON "posts"("title");

                -- CreateIndex
                CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");

                -- CreateIndex
                CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B");

                -- AddForeignKey
                ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

                -- AddForeignKey
                ALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

                -- AddForeignKey
                ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

                -- AddForeignKey
                ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
                """);
        db.execute(ddl);
        assertThat(db.catalog()).contains(
                "constraint public.posts.\"posts_authorId_fkey\": FOREIGN KEY (\"authorId\") REFERENCES public.\"User\" (id) ON DELETE RESTRICT ON UPDATE CASCADE",
                "index public.\"_PostToTag\".\"_PostToTag_B_index\": btree (\"B\" ASC)");
    }

    @Test
    void mysql(@FreshDatabase(DbKind.MYSQL) TestDatabase db) throws Exception {
        String ddl = SqlSchemaCalculator.renderCreate(blog("mysql"));
        assertThat(ddl).contains("""
                CREATE TABLE `User` (
                    `id` INTEGER NOT NULL AUTO_INCREMENT,
                    `email` VARCHAR(191) NOT NULL,
                    `name` VARCHAR(100) NULL,
                    `role` ENUM('USER', 'admin') NOT NULL DEFAULT 'USER',
                    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

                    UNIQUE INDEX `User_email_key`(`email`),
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;""", """
                CREATE TABLE `_PostToTag` (
                    `A` VARCHAR(191) NOT NULL,
                    `B` INTEGER NOT NULL,

                    UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`),
                    INDEX `_PostToTag_B_index`(`B`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;""",
                "`published` BOOLEAN NOT NULL DEFAULT false,",
                "ALTER TABLE `posts` ADD CONSTRAINT `posts_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES "
                        + "`User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;");
        db.execute(ddl);
        assertThat(db.catalog()).contains("column `posts`.`published`: tinyint(1) NOT NULL DEFAULT 0",
                "index `User`.`User_email_key`: UNIQUE (`email`)",
                "foreign-key `_PostToTag`.`_PostToTag_A_fkey`: (`A`) REFERENCES `posts` (`id`) ON DELETE CASCADE");
    }

    @Test
    void sqlite(@FreshDatabase(DbKind.SQLITE) TestDatabase db) throws Exception {
        String ddl = SqlSchemaCalculator.renderCreate(blog("sqlite"));
        assertThat(ddl).contains("""
                CREATE TABLE "User" (
                    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "email" TEXT NOT NULL,
                    "name" TEXT,
                    "role" TEXT NOT NULL DEFAULT 'USER',
                    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
                );""", """
                CREATE TABLE "posts" (
                    "id" TEXT NOT NULL PRIMARY KEY,
                    "title" TEXT NOT NULL,
                    "content" TEXT,
                    "published" BOOLEAN NOT NULL DEFAULT false,
                    "authorId" INTEGER NOT NULL,
                    "updatedAt" DATETIME NOT NULL,
                    CONSTRAINT "posts_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
                );""",
                "CREATE UNIQUE INDEX \"_PostToTag_AB_unique\" ON \"_PostToTag\"(\"A\", \"B\");");
        db.execute(ddl);
        assertThat(db.catalog()).contains("table \"_PostToTag\"",
                "index \"posts\".\"posts_title_idx\": (\"title\" ASC) origin=c");
    }
}
