package dev.prismaspring.psl.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PslFormatterTest {

    private static String format(String text) {
        String formatted = PslFormatter.format(text);
        assertThat(PslFormatter.format(formatted)).as("idempotent").isEqualTo(formatted);
        return formatted;
    }

    @Test
    void alignsColumnsAndResetsThemOnBlankLines() {
        assertThat(format("""
                model User {
                  id Int @id
                  emailAddress String @unique
                
                
                  a Int
                  bb String?
                }
                """)).isEqualTo("""
                model User {
                  id           Int    @id
                  emailAddress String @unique

                  a  Int
                  bb String?
                }
                """);
    }

    @Test
    void measuresColumnsInUtf8BytesAsPrismaDoes() {
        assertThat(format("model A {\n  ä Int\n  bb String\n}\n"))
                .isEqualTo("model A {\n  ä Int\n  bb String\n}\n");
    }

    @Test
    void movesBlockAttributesToTheEndWithTheirCommentInPrismaOrder() {
        assertThat(format("""
                model Post {
                  // the key
                  @@map("posts")
                  id Int
                  @@index([title])
                  // composite id
                  @@id([id])
                  title String // the title
                
                }
                """)).isEqualTo("""
                model Post {
                  id    Int
                  title String // the title

                  // composite id
                  @@id([id])
                  @@index([title])
                  // the key
                  @@map("posts")
                }
                """);
    }

    @Test
    void sortsFieldAttributesStably() {
        assertThat(format("model A {\n  id Int @db.Int @map(\"x\") @default(1) @custom @id @unique\n}\n"))
                .isEqualTo("model A {\n  id Int @id @unique @default(1) @map(\"x\") @db.Int @custom\n}\n");
    }

    @Test
    void rewritesLegacyFormsAndDropsTextAfterTheOpeningBrace() {
        assertThat(format("model A { // note\n  a: Int!\n  b [String]\n  c String[]?\n}\n"))
                .isEqualTo("model A {\n  a Int\n  b String[]\n  c String[]?\n}\n");
    }

    @Test
    void canonicalisesMultiLineComments() {
        assertThat(format("/* one\n   * two\n\n three */\nmodel A {\n  /** doc */\n  id Int\n}\n"))
                .isEqualTo("/**\n * one\n * two\n * three\n */\nmodel A {\n  /**\n   * doc\n   */\n  id Int\n}\n");
    }

    @Test
    void keepsUnparseableLinesWithoutLettingThemShapeTheTable() {
        assertThat(format("model A {\n  id Int @id\n  what is this\n  longerName String\n}\nnonsense here\n"))
                .isEqualTo("model A {\n  id         Int    @id\n  what is this\n  longerName String\n}\n\nnonsense here\n");
    }

    @Test
    void normalisesBlankLinesBetweenBlocksAndAtTheEnds() {
        assertThat(format("\n\n// top\nenum Role {\n\n  USER\n  ADMIN @map(\"admin\")\n\n}\n\n\n\ngenerator g {\n"
                + "  provider = \"x\"\n  output = \"y\" // out\n}\n\n\n"))
                .isEqualTo("// top\nenum Role {\n  USER\n  ADMIN @map(\"admin\")\n}\n\ngenerator g {\n"
                        + "  provider = \"x\"\n  output   = \"y\" // out\n}\n");
    }

    @Test
    void handlesCrlfInput() {
        assertThat(format("model A {\r\n  id Int @id // c\r\n\r\n  b String\r\n}\r\n"))
                .isEqualTo("model A {\n  id Int @id // c\n\n  b String\n}\n");
    }

    @Test
    void formatsArgumentsCanonically() {
        assertThat(format("model A {\n  id Int\n  @@index(fields:[id ,  id( sort : Desc) ], map: \"x\",)\n}\n"))
                .isEqualTo("model A {\n  id Int\n\n  @@index(fields: [id, id(sort: Desc)], map: \"x\")\n}\n");
    }

    @Test
    void emptySchemaIsOneNewline() {
        assertThat(PslFormatter.format("")).isEqualTo("\n");
        assertThat(PslFormatter.format("\n\n  \n")).isEqualTo("\n");
    }
}
