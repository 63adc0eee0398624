package dev.prismaspring.bench;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;

/**
 * The schema of the end-to-end benchmarks: users, their posts, tags on posts (an implicit m-n relation). The same
 * text (with a generator block) is {@code benchmarks/node/prisma/schema.prisma}, so Prisma's Node.js client reads
 * the very tables the JMH cases read.
 */
public final class BenchSchema {

    /** Users seeded; each has {@link #POSTS_PER_USER} posts. */
    public static final int USERS = 1_000;
    public static final int POSTS_PER_USER = 10;
    public static final int TAGS = 20;
    /** Tags linked to each post. */
    public static final int TAGS_PER_POST = 2;

    private BenchSchema() {
    }

    /** The schema text for {@code provider} ({@code postgresql} or {@code sqlite}). */
    public static String text(String provider) {
        return """
                datasource db {
                  provider = "%s"
                }

                model User {
                  id        Int      @id @default(autoincrement())
                  email     String   @unique
                  name      String?
                  role      Role     @default(USER)
                  createdAt DateTime @default(now())
                  posts     Post[]
                }

                model Post {
                  id        Int      @id @default(autoincrement())
                  title     String
                  content   String?
                  published Boolean  @default(false)
                  views     Int      @default(0)
                  authorId  Int
                  author    User     @relation(fields: [authorId], references: [id], onDelete: Cascade)
                  tags      Tag[]
                  createdAt DateTime @default(now())

                  @@index([authorId])
                }

                model Tag {
                  id    Int    @id @default(autoincrement())
                  name  String @unique
                  posts Post[]
                }

                enum Role {
                  USER
                  ADMIN
                }
                """.formatted(provider);
    }

    /** The validated datamodel for {@code provider}; fails loudly if the schema text is invalid. */
    public static Datamodel datamodel(String provider) {
        ValidatedSchema v = SchemaValidator.validate(text(provider));
        if (!v.isValid()) {
            throw new IllegalStateException("the benchmark schema is invalid: " + v.diagnostics().errors());
        }
        return v.datamodel();
    }
}
