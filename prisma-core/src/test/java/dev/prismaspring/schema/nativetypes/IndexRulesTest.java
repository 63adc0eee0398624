package dev.prismaspring.schema.nativetypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexRulesTest {

    /** A datasource of this provider and a model {@code A} with this body, through the validator. */
    private static TestSchema schema(String provider, String modelBody) {
        return new TestSchema("datasource db {\n  provider = \"" + provider + "\"\n  url = \"x\"\n}\n\nmodel A {\n"
                + modelBody + "\n}\n");
    }

    private static List<String> errors(String provider, String modelBody) {
        return ruleErrors(schema(provider, modelBody)).stream().map(Diagnostic::message).toList();
    }

    /**
     * The validator's errors without the constraint-name clashes: the schemas here index the same field several times
     * to try several rules at once, which Prisma also rejects for the duplicate default index names.
     */
    private static List<Diagnostic> ruleErrors(TestSchema h) {
        return h.result.diagnostics().errors().stream()
                .filter(e -> !e.message().contains("has to be unique in the following namespace")).toList();
    }

    private static String wrapped(String attribute, String message) {
        return "Error parsing attribute \"" + attribute + "\": " + message;
    }

    // ------------------------------------------------------------------ PostgreSQL index types and operator classes

    @Test
    void postgresAcceptsValidOperatorClasses() {
        assertThat(errors("postgresql", """
                  id Int    @id
                  a  String @db.Inet
                  b  Json
                  c  Int[]
                  d  String @db.VarChar(20)
                  e  DateTime
                  f  String @db.Uuid
                  g  Float
                  @@index([a(ops: InetOps)], type: Gist)
                  @@index([b(ops: JsonbPathOps)], type: Gin)
                  @@index([c], type: Gin)
                  @@index([c(ops: ArrayOps)], type: Gin)
                  @@index([d(ops: TextOps)], type: SpGist)
                  @@index([d], type: SpGist)
                  @@index([e(ops: TimestampMinMaxMultiOps)], type: Brin)
                  @@index([e], type: Brin)
                  @@index([f(ops: UuidBloomOps)], type: Brin)
                  @@index([g(ops: Float8BloomOps)], type: Brin)
                  @@index([a(ops: raw("whatever"))], type: Brin)
                  @@index([a], type: Hash)
                """)).isEmpty();
    }

    @Test
    void ginRules() {
        assertThat(errors("postgresql", """
                  id Int    @id
                  a  Int
                  b  String
                  c  Json   @db.Json
                  @@index([a(ops: ArrayOps)], type: Gin)
                  @@index([b(ops: JsonbOps)], type: Gin)
                  @@index([b], type: Gin)
                  @@index([c], type: Gin)
                """)).containsExactly(
                wrapped("@@index", "The given operator class `ArrayOps` expects the type of field `a` to be an array."),
                wrapped("@@index", "The given operator class `JsonbOps` points to the field `b` that is not of Json type."),
                wrapped("@@index", "The Gin index type does not support the type of the field `b`."),
                wrapped("@@index", "The Gin index field type `Json` has no default operator class."));
    }

    @Test
    void brinRules() {
        assertThat(errors("postgresql", """
                  id Int     @id
                  a  String
                  b  Boolean
                  c  String  @db.Xml
                  d  String  @db.Char(3)
                  @@index([a(ops: Int4MinMaxOps)], type: Brin)
                  @@index([b], type: Brin)
                  @@index([d(ops: TextBloomOps)], type: Brin)
                """)).containsExactly(
                wrapped("@@index", "The given operator class `Int4MinMaxOps` points to the field `a` that is not of Int type."),
                wrapped("@@index", "The Brin index type does not support the type of the field `b`."),
                wrapped("@@index", "The given operator class `TextBloomOps` does not support native type `Char` of field `d`."));
    }

    @Test
    void gistWithoutOperatorClassOnNativeType() {
        assertThat(errors("postgresql", """
                  id Int    @id
                  a  String @db.Inet
                  b  Int
                  @@index([a], type: Gist)
                  @@index([b], type: Gist)
                """)).containsExactly(
                wrapped("@@index", "The Gist index field type `Inet` has no default operator class."),
                wrapped("@@index", "The Gist index type does not support the type of the field `b`."));
    }

    @Test
    void spGistIsSingleColumn() {
        assertThat(errors("postgresql", """
                  id Int    @id
                  a  String
                  b  String
                  @@index([a, b], type: SpGist)
                """)).containsExactly(wrapped("@@index", "SpGist does not support multi-column indices."));
    }

    @Test
    void operatorClassesOnlyOnNormalIndexes() {
        assertThat(errors("postgresql", """
                  id Int    @id
                  a  String @db.Inet
                  @@unique([a(ops: InetOps)])
                """)).containsExactly(
                // Prisma's operator class checks run on every index, the default type being BTree
                wrapped("@@unique", "The given operator class `InetOps` is not supported with the `BTree` index type."),
                wrapped("@@unique", "Operator classes can only be defined to fields in an @@index attribute."));
    }

    @Test
    void hashIndexesCannotSort() {
        assertThat(errors("postgresql", """
                  id Int    @id
                  a  String
                  @@index([a(sort: Desc)], type: Hash)
                """)).containsExactly(wrapped("@@index", "Hash type does not support sort option."));
    }

    @Test
    void xmlCannotBeIndexedOnPostgres() {
        TestSchema h = schema("postgresql", """
                  id Int    @id
                  a  String @db.Xml
                  b  String @db.Xml @unique
                  @@index([a])
                """);
        List<Diagnostic> errors = ruleErrors(h);
        assertThat(errors).extracting(Diagnostic::message).containsExactly(
                "Native type `Xml` cannot be unique in Postgres.",
                "You cannot define an index on fields with native type `Xml` of Postgres.");
        // Prisma points at the field declaration
        assertThat(errors.get(0).span().start()).isEqualTo(h.text.indexOf("b  String @db.Xml"));
        assertThat(errors.get(1).span().start()).isEqualTo(h.text.indexOf("a  String @db.Xml"));
    }

    @Test
    void indexTypeUnsupportedOutsidePostgresPointsAtTheTypeArgument() {
        TestSchema h = schema("sqlite", """
                  id Int @id
                  a  Int
                  @@index([a], type: Hash)
                  @@index([a], type: BTree)
                """);
        List<Diagnostic> errors = ruleErrors(h);
        assertThat(errors).extracting(Diagnostic::message).containsExactly(wrapped("@@index", IndexRules.INDEX_TYPE_NOT_SUPPORTED));
        assertThat(errors.get(0).span().start()).isEqualTo(h.text.indexOf("type: Hash"));
    }

    // ------------------------------------------------------------------ primary keys

    @Test
    void primaryKeySortOrderIsNotSupported() {
        for (String provider : List.of("postgresql", "mysql", "sqlite")) {
            assertThat(errors(provider, "  id Int @id(sort: Desc)")).as(provider)
                    .containsExactly(wrapped("@id", IndexRules.SORT_NOT_SUPPORTED_IN_PRIMARY_KEY));
            assertThat(errors(provider, "  a Int\n  b Int\n  @@id([a, b(sort: Desc)])")).as(provider)
                    .containsExactly(wrapped("@@id", IndexRules.SORT_NOT_SUPPORTED_IN_PRIMARY_KEY));
        }
    }

    @Test
    void namedPrimaryKeysOnlyOnPostgres() {
        assertThat(errors("postgresql", "  id Int @id(map: \"pk\")")).isEmpty();
        for (String provider : List.of("mysql", "sqlite")) {
            assertThat(errors(provider, "  a Int\n  b Int\n  @@id([a, b], map: \"pk\")")).as(provider)
                    .containsExactly("Error validating model \"A\": " + IndexRules.NAMED_PRIMARY_KEY_NOT_SUPPORTED);
        }
    }

    // ------------------------------------------------------------------ length prefixes, clustering

    @Test
    void lengthOnlyOnMysql() {
        assertThat(errors("postgresql", """
                  id String @id(length: 10)
                  a  String
                  @@index([a(length: 10)])
                """)).containsExactly(
                wrapped("@id", IndexRules.LENGTH_NOT_SUPPORTED_IN_PRIMARY_KEY),
                wrapped("@@index", IndexRules.LENGTH_NOT_SUPPORTED_IN_INDEX));
    }

    @Test
    void mysqlLengthOnlyOnStringOrBytes() {
        assertThat(errors("mysql", """
                  id Int @id
                  a  Int
                  b  String @db.Text
                  @@index([a(length: 10), b(length: 20)])
                """)).containsExactly(wrapped("@@index", IndexRules.LENGTH_WRONG_TYPE));
    }

    @Test
    void mysqlTextAndBlobKeys() {
        assertThat(errors("mysql", """
                  id String @id @db.Text
                  a  Bytes  @db.Blob
                  b  String @db.LongText
                  c  String @db.MediumText
                  @@unique([a])
                  @@index([b(length: 100)])
                  @@fulltext([c])
                """)).containsExactly(
                "Native type `Blob` cannot be unique in MySQL. Please use the `length` argument to the field in the index definition to allow this.",
                "Native type `Text` of MySQL cannot be used on a field that is `@id` or `@@id`. Please use the `length` argument to the field in the index definition to allow this.");
    }

    @Test
    void clusteringIsNeverSupported() {
        assertThat(errors("mysql", """
                  id Int @id(clustered: true)
                  a  Int @unique(clustered: false)
                """)).containsExactly(
                wrapped("@id", IndexRules.CLUSTERING_NOT_SUPPORTED),
                wrapped("@unique", IndexRules.CLUSTERING_NOT_SUPPORTED));
    }

    @Test
    void directUseWithoutTheParser() {
        Span at = new Span(0, 10, 20);
        IndexDefinition index = IndexDefinition.of(IndexKind.NORMAL, "@@index", at, List.of(
                        IndexFieldInfo.of("a", "String", NativeType.of("VarBit", "4")).withOperatorClass("BitMinMaxOps", false)))
                .withAlgorithm(IndexAlgorithm.Brin, new Span(0, 15, 19));
        Diagnostics d = new Diagnostics();
        IndexRules.validateModelConnectorSpecific(Provider.POSTGRESQL, List.of(index), null, d);
        IndexRules.validateIndex(Provider.POSTGRESQL, index, d);
        assertThat(d.errors()).containsExactly(Diagnostic.error(
                "Error parsing attribute \"@@index\": The given operator class `BitMinMaxOps` does not support native type `VarBit` of field `a`.", at));
    }

    @Test
    void uuidMinMaxMultiOpsPrintsAsPrismaDoes() {
        assertThat(OperatorClass.UuidMinMaxMultiOps.displayName()).isEqualTo("BitMinMaxOps");
        assertThat(OperatorClass.fromName("UuidMinMaxMultiOps")).contains(OperatorClass.UuidMinMaxMultiOps);
        assertThat(OperatorClass.InetOps.supportsIndexType(IndexAlgorithm.SpGist)).isTrue();
        assertThat(OperatorClass.InetOps.supportsIndexType(IndexAlgorithm.Gin)).isFalse();
    }
}
