package dev.prismaspring.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Focused checks of rules that the corpus covers thinly, and of the resolved {@link Datamodel}. */
class SchemaValidatorTest {

    private static final String PG = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            """;

    /** Models {@code A} and {@code B}, {@code B.a} pointing at {@code A} with these extra {@code @relation} arguments. */
    private static String oneToMany(String relationArguments, String modelBTail) {
        return "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id  Int @id\n  aId Int\n"
                + "  a   A   @relation(fields: [aId], references: [id]" + relationArguments + ")\n" + modelBTail + "}\n";
    }

    private static List<String> errors(String schema) {
        return SchemaValidator.validate(schema).diagnostics().errors().stream().map(Diagnostic::message).toList();
    }

    private static List<String> warnings(String schema) {
        return SchemaValidator.validate(schema).diagnostics().warnings().stream().map(Diagnostic::message).toList();
    }

    @Test
    void nativeTypesAreCheckedPerConnector() {
        assertThat(errors(PG + """
                model A {
                  id Int    @id
                  a  String @db.VarChar(20)
                  b  Int    @db.Text
                  c  String @db.Nope
                  d  String @db.VarChar(1, 2)
                  e  DateTime @db.Timestamp(7)
                  f  String @pg.Text
                }
                """)).containsExactly(
                "Native type Text is not compatible with declared field type Int, expected field type String.",
                "Native type Nope is not supported for postgresql connector.",
                "Native type VarChar takes 1 optional arguments, but received 2.",
                "Argument M is out of range for native type `Timestamp(7)` of Postgres: M can range from 0 to 6.",
                "The prefix pg is invalid. It must be equal to the name of an existing datasource e.g. db. Did you mean "
                        + "to use db.Text?");
        assertThat(errors("datasource db {\n  provider = \"sqlite\"\n  url = \"file:x\"\n}\n"
                + "model A {\n  id Int @id\n  a String @db.Text\n}\n"))
                .containsExactly("Native type Text is not supported for sqlite connector.");
    }

    @Test
    void postgresIndexRulesRunInTheValidator() {
        assertThat(errors(PG + """
                model A {
                  id Int    @id
                  a  String
                  b  String @db.Xml
                  @@index([a(ops: InetOps)], type: Gin)
                  @@index([b])
                }
                """)).containsExactly(
                "Error parsing attribute \"@@index\": The given operator class `InetOps` is not supported with the "
                        + "`Gin` index type.",
                "You cannot define an index on fields with native type `Xml` of Postgres.");
    }

    @Test
    void operatorClassesMustBeKnownOrRaw() {
        assertThat(errors(PG + """
                model A {
                  id Int    @id
                  a  String
                  b  Json
                  c  String
                  @@index([a(ops: NoSuchOps)], type: Gin)
                  @@index([b(ops: raw(1))], type: Gin)
                  @@index([c(ops: raw("text_ops"))], type: SpGist)
                }
                """)).containsExactly(
                "Unexpected token. Expected one of: Invalid operator class: NoSuchOps",
                "Unexpected token. Expected one of: Invalid parameter type: expected string");
    }

    @Test
    void messagesWithoutACorpusFixture() {
        assertThat(errors(PG + "model Prisma {\n  id Int @id\n}\n")).singleElement().asString()
                .endsWith("Read more at https://pris.ly/d/naming-models");
        assertThat(errors("""
                datasource db {
                  provider = "sqlite"
                  url      = "file:x"
                }
                """ + oneToMany(", map: \"fk\"", ""))).containsExactly(
                "Error parsing attribute \"@relation\": Your provider does not support named foreign keys.");
        assertThat(errors(PG + """
                generator client {
                  provider        = "prisma-client"
                  previewFeatures = ["views"]
                }
                model A {
                  id Int @id
                  vs V[]
                }
                view V {
                  id Int @unique
                  as A[]
                }
                """)).contains("Error validating: Implicit many-to-many relations are not supported for views.");
    }

    @Test
    void unsupportedProviderGetsOneClearError() {
        ValidatedSchema r = SchemaValidator.validate("""
                datasource db {
                  provider = "sqlserver"
                  url      = env("DATABASE_URL")
                }
                """);
        assertThat(r.diagnostics().errors()).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("\"sqlserver\" is not supported").contains("\"postgresql\"")
                    .contains("\"mysql\"").contains("\"sqlite\"");
            assertThat(r.files().get(0).slice(d.span())).isEqualTo("\"sqlserver\"");
        });
    }

    @Test
    void urlDirectUrlAndShadowUrlAreAcceptedAndUrlIsNotRequired() {
        assertThat(errors(PG.replace("}", "  directUrl = env(\"D\")\n  shadowDatabaseUrl = env(\"S\")\n}")
                + "model A {\n  id Int @id\n}\n")).isEmpty();
        assertThat(errors("datasource db {\n  provider = \"sqlite\"\n}\nmodel A {\n  id Int @id\n}\n")).isEmpty();
    }

    @Test
    void metricsIsADeprecatedPreviewFeatureAndUnknownFeaturesAreErrors() {
        String schema = PG + """
                generator client {
                  provider        = "prisma-client"
                  previewFeatures = ["metrics", "nope"]
                }
                """;
        assertThat(warnings(schema)).containsExactly(
                "Preview feature \"metrics\" is deprecated. It will be removed in a future version of Prisma.");
        assertThat(errors(schema)).singleElement().asString()
                .startsWith("The preview feature \"nope\" is not known. Expected one of: fullTextSearchPostgres,");
    }

    @Test
    void datasourceErrorsStopLaterValidation() {
        String schema = """
                datasource db {
                  provider = "postgresql"
                  foo      = "bar"
                }
                model A {
                  x Int
                }
                """;
        // the missing unique criteria on A is not reported while the datasource is invalid
        assertThat(errors(schema)).containsExactly("Property not known: \"foo\".");
    }

    @Test
    void relationsAreResolvedIntoTheDatamodel() {
        ValidatedSchema r = SchemaValidator.validate(PG + """
                model User {
                  id      Int      @id @default(autoincrement())
                  email   String   @unique @db.VarChar(200)
                  posts   Post[]
                  profile Profile?
                  tags    Tag[]
                }
                model Profile {
                  id     Int  @id
                  userId Int  @unique
                  user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
                }
                model Post {
                  id       String @id @default(uuid(7))
                  authorId Int
                  author   User   @relation(fields: [authorId], references: [id])

                  @@index([authorId(sort: Desc)], map: "by_author")
                }
                model Tag {
                  id    Int    @id
                  users User[]
                }
                """);
        assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
        Datamodel dm = r.datamodel();
        assertThat(dm.provider()).isEqualTo(Provider.POSTGRESQL);
        Datamodel.Model user = dm.model("User").orElseThrow();
        assertThat(user.primaryKey().fields()).extracting(Datamodel.IndexField::name).containsExactly("id");
        Datamodel.ScalarField id = (Datamodel.ScalarField) user.field("id").orElseThrow();
        assertThat(id.defaultValue()).isInstanceOf(Datamodel.Autoincrement.class);
        Datamodel.ScalarField email = (Datamodel.ScalarField) user.field("email").orElseThrow();
        assertThat(email.nativeType()).isEqualTo(new Datamodel.NativeType("VarChar", List.of("200")));
        assertThat(user.indexes()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Datamodel.IndexKind.UNIQUE);
            assertThat(i.fieldLevel()).isTrue();
        });
        Datamodel.RelationField posts = (Datamodel.RelationField) user.field("posts").orElseThrow();
        assertThat(posts.kind()).isEqualTo(Datamodel.RelationKind.ONE_TO_MANY);
        assertThat(posts.relationName()).isEqualTo("PostToUser");
        assertThat(posts.backRelationField()).isEqualTo("author");
        Datamodel.RelationField tags = (Datamodel.RelationField) user.field("tags").orElseThrow();
        assertThat(tags.kind()).isEqualTo(Datamodel.RelationKind.MANY_TO_MANY);
        Datamodel.RelationField profileUser = (Datamodel.RelationField) dm.model("Profile").orElseThrow()
                .field("user").orElseThrow();
        assertThat(profileUser.kind()).isEqualTo(Datamodel.RelationKind.ONE_TO_ONE);
        assertThat(profileUser.onDelete()).isEqualTo(Datamodel.ReferentialAction.Cascade);
        assertThat(profileUser.onUpdate()).isNull();
        assertThat(profileUser.fields()).containsExactly("userId");
        Datamodel.Model post = dm.model("Post").orElseThrow();
        assertThat(((Datamodel.ScalarField) post.field("id").orElseThrow()).defaultValue())
                .isEqualTo(new Datamodel.Uuid(7));
        assertThat(post.indexes()).singleElement().satisfies(i -> {
            assertThat(i.map()).isEqualTo("by_author");
            assertThat(i.fields()).containsExactly(new Datamodel.IndexField("authorId", Datamodel.SortOrder.Desc,
                    null, null));
        });
    }

    @Test
    void missingOppositeRelationField() {
        assertThat(errors(PG + """
                model A {
                  id  Int @id
                  bId Int
                  b   B   @relation(fields: [bId], references: [id])
                }
                model B {
                  id Int @id
                }
                """)).containsExactly("Error validating field `b` in model `A`: The relation field `b` on model `A` is "
                + "missing an opposite relation field on the model `B`. Either run `prisma format` or add it manually.");
    }

    @Test
    void ambiguousRelationsStopValidation() {
        assertThat(errors(PG + """
                model N {
                  id       Int  @id
                  parentId Int?
                  parent   N?   @relation(fields: [parentId], references: [id])
                  children N[]
                }
                """)).singleElement().asString().contains("Ambiguous self relation detected. The fields `parent` and "
                + "`children` in model `N` both refer to `N`.");
    }

    @Test
    void oneToOneNeedsUniqueFields() {
        assertThat(errors(PG + """
                model U {
                  id      Int @id
                  profile P?
                }
                model P {
                  id     Int @id
                  userId Int
                  user   U   @relation(fields: [userId], references: [id])
                }
                """)).containsExactly("Error parsing attribute \"@relation\": A one-to-one relation must use unique "
                + "fields on the defining side. Either add an `@unique` attribute to the field `userId`, or change the "
                + "relation to one-to-many.");
    }

    @Test
    void setNullOnRequiredFieldWarnsOnPostgresWithForeignKeys() {
        String schema = PG + oneToMany(", onDelete: SetNull", "");
        assertThat(errors(schema)).isEmpty();
        assertThat(warnings(schema)).singleElement().asString()
                .startsWith("The `onDelete` referential action of a relation should not be set to `SetNull`");
        String prismaMode = schema.replace("url      = env(\"DATABASE_URL\")", "relationMode = \"prisma\"");
        assertThat(errors(prismaMode)).singleElement().asString()
                .contains("must not be set to `SetNull` when a referenced field is required.");
    }

    @Test
    void noActionIsNotEmulatedOnPostgres() {
        assertThat(errors("""
                datasource db {
                  provider     = "postgresql"
                  relationMode = "prisma"
                }
                """ + oneToMany(", onDelete: NoAction", "\n  @@index([aId])\n"))).singleElement().asString().startsWith("Error validating: Invalid referential action: `NoAction`. "
                + "Allowed values: (`Cascade`, `Restrict`, `SetNull`). `NoAction` is not implemented for");
    }

    @Test
    void defaultValueRules() {
        assertThat(errors(PG + """
                enum Role {
                  USER
                  ADMIN
                }
                model D {
                  id Int    @id
                  i  Int    @default("x")
                  r  Role   @default(GUEST)
                  u  Int    @default(uuid())
                  n  String @default(nanoid(1))
                }
                """)).containsExactly(
                "Error parsing attribute \"@default\": Expected a Int value, but found `\"x\"`.",
                "Error parsing attribute \"@default\": The defined default value `GUEST` is not a valid value of the "
                        + "enum specified for the field.",
                "Error parsing attribute \"@default\": The function `uuid()` cannot be used on fields of type `Int`.",
                "Error parsing attribute \"@default\": `nanoid()` takes either no argument, or a single integer "
                        + "argument between 2 and 255.");
        assertThat(errors(PG + """
                model D {
                  id Int      @id
                  j  Json     @default("{oops")
                  t  DateTime @default("yesterday")
                }
                """)).hasSize(2).allSatisfy(m -> assertThat(m).startsWith("Error parsing attribute \"@default\": Parse error"));
        assertThat(errors(PG + "model D {\n  id Int @id\n  x String @default(foo())\n}\n")).containsExactly(
                "Unknown function in @default(): `foo` is not known. You can read about the available functions here: "
                        + "https://pris.ly/d/attribute-functions");
    }

    @Test
    void uniqueCriteriaIsRequiredOnModelsButNotOnViews() {
        assertThat(errors(PG + "model A {\n  x Int\n}\n")).singleElement().asString()
                .startsWith("Error validating model \"A\": Each model must have at least one unique criteria");
        String views = PG + "generator c {\n  provider = \"prisma-client\"\n  previewFeatures = [\"views\"]\n}\n"
                + "view V {\n  x Int\n}\n";
        assertThat(errors(views)).isEmpty();
        assertThat(errors(views.replace("x Int", "x Int @id"))).containsExactly(
                "Error validating: Views cannot have primary keys.");
    }

    @Test
    void nativeTypePrefixMustBeTheDatasourceName() {
        assertThat(errors(PG + "model A {\n  id Int @id\n  s String @pg.VarChar(3)\n}\n")).containsExactly(
                "The prefix pg is invalid. It must be equal to the name of an existing datasource e.g. db. Did you mean "
                        + "to use db.VarChar?");
    }

    @Test
    void unknownTypesSuggestTheRightCase() {
        assertThat(errors(PG + "model A {\n  id Int @id\n  s string\n}\n")).containsExactly(
                "Type \"string\" is neither a built-in type, nor refers to another model, composite type, or enum. "
                        + "Did you mean \"String\"?");
    }

    @Test
    void scalarListsOnlyOnPostgres() {
        assertThat(errors("datasource db {\n  provider = \"mysql\"\n}\nmodel A {\n  id Int @id\n  l Int[]\n}\n"))
                .containsExactly("Field \"l\" in model \"A\" can't be a list. The current connector does not support "
                        + "lists of primitive types.");
    }
}
