package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prismaspring.client.PrismaClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The argument parser alone: the query tree it builds and the errors it gives, without a database. */
class ArgumentParserTest {

    private final QuerySchema schema = new QuerySchema(ReadSuite.datamodel("postgresql"));
    private final ArgumentParser parser = new ArgumentParser(schema);

    private PrismaValidationException error(String model, String operation, String args) {
        PrismaValidationException e = catchThrowableOfType(PrismaValidationException.class,
                () -> parser.parse(model, operation, args));
        assertThat(e).as("rejects " + args).isNotNull();
        return e;
    }

    @Test
    void buildsAnImmutableTree() {
        Query.Read r = (Query.Read) parser.parse("user", "findMany", Map.of(
                "where", Map.of("email", Map.of("contains", "a"), "posts", Map.of("some", Map.of())),
                "orderBy", List.of(Map.of("age", Map.of("sort", "desc", "nulls", "last")), Map.of("id", "asc")),
                "include", Map.of("posts", Map.of("take", -2, "select", Map.of("title", true))),
                "cursor", Map.of("id", 3), "skip", 1, "take", 5, "distinct", "role"));
        assertThat(r.model().name()).isEqualTo("User");
        assertThat(r.where()).isInstanceOf(Filter.And.class);
        assertThat(((Filter.And) r.where()).filters()).hasSize(2);
        assertThat(r.orderBy()).hasSize(2).first().isInstanceOf(OrderBy.Field.class)
                .satisfies(o -> assertThat(((OrderBy.Field) o).nulls()).isEqualTo("last"));
        assertThat(r.selection().scalars()).hasSize(12);
        assertThat(r.selection().relations()).hasSize(1);
        Query.Read posts = r.selection().relations().get(0).read();
        assertThat(posts.take()).isEqualTo(-2);
        assertThat(posts.selection().scalars()).extracting(f -> f.name()).containsExactly("title");
        assertThat(r.cursor()).hasSize(1);
        assertThatThrownBy(() -> r.orderBy().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.cursor().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.distinct()).extracting(f -> f.name()).containsExactly("role");
    }

    @Test
    void acceptsJsonStringsMapsAndTreesAlike() {
        Query a = parser.parse("Post", "findMany", "{\"where\":{\"views\":{\"gt\":1}},\"take\":2}");
        Query b = parser.parse("Post", "findMany", Map.of("where", Map.of("views", Map.of("gt", 1)), "take", 2));
        Query c = parser.parse("Post", "findMany", ArgumentParser.toTree("{\"where\":{\"views\":{\"gt\":1}},\"take\":2}"));
        assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void treesDeeperThanTheLimitAreRefusedWithTheirPath() {
        // where: {NOT: {NOT: ... {id: 1}}}: the root is level 0, "where" level 1, each NOT one more
        java.util.function.IntFunction<String> nots = n -> "{\"NOT\":".repeat(n) + "{\"id\":1}" + "}".repeat(n);
        assertThat(parser.parse("User", "findMany", "{\"where\":" + nots.apply(ArgumentParser.MAX_DEPTH - 2) + "}"))
                .isNotNull();
        PrismaValidationException e = error("User", "findMany", "{\"take\":1,\"where\":{\"AND\":[{\"id\":1},"
                + nots.apply(ArgumentParser.MAX_DEPTH) + "]}}");
        assertThat(e.path()).hasSize(ArgumentParser.MAX_DEPTH + 1).startsWith("where", "AND", "1", "NOT");
        assertThat(e.getMessage()).contains("deeper than " + ArgumentParser.MAX_DEPTH + " levels (at where.AND.1.NOT.NOT.NOT....");
    }

    /** Found by the fuzz suite: {@code equals: null} on a required field ran as IS NULL instead of being refused. */
    @Test
    void nullIsNoValueOfARequiredField() {
        assertThat(error("User", "findMany", "{\"where\":{\"email\":{\"equals\":null}}}").path())
                .containsExactly("where", "email", "equals");
        assertThat(error("User", "count", "{\"where\":{\"posts\":{\"some\":{\"title\":{\"not\":null}}}}}").path())
                .containsExactly("where", "posts", "some", "title", "not");
        assertThat(parser.parse("User", "findMany", "{\"where\":{\"name\":{\"equals\":null}}}")).isNotNull();
    }

    /** Found by the fuzz suite: a plain having filter on an ungrouped field gave invalid SQL on PostgreSQL. */
    @Test
    void havingFiltersOnlyGroupedFieldsOrAggregates() {
        PrismaValidationException e = error("Post", "groupBy", "{\"by\":[\"authorId\"],\"having\":{\"OR\":[{\"title\":"
                + "{\"startsWith\":\"a\"}}]}}");
        assertThat(e.path()).containsExactly("having", "OR", "title");
        assertThat(e.getMessage()).contains("Missing fields: title");
        assertThat(parser.parse("Post", "groupBy", "{\"by\":[\"authorId\"],\"having\":{\"authorId\":1,"
                + "\"views\":{\"_sum\":{\"gt\":1}}}}")).isNotNull();
    }

    @Test
    void namesThePathAndTheClosestName() {
        assertThat(error("User", "findMany", "{\"include\":{\"posts\":{\"where\":{\"titel\":\"x\"}}}}").getMessage())
                .isEqualTo("Unknown argument 'titel' in include.posts.where. Did you mean 'title'?");
        assertThat(error("User", "findMany", "{\"select\":{\"emial\":true}}").getMessage())
                .contains("'emial'", "select", "Did you mean 'email'?");
        assertThat(error("User", "findMany", "{\"where\":{\"email\":{\"contain\":\"x\"}}}").getMessage())
                .isEqualTo("Unknown argument 'contain' in where.email. Did you mean 'contains'?");
        assertThat(error("User", "findMany", "{\"orderBy\":{\"emial\":\"asc\"}}").path())
                .containsExactly("orderBy", "emial");
        assertThat(error("User", "findMany", "{\"orderBy\":{\"email\":\"up\"}}").kind()).isEqualTo("InvalidArgumentValue");
        assertThat(error("User", "findMany", "{\"wher\":{}}").getMessage())
                .isEqualTo("Unknown argument 'wher' in findMany. Did you mean 'where'?");
        assertThat(error("User", "findFirs", "{}").getMessage()).contains("Did you mean 'findFirst'?");
    }

    @Test
    void rejectsWrongValueTypes() {
        assertThat(error("User", "findMany", "{\"where\":{\"age\":\"thirty\"}}").kind()).isEqualTo("InvalidArgumentType");
        assertThat(error("User", "findMany", "{\"where\":{\"age\":1.5}}").kind()).isEqualTo("InvalidArgumentType");
        assertThat(error("User", "findMany", "{\"where\":{\"age\":3000000000}}").kind()).isEqualTo("ValueTooLarge");
        assertThat(error("User", "findMany", "{\"where\":{\"createdAt\":\"yesterday\"}}").kind())
                .isEqualTo("InvalidArgumentValue");
        assertThat(error("User", "findMany", "{\"where\":{\"email\":null}}").kind()).isEqualTo("InvalidArgumentType");
        assertThat(error("User", "findMany", "{\"where\":{\"active\":{\"gt\":true}}}").kind())
                .isEqualTo("UnknownInputField");
        assertThat(error("User", "findMany", "{\"skip\":-1}").kind()).isEqualTo("InvalidArgumentValue");
        assertThat(error("User", "findMany", "{\"where\":{\"posts\":{\"any\":{}}}}").getMessage())
                .contains("where.posts");
        assertThat(error("Post", "findMany", "{\"include\":{\"author\":{\"take\":1}}}").kind())
                .isEqualTo("UnknownArgument");
        assertThat(error("User", "findMany", "{\"where\":{\"big\":\"12x\"}}").kind()).isEqualTo("InvalidArgumentType");
    }

    @Test
    void selectionRules() {
        assertThat(error("User", "findMany", "{\"select\":{\"id\":true},\"omit\":{\"email\":true}}").kind())
                .isEqualTo("MutuallyExclusiveFields");
        assertThat(error("User", "findMany", "{\"include\":{\"email\":true}}").kind())
                .isEqualTo("UnknownSelectionField");
        assertThat(error("User", "findMany", "{\"select\":{\"_count\":{\"select\":{\"profile\":true}}}}").kind())
                .isEqualTo("UnknownSelectionField");
        assertThat(error("User", "findUnique", "{\"where\":{\"name_age\":{\"name\":\"x\"}}}").code()).isEqualTo("P2012");
        assertThat(error("Post", "groupBy", "{\"by\":[\"published\"],\"orderBy\":{\"views\":\"asc\"}}").getMessage())
                .contains("Missing fields: views");
        assertThat(error("Post", "groupBy", "{\"by\":[\"published\"],\"take\":1}").path()).containsExactly("orderBy");
        assertThat(error("Post", "aggregate", "{\"_avg\":{\"title\":true}}").kind()).isEqualTo("UnknownSelectionField");
        assertThat(error("Post", "count", "{\"distinct\":[\"id\"]}").kind()).isEqualTo("UnknownArgument");
    }

    @Test
    void databaseErrorsCarryPrismaCodes() {
        SingleConnectionDataSource empty = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
        try {
            PrismaClient prisma = PrismaClient.create(ReadSuite.datamodel("sqlite"), empty);
            assertThatThrownBy(() -> prisma.model("User").findMany(null)).isInstanceOf(PrismaException.class)
                    .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2021"));
        } finally {
            empty.destroy();
        }
    }
}
