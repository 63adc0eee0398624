package dev.prismaspring.psl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.CatchAll;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.FieldArity;
import dev.prismaspring.psl.ast.FieldType;
import dev.prismaspring.psl.ast.ModelDecl;
import java.util.List;
import org.junit.jupiter.api.Test;

class PslParserTest {

    @Test
    void parsesModelsFieldsAndAttributesWithSpans() {
        String text = """
                model User {
                  id    Int     @id @default(autoincrement())
                  email String? @unique @db.VarChar(191)
                  posts Post[]
                  @@map("users")
                }
                """;
        PslParser.Result result = PslParser.parse(text);
        assertThat(result.diagnostics().all()).isEmpty();
        ModelDecl user = result.ast().models().get(0);
        assertThat(user.name().name()).isEqualTo("User");
        assertThat(user.fields()).extracting(f -> f.name().name()).containsExactly("id", "email", "posts");
        Field email = user.fields().get(1);
        assertThat(email.arity()).isEqualTo(FieldArity.OPTIONAL);
        assertThat(email.attributes()).extracting(Attribute::nameText).containsExactly("unique", "db.VarChar");
        assertThat(((Expression.NumericValue) email.attribute("db.VarChar").arguments().arguments().get(0).value())
                .value()).isEqualTo("191");
        assertThat(text.substring(email.name().span().start(), email.name().span().end())).isEqualTo("email");
        Attribute defaultAttr = user.fields().get(0).attribute("default");
        Expression.FunctionCall call = (Expression.FunctionCall) defaultAttr.arguments().arguments().get(0).value();
        assertThat(call.name()).isEqualTo("autoincrement");
        assertThat(user.fields().get(2).isList()).isTrue();
        assertThat(user.attributes()).extracting(Attribute::nameText).containsExactly("map");
    }

    @Test
    void keepsDocumentationAndComments() {
        String text = """
                /// The users
                model User {
                  /// primary key
                  id Int @id // trailing
                  // not documentation
                  name String /// the name
                }
                """;
        PslParser.Result result = PslParser.parse(text);
        ModelDecl user = result.ast().models().get(0);
        assertThat(user.documentation()).isEqualTo("The users");
        assertThat(user.fields().get(0).documentation()).isEqualTo("primary key");
        assertThat(user.fields().get(0).trailingComment().raw()).isEqualTo("// trailing");
        assertThat(user.fields().get(1).documentation()).isEqualTo("the name");
    }

    @Test
    void decodesJsonStringEscapesAndReportsBadOnes() {
        PslParser.Result result = PslParser.parse("""
                datasource db {
                  provider = "postgresql"
                  url      = "a\\"b\\u00e9\\n"
                  bad      = "C:\\windows"
                }
                """);
        ConfigBlock db = result.ast().configBlocks().get(0);
        assertThat(((Expression.StringValue) db.property("url").value()).value()).isEqualTo("a\"b\u00e9\n");
        assertThat(result.diagnostics().errors()).singleElement().satisfies(d -> assertThat(d.message())
                .startsWith("Unknown escape sequence."));
    }

    @Test
    void legacyFormsAreErrorsButStayInTheTree() {
        PslParser.Result result = PslParser.parse("""
                model A {
                  id: Int @id
                  b  String!
                  c  [String]
                  d  String[]?
                }
                """);
        assertThat(result.diagnostics().errors()).extracting(Diagnostic::message).containsExactly(
                "Field declarations don't require a `:`.",
                "Fields are required by default, `!` is no longer required.",
                "To specify a list, please use `Type[]` instead of `[Type]`.",
                "Optional lists are not supported. Use either `Type[]` or `Type?`.");
        ModelDecl a = result.ast().models().get(0);
        assertThat(a.fields()).isEmpty();
        assertThat(a.items()).filteredOn(Field.class::isInstance).hasSize(4);
    }

    @Test
    void recoversFromBadLinesAndUnknownBlocks() {
        String text = """
                model A {
                  id Int @id
                  this is not a field !
                }
                foo bar
                things {
                  y
                }
                enum E {
                  ONE
                  = nope
                }
                """;
        PslParser.Result result = PslParser.parse(text);
        assertThat(result.diagnostics().errors()).extracting(Diagnostic::message).containsExactly(
                "Error validating: This line is not a valid field or attribute definition.",
                "Error validating: This line is invalid. It does not start with any known Prisma schema keyword.",
                "Error validating: This block is invalid. It does not start with any known Prisma schema keyword. "
                        + "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.",
                "Error validating: This line is not an enum value definition.");
        assertThat(result.ast().models()).hasSize(1);
        assertThat(result.ast().enums()).extracting(e -> e.values().size()).containsExactly(1);
        assertThat(result.ast().fileItems().get(0)).filteredOn(CatchAll.class::isInstance).hasSize(2);
    }

    @Test
    void unclosedBlockDegradesToLineErrors() {
        PslParser.Result result = PslParser.parse("model A {\n  id Int @id\n");
        assertThat(result.ast().models()).isEmpty();
        assertThat(result.diagnostics().errors()).hasSize(2).allSatisfy(d -> assertThat(d.message())
                .contains("does not start with any known Prisma schema keyword"));
    }

    @Test
    void parsesUnsupportedTypesViewsAndCompositeTypes() {
        PslParser.Result result = PslParser.parse("""
                view V {
                  geom Unsupported("geometry(Point, 4326)")?
                }
                type Address {
                  street String
                }
                """);
        ModelDecl view = result.ast().models().get(0);
        assertThat(view.isView()).isTrue();
        assertThat(view.fields().get(0).type()).isInstanceOfSatisfying(FieldType.Unsupported.class,
                u -> assertThat(u.typeName()).isEqualTo("geometry(Point, 4326)"));
        assertThat(result.ast().models().get(1).isCompositeType()).isTrue();
    }

    @Test
    void multiFileSchemasCarryTheirFileInEverySpan() {
        SourceFiles files = SourceFiles.of(new SourceFile("a.prisma", "model A {\n  id Int @id\n}\n"),
                new SourceFile("b.prisma", "enum B {\n  X\n}\noops\n"));
        PslParser.Result result = PslParser.parse(files);
        assertThat(result.ast().models().get(0).span().fileId()).isEqualTo(0);
        EnumDecl b = result.ast().enums().get(0);
        assertThat(b.span().fileId()).isEqualTo(1);
        Diagnostic error = result.diagnostics().errors().get(0);
        assertThat(files.fileOf(error.span()).name()).isEqualTo("b.prisma");
        assertThat(files.fileOf(error.span()).line(error.span().start())).isEqualTo(4);
    }

    @Test
    void arraysNamedArgumentsAndTrailingCommas() {
        PslParser.Result result = PslParser.parse("""
                model A {
                  a Int
                  b Int
                  @@index([a(sort: Desc), b], map: "idx", type: Hash,)
                }
                """);
        assertThat(result.diagnostics().all()).isEmpty();
        Attribute index = result.ast().models().get(0).attributes().get(0);
        assertThat(index.arguments().trailingComma()).isNotNull();
        assertThat(index.arguments().arguments()).extracting(a -> a.name() == null ? null : a.name().name())
                .containsExactly(null, "map", "type");
        Expression.ArrayValue fields = (Expression.ArrayValue) index.arguments().arguments().get(0).value();
        assertThat(fields.elements()).extracting(Expression::describe).containsExactly("functional", "constant");
    }

    @Test
    void printsDiagnosticsLikePrisma() {
        String text = "model Category {\n  id String @id @default(uuid(42))\n}\n";
        int start = text.indexOf("@default");
        Diagnostic d = Diagnostic.error("Error parsing attribute \"@default\": boom",
                new Span(0, start, text.indexOf(')', start) + 2));
        String printed = new DiagnosticPrinter(false).print(new SourceFile("schema.prisma", text), d);
        assertThat(printed).isEqualTo("""
                error: Error parsing attribute "@default": boom
                  -->  schema.prisma:2
                   | \n\
                 1 | model Category {
                 2 |   id String @id @default(uuid(42))
                   | \n\
                """);
        String colored = new DiagnosticPrinter(true).print(new SourceFile("schema.prisma", text), d);
        assertThat(colored).contains("\u001b[1;94m 2 | \u001b[0m  id String @id \u001b[1;91m@default(uuid(42))\u001b[0m\n");
        assertThat(List.of(colored.split("\n"))).hasSize(6);
    }
}
