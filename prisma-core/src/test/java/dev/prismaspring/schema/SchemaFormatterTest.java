package dev.prismaspring.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaFormatterTest {

    @Test
    void addsThePluralBackRelationField() {
        assertThat(SchemaFormatter.format("""
                model Group {
                  id Int @id
                }

                model Category {
                  id      Int   @id
                  groupId Int
                  group   Group @relation(fields: [groupId], references: [id])
                }
                """)).isEqualTo("""
                model Group {
                  id         Int        @id
                  categories Category[]
                }

                model Category {
                  id      Int   @id
                  groupId Int
                  group   Group @relation(fields: [groupId], references: [id])
                }
                """);
    }

    @Test
    void addsTheForwardSideWithForeignKeyFields() {
        assertThat(SchemaFormatter.format("""
                model User {
                  id    String @id
                  posts Post[]
                }

                model Post {
                  id Int @id
                }
                """)).isEqualTo("""
                model User {
                  id    String @id
                  posts Post[]
                }

                model Post {
                  id     Int     @id
                  user   User?   @relation(fields: [userId], references: [id])
                  userId String?
                }
                """);
    }

    @Test
    void completesAnIncompleteRelationAttribute() {
        assertThat(SchemaFormatter.format("""
                model User {
                  id    Int    @id
                  posts Post[]
                }

                model Post {
                  id     Int  @id
                  userId Int
                  user   User @relation("x")
                }
                """)).contains("user   User @relation(\"x\", fields: [userId], references: [id])");
    }

    @Test
    void putsAddedFieldsIntoTheFileOfTheirModel() {
        List<String> out = SchemaFormatter.format(SourceFiles.of(
                new SourceFile("a.prisma", "model User {\n  id Int @id\n  post Post\n}\n"),
                new SourceFile("b.prisma", "model Post {\n  id Int @id\n}\n")));
        assertThat(out.get(0)).isEqualTo("model User {\n  id     Int  @id\n"
                + "  post   Post @relation(fields: [postId], references: [id])\n  postId Int\n}\n");
        assertThat(out.get(1)).isEqualTo("model Post {\n  id    Int    @id\n  users User[]\n}\n");
    }

    @Test
    void leavesSchemasWithUnknownTypesAlone() {
        assertThat(SchemaFormatter.format("model A {\n  id Int @id\n  b Nope\n}\n"))
                .isEqualTo("model A {\n  id Int  @id\n  b  Nope\n}\n");
    }
}
