package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read suite, run against every database (one subclass per {@link DbKind}): every operation and argument on
 * seeded data with exact expected results, each case with both relation load strategies (which must agree),
 * statement counts, injection strings, and results' Java types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadSuite {

    static final JsonMapper JSON = JsonMapper.builder().build();

    abstract DbKind kind();

    TestDatabase db;
    SingleConnectionDataSource dataSource;
    PrismaClient prisma;
    final List<String> statements = new CopyOnWriteArrayList<>();

    static Datamodel datamodel(String provider) {
        String text = TestSchemas.read(Path.of("src/test/resources/schemas/query-suite.prisma"))
                .replace("provider = \"postgresql\"", "provider = \"" + provider + "\"");
        ValidatedSchema v = SchemaValidator.validate(text);
        assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
        return v.datamodel();
    }

    String provider() {
        return switch (kind()) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    @BeforeAll
    void setUp() throws Exception {
        TestDatabases.Availability a = TestDatabases.availability(kind());
        Assumptions.assumeTrue(a.available(), () -> kind() + " not available: " + a.reason());
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        Datamodel dm = datamodel(provider());
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        dataSource = new SingleConnectionDataSource(db.jdbcUrl(), true);
        prisma = PrismaClient.builder(dm, dataSource).statementListener((sql, params) -> statements.add(sql)).build();
        seed(new Seeder(prisma.schema(), dataSource));
    }

    @AfterAll
    void tearDown() {
        if (dataSource != null) {
            dataSource.destroy();
        }
        if (db != null) {
            db.close();
        }
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static final String INJECTION = "x'); DROP TABLE \"User\"; DROP TABLE `User`; --";

    void seed(Seeder s) throws Exception {
        s.insert("User", List.of(
                row("id", 1, "email", "alice@example.com", "name", "Alice", "role", "ADMIN", "age", 30, "score", 1.5,
                        "balance", new BigDecimal("10.25"), "big", 9007199254740993L, "active", true,
                        "createdAt", Instant.parse("2026-01-01T10:00:00.123Z"),
                        "meta", json("{\"tags\":[\"a\",\"b\"],\"level\":1,\"nick\":\"ally\"}"),
                        "avatar", new byte[] {1, 2, 3}),
                row("id", 2, "email", "bob@example.com", "name", "Bob", "role", "USER", "age", 25, "score", 2.0,
                        "balance", new BigDecimal("0.5"), "active", false,
                        "createdAt", Instant.parse("2026-02-01T00:00:00Z"),
                        "meta", json("{\"level\":2,\"tags\":[\"b\"],\"nick\":\"bobby\"}")),
                row("id", 3, "email", "carol@example.com", "name", "Carol", "role", "EDITOR", "big", 42L,
                        "active", true, "createdAt", Instant.parse("2026-03-01T12:30:00Z")),
                row("id", 4, "email", "dave@example.com", "role", "USER", "age", 40, "score", 3.25,
                        "balance", new BigDecimal("100"), "big", -1L, "active", true,
                        "createdAt", Instant.parse("2025-12-31T23:59:59.999Z"), "meta", json("{\"level\":3}"),
                        "avatar", new byte[] {(byte) 255})));
        s.insert("Profile", List.of(row("id", 1, "bio", "Alice bio", "userId", 1),
                row("id", 2, "bio", "Bob bio", "userId", 2)));
        s.insert("Post", List.of(
                row("id", 1, "title", "Hello World", "published", true, "views", 10, "authorId", 1),
                row("id", 2, "title", "Second post", "published", false, "views", 5, "authorId", 1),
                row("id", 3, "title", "Bob's post", "published", true, "views", 20, "authorId", 2),
                row("id", 4, "title", "Orphan", "published", true, "views", 0),
                row("id", 5, "title", "100% _sure_", "published", false, "views", 7, "authorId", 3)));
        s.insert("Comment", List.of(row("id", 1, "text", "Nice", "postId", 1), row("id", 2, "text", "Great", "postId", 1),
                row("id", 3, "text", "Meh", "postId", 3), row("id", 4, "text", "Wow", "postId", 1)));
        s.insert("Tag", List.of(row("id", 1, "name", "java"), row("id", 2, "name", "sql"),
                row("id", 3, "name", "prisma"), row("id", 4, "name", "unused"), row("id", 5, "name", INJECTION)));
        s.link("_PostToTag", 1, 1);
        s.link("_PostToTag", 1, 3);
        s.link("_PostToTag", 3, 2);
        s.link("_PostToTag", 2, 1);
        // 500 parents, one child each, two grandchildren per child
        List<int[]> parents = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        List<int[]> grand = new ArrayList<>();
        for (int p = 1; p <= 500; p++) {
            parents.add(new int[] {p});
            children.add(new int[] {p, p});
            grand.add(new int[] {p * 2 - 1, p});
            grand.add(new int[] {p * 2, p});
        }
        var d = prisma.schema().dialect();
        s.batch("INSERT INTO " + d.quote("Parent") + " (" + d.quote("id") + ", " + d.quote("name")
                + ") VALUES (?, 'p')", parents);
        s.batch("INSERT INTO " + d.quote("Child") + " (" + d.quote("id") + ", " + d.quote("parentId")
                + ") VALUES (?, ?)", children);
        s.batch("INSERT INTO " + d.quote("GrandChild") + " (" + d.quote("id") + ", " + d.quote("childId")
                + ") VALUES (?, ?)", grand);
    }

    // ------------------------------------------------------------------------------------------ harness

    record Case(String name, String model, String operation, String args, String expected) {
    }

    static Case c(String name, String model, String operation, String args, String expected) {
        return new Case(name, model, operation, args, expected);
    }

    /** Runs a read with both strategies; they must agree. Returns the result. */
    Object both(String model, String operation, String args) {
        boolean strategic = operation.startsWith("find");
        if (!strategic) {
            return prisma.model(model).run(operation, args);
        }
        Object viaQuery = prisma.model(model).run(operation, withStrategy(args, "query"));
        Object viaJoin = prisma.model(model).run(operation, withStrategy(args, "join"));
        assertThat(PrismaJson.toTree(viaJoin)).as("join strategy agrees with query strategy")
                .isEqualTo(PrismaJson.toTree(viaQuery));
        return viaQuery;
    }

    static String withStrategy(String args, String strategy) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(args);
        node.put("relationLoadStrategy", strategy);
        return node.toString();
    }

    void check(Case k) {
        Object result = both(k.model(), k.operation(), k.args());
        assertThat(PrismaJson.toTree(result)).as(k.name() + " on " + kind() + "\nactual: " + PrismaJson.render(result))
                .isEqualTo(JSON.readTree(k.expected()));
    }

    static String ids(int... ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i > 0 ? "," : "").append("{\"id\":").append(ids[i]).append('}');
        }
        return sb.append(']').toString();
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return ReadCases.all().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> check(k)));
    }

    // ------------------------------------------------------------------------------------------ specific tests

    @Test
    void resultTypesAreJavaTypesOfTheSchema() {
        for (String strategy : List.of("query", "join")) {
            Map<String, Object> u = prisma.model("user").findUnique("{\"where\":{\"id\":1},\"relationLoadStrategy\":\""
                    + strategy + "\"}");
            assertThat(u.keySet()).containsExactly("id", "email", "name", "role", "age", "score", "balance", "big",
                    "active", "createdAt", "meta", "avatar");
            assertThat(u.get("id")).isEqualTo(1);
            assertThat(u.get("score")).isEqualTo(1.5);
            assertThat(u.get("balance")).isEqualTo(new BigDecimal("10.25"));
            assertThat(u.get("big")).isEqualTo(9007199254740993L);
            assertThat(u.get("active")).isEqualTo(true);
            assertThat(u.get("createdAt")).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
            assertThat(u.get("meta")).isInstanceOf(JsonNode.class);
            assertThat(((JsonNode) u.get("meta")).get("nick").asString()).isEqualTo("ally");
            assertThat((byte[]) u.get("avatar")).containsExactly(1, 2, 3);
            assertThat(u.get("role")).isEqualTo("ADMIN");
        }
        Map<String, Object> carol = prisma.model("User").findUnique(Map.of("where", Map.of("id", 3)));
        assertThat(carol.get("role")).isEqualTo("EDITOR");
        assertThat(carol.get("meta")).isNull();
    }

    @Test
    void bothStrategiesGiveTheSameTypesInNestedRecords() {
        String args = "{\"where\":{\"id\":1},\"include\":{\"author\":true}}";
        Map<String, Object> q = prisma.model("Post").findUnique(withStrategy(args, "query"));
        Map<String, Object> j = prisma.model("Post").findUnique(withStrategy(args, "join"));
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) j.get("author");
        assertThat(author.get("createdAt")).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(author.get("big")).isEqualTo(9007199254740993L);
        assertThat(author.get("balance")).isEqualTo(new BigDecimal("10.25"));
        assertThat((byte[]) author.get("avatar")).containsExactly(1, 2, 3);
        assertThat(author.get("meta")).isInstanceOf(JsonNode.class);
        assertThat(PrismaJson.toTree(j)).isEqualTo(PrismaJson.toTree(q));
    }

    public record UserView(int id, String email, Instant createdAt, BigDecimal balance) {
    }

    @Test
    void findManyMapsToATypeWithJackson() {
        List<UserView> users = prisma.model("User").findMany(
                "{\"where\":{\"id\":{\"in\":[1,2]}},\"select\":{\"id\":true,\"email\":true,\"createdAt\":true,"
                        + "\"balance\":true}}", UserView.class);
        assertThat(users).containsExactly(
                new UserView(1, "alice@example.com", Instant.parse("2026-01-01T10:00:00.123Z"), new BigDecimal("10.25")),
                new UserView(2, "bob@example.com", Instant.parse("2026-02-01T00:00:00Z"), new BigDecimal("0.5")));
    }

    @Test
    void jsonRenderingFollowsTheDesign() {
        Map<String, Object> u = prisma.model("User").findUnique("{\"where\":{\"id\":1},\"select\":{\"createdAt\":true,"
                + "\"big\":true,\"balance\":true,\"avatar\":true}}");
        assertThat(PrismaJson.render(u)).isEqualTo("{\"balance\":\"10.25\",\"big\":\"9007199254740993\","
                + "\"createdAt\":\"2026-01-01T10:00:00.123Z\",\"avatar\":\"AQID\"}");
    }

    @Test
    void includeTwoLevelsOverFiveHundredParentsNeedsAtMostThreeStatements() {
        String args = "{\"include\":{\"children\":{\"include\":{\"grand\":true}}},\"orderBy\":{\"id\":\"asc\"}}";
        statements.clear();
        List<Map<String, Object>> viaQuery = prisma.model("Parent").findMany(withStrategy(args, "query"));
        int queryStatements = statements.size();
        statements.clear();
        List<Map<String, Object>> viaJoin = prisma.model("Parent").findMany(withStrategy(args, "join"));
        int joinStatements = statements.size();
        System.out.println("[statements] " + kind() + ": query strategy " + queryStatements + ", join strategy "
                + joinStatements + " for 500 parents, 500 children, 1000 grandchildren");
        assertThat(viaQuery).hasSize(500);
        assertThat(queryStatements).isLessThanOrEqualTo(3);
        assertThat(joinStatements).isEqualTo(1);
        assertThat(PrismaJson.toTree(viaJoin)).isEqualTo(PrismaJson.toTree(viaQuery));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> children = (List<Map<String, Object>>) viaQuery.get(499).get("children");
        assertThat(children).hasSize(1);
        assertThat(PrismaJson.render(children.get(0))).isEqualTo("{\"id\":500,\"parentId\":500,\"grand\":"
                + "[{\"id\":999,\"childId\":500},{\"id\":1000,\"childId\":500}]}");
    }

    @Test
    void joinStrategyIsOneStatementWithTheDialectsJsonAggregation() {
        statements.clear();
        prisma.model("User").findMany("{\"relationLoadStrategy\":\"join\",\"include\":{\"posts\":{\"include\":"
                + "{\"tags\":true}},\"profile\":true}}");
        assertThat(statements).hasSize(1);
        String sql = statements.get(0);
        switch (kind()) {
            case POSTGRES -> assertThat(sql).contains("LEFT JOIN LATERAL", "json_agg(", "json_build_object(");
            case MYSQL -> assertThat(sql).contains("JSON_ARRAYAGG(", "JSON_OBJECT(");
            case SQLITE -> assertThat(sql).contains("json_group_array(", "json_object(");
        }
        statements.clear();
        prisma.model("User").findMany("{\"include\":{\"posts\":{\"include\":{\"tags\":true}},\"profile\":true}}");
        assertThat(statements).as("query strategy: one statement per relation").hasSize(4);
        assertThat(statements.get(1)).contains(" IN (");
    }

    @Test
    void inListsAreChunkedByTheBindLimit() {
        List<String> seen = new ArrayList<>();
        PrismaClient small = PrismaClient.builder(prisma.schema().datamodel(), dataSource).maxBindParameters(100)
                .statementListener((sql, params) -> seen.add(sql + " " + params.size())).build();
        String args = "{\"include\":{\"children\":{\"include\":{\"grand\":true}}}}";
        List<Map<String, Object>> chunked = small.model("Parent").findMany(args);
        // 1 root statement, then 500 keys per level in chunks of 100
        assertThat(seen).hasSize(11);
        assertThat(seen.subList(1, 11)).allSatisfy(s -> assertThat(s).contains(" IN (").endsWith(" 100"));
        assertThat(PrismaJson.toTree(chunked)).isEqualTo(PrismaJson.toTree(prisma.model("Parent").findMany(args)));
        assertThat(prisma.schema().dialect().maxBindParameters())
                .isEqualTo(switch (kind()) { case POSTGRES -> 32766; case MYSQL -> 65535; case SQLITE -> 999; });
    }

    @Test
    void injectionStringsAreDataInEveryFilter() {
        String quoted = JSON.writeValueAsString(INJECTION);
        for (String op : List.of("equals", "not", "contains", "startsWith", "endsWith", "lt", "gte")) {
            prisma.model("Tag").findMany("{\"where\":{\"name\":{\"" + op + "\":" + quoted + "}}}");
        }
        prisma.model("Tag").findMany("{\"where\":{\"name\":{\"in\":[" + quoted + "],\"notIn\":[" + quoted + "]}}}");
        prisma.model("User").findMany("{\"where\":{\"meta\":{\"path\":[" + quoted + "],\"string_contains\":" + quoted
                + "}}}");
        prisma.model("User").findMany("{\"where\":{\"meta\":{\"path\":[\"nick\"],\"equals\":" + quoted + "}}}");
        prisma.model("User").findMany("{\"where\":{\"posts\":{\"some\":{\"title\":" + quoted + "}}}}");
        assertThat(prisma.model("Tag").findMany("{\"where\":{\"name\":" + quoted + "},\"select\":{\"id\":true,"
                + "\"name\":true}}")).hasSize(1).first().satisfies(t -> assertThat(t.get("name")).isEqualTo(INJECTION));
        assertThat(prisma.model("Tag").findMany("{\"where\":{\"name\":{\"contains\":\"DROP TABLE\"}},"
                + "\"select\":{\"id\":true}}")).hasSize(1);
        // names are never SQL: an injected field, model, operator or direction is a validation error
        for (String args : List.of("{\"where\":{\"name\\\" = '' OR 1=1 --\":\"x\"}}",
                "{\"orderBy\":{\"name\":\"asc; DROP TABLE x\"}}", "{\"select\":{\"id\\\" FROM x; --\":true}}",
                "{\"where\":{\"name\":{\"equals) OR (1=1\":\"x\"}}}", "{\"distinct\":[\"name; --\"]}")) {
            assertThatThrownBy(() -> prisma.model("Tag").findMany(args)).isInstanceOf(PrismaValidationException.class);
        }
        assertThatThrownBy(() -> prisma.model("Tag\"; DROP TABLE x; --")).isInstanceOf(PrismaValidationException.class);
        assertThat(prisma.model("User").count(null)).isEqualTo(4);
        assertThat(prisma.model("Tag").count(null)).isEqualTo(5);
    }

    @Test
    void transactionsCommitOrRollBackTogether() {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String insert = "INSERT INTO " + prisma.schema().dialect().quote("Tag") + " VALUES (99, 'tmp')";
        assertThatThrownBy(() -> prisma.transaction(tx -> {
            jdbc.update(insert);
            assertThat(tx.model("Tag").count(null)).isEqualTo(6);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(prisma.model("Tag").count(null)).isEqualTo(5);
        Object n = prisma.transaction(tx -> tx.model("Tag").count(null));
        assertThat(n).isEqualTo(5);
    }

    @Test
    void orThrowVariantsRaiseP2025() {
        assertThatThrownBy(() -> prisma.model("User").findUniqueOrThrow("{\"where\":{\"id\":99}}"))
                .isInstanceOf(PrismaException.class).extracting(e -> ((PrismaException) e).code()).isEqualTo("P2025");
        assertThatThrownBy(() -> prisma.model("User").findFirstOrThrow("{\"where\":{\"email\":\"nobody\"}}"))
                .isInstanceOf(PrismaException.class).extracting(e -> ((PrismaException) e).code()).isEqualTo("P2025");
        assertThat(prisma.model("User").findUnique("{\"where\":{\"id\":99}}")).isNull();
    }

    @Test
    void badArgumentsFailBeforeAnySql() {
        statements.clear();
        assertThatThrownBy(() -> prisma.model("User").findMany("{\"where\":{\"emial\":\"x\"}}"))
                .isInstanceOf(PrismaValidationException.class)
                .hasMessage("Unknown argument 'emial' in where. Did you mean 'email'?");
        assertThatThrownBy(() -> prisma.model("User").findMany("{\"select\":{\"id\":true},\"include\":{\"posts\":true}}"))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("either use `include` or `select`");
        assertThatThrownBy(() -> prisma.model("User").findUnique("{\"where\":{\"name\":\"Bob\"}}"))
                .isInstanceOf(PrismaValidationException.class)
                .hasMessageContaining("Expected a minimum of 1 fields of (id, email, name_age)");
        assertThatThrownBy(() -> prisma.model("User").findMany("{\"take\":\"ten\"}"))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("take");
        assertThatThrownBy(() -> prisma.model("User").findMany("{\"where\":{\"role\":\"ADMN\"}}"))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("Did you mean 'ADMIN'?");
        assertThatThrownBy(() -> prisma.model("Usr"))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("Did you mean 'User'?");
        assertThat(statements).isEmpty();
    }

    @Test
    void insensitiveModeIsPostgresOnly() {
        String args = "{\"where\":{\"title\":{\"contains\":\"HELLO\",\"mode\":\"insensitive\"}},\"select\":{\"id\":true}}";
        if (kind() == DbKind.POSTGRES) {
            assertThat(PrismaJson.toTree(prisma.model("Post").findMany(args))).isEqualTo(JSON.readTree(ids(1)));
            assertThat(PrismaJson.toTree(prisma.model("Post").findMany("{\"where\":{\"title\":{\"equals\":\"hello "
                    + "world\",\"mode\":\"insensitive\"}},\"select\":{\"id\":true}}"))).isEqualTo(JSON.readTree(ids(1)));
        } else {
            assertThatThrownBy(() -> prisma.model("Post").findMany(args)).isInstanceOf(PrismaValidationException.class)
                    .hasMessageContaining("Unknown argument 'mode'");
        }
    }
}
