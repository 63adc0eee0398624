package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * How relation values are decoded, run against every database: the {@code join} strategy streams its JSON
 * aggregates into the result maps and the {@code query} strategy maps rows straight into them, so every scalar
 * type (and null) inside a relation, left-out key columns, nested paging and shared related records are checked
 * on both, which must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RelationDecodeSuite {

    abstract DbKind kind();

    TestDatabase db;
    SingleConnectionDataSource dataSource;
    PrismaClient prisma;

    private static final BigDecimal MANY_DIGITS = new BigDecimal("12345678901234567890.123456789");

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
        Datamodel dm = ReadSuite.datamodel(provider());
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        dataSource = new SingleConnectionDataSource(db.jdbcUrl(), true);
        prisma = PrismaClient.builder(dm, dataSource).build();
        Seeder s = new Seeder(prisma.schema(), dataSource);
        s.insert("User", List.of(
                ReadSuite.row("id", 1, "email", "a@x", "name", "A", "role", "EDITOR", "age", 30, "score", 1.5,
                        "balance", kind() == DbKind.SQLITE ? new BigDecimal("10.25") : MANY_DIGITS,
                        "big", 9007199254740993L, "active", true,
                        "createdAt", Instant.parse("2026-01-01T10:00:00.123Z"),
                        "meta", ReadSuite.json("{\"o\":{\"a\":[1,\"x\",null]},\"s\":\"{\\\"not\\\":\\\"parsed\\\"}\"}"),
                        "avatar", new byte[] {0, 1, (byte) 255}),
                ReadSuite.row("id", 2, "email", "b@x", "role", "USER", "active", false,
                        "createdAt", Instant.parse("2026-02-01T00:00:00Z"),
                        "meta", ReadSuite.json("\"[1,2]\""))));
        s.insert("Profile", List.of(ReadSuite.row("id", 1, "bio", "bio", "userId", 1)));
        s.insert("Post", List.of(
                ReadSuite.row("id", 1, "title", "p1", "published", true, "views", 1, "authorId", 1),
                ReadSuite.row("id", 2, "title", "p2", "published", false, "views", 2, "authorId", 1),
                ReadSuite.row("id", 3, "title", "p3", "published", true, "views", 3, "authorId", 1),
                ReadSuite.row("id", 4, "title", "p4", "published", true, "views", 4)));
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

    /** The read with each strategy; both must give the same result, which is returned (join's). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> both(String model, String args) {
        Object viaQuery = prisma.model(model).findMany(ReadSuite.withStrategy(args, "query"));
        List<Map<String, Object>> viaJoin = prisma.model(model).findMany(ReadSuite.withStrategy(args, "join"));
        assertThat(PrismaJson.toTree(viaJoin)).as("join agrees with query on " + kind())
                .isEqualTo(PrismaJson.toTree(viaQuery));
        return viaJoin;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyScalarTypeInsideARelationKeepsItsValueAndJavaType() {
        List<Map<String, Object>> posts = both("Post", "{\"include\":{\"author\":true},\"orderBy\":{\"id\":\"asc\"}}");
        Map<String, Object> author = (Map<String, Object>) posts.get(0).get("author");
        assertThat(author.keySet()).containsExactly("id", "email", "name", "role", "age", "score", "balance", "big",
                "active", "createdAt", "meta", "avatar");
        assertThat(author.get("id")).isEqualTo(1);
        assertThat(author.get("role")).isEqualTo("EDITOR"); // stored as its @map name
        assertThat(author.get("score")).isEqualTo(1.5);
        assertThat(author.get("balance")).isEqualTo(kind() == DbKind.SQLITE ? new BigDecimal("10.25") : MANY_DIGITS);
        assertThat(author.get("big")).isEqualTo(9007199254740993L);
        assertThat(author.get("active")).isEqualTo(true);
        assertThat(author.get("createdAt")).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(author.get("avatar")).isEqualTo(new byte[] {0, 1, (byte) 255});
        JsonNode meta = (JsonNode) author.get("meta");
        assertThat(meta.get("o").get("a").size()).isEqualTo(3);
        assertThat(meta.get("s").isString()).as("a string that looks like JSON stays a string").isTrue();
        assertThat(meta.get("s").stringValue()).isEqualTo("{\"not\":\"parsed\"}");
        // a post without author: nested to-one null
        assertThat(posts.get(3).get("author")).isNull();
        assertThat(posts.get(3)).containsKey("author");
    }

    @Test
    @SuppressWarnings("unchecked")
    void zeroFalseAndNullStayApart() {
        // primitive getters read NULL as 0 / false: only those values are checked with wasNull()
        prisma.model("User").update(Map.of("where", Map.of("id", 2), "data", Map.of("age", 0, "big", 0L)));
        try {
            for (String strategy : List.of("query", "join")) {
                List<Map<String, Object>> posts = (List<Map<String, Object>>) prisma.model("Post").findMany(
                        ReadSuite.withStrategy("{\"include\":{\"author\":true},\"orderBy\":{\"id\":\"asc\"}}",
                                strategy));
                assertThat(posts.get(3).get("authorId")).as(strategy).isNull();
                Map<String, Object> top = prisma.model("User").findUnique(Map.of("where", Map.of("id", 2)));
                assertThat(top.get("age")).isEqualTo(0);
                assertThat(top.get("big")).isEqualTo(0L);
                assertThat(top.get("active")).isEqualTo(false);
                assertThat(top.get("name")).isNull();
                Map<String, Object> one = prisma.model("User").findUnique(Map.of("where", Map.of("id", 1)));
                assertThat(one.get("age")).isEqualTo(30);
                assertThat(one.get("active")).isEqualTo(true);
            }
            prisma.model("User").update(Map.of("where", Map.of("id", 2), "data", Map.of("active", true)));
            Map<String, Object> nulls = new java.util.HashMap<>();
            nulls.put("age", null);
            nulls.put("big", null);
            prisma.model("User").update(Map.of("where", Map.of("id", 2), "data", nulls));
            Map<String, Object> top = prisma.model("User").findUnique(Map.of("where", Map.of("id", 2)));
            assertThat(top).containsEntry("age", null).containsEntry("big", null).containsEntry("active", true);
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>();
            restore.put("age", null);
            restore.put("big", null);
            restore.put("active", false);
            prisma.model("User").update(Map.of("where", Map.of("id", 2), "data", restore));
        }
    }

    @Test
    void distinctComparesFloatsByValue() {
        // 1.5 and 1.25 are different values (they were once compared by their integral part)
        prisma.model("User").update(Map.of("where", Map.of("id", 2), "data", Map.of("score", 1.25)));
        try {
            List<Map<String, Object>> rows = prisma.model("User").findMany(
                    "{\"distinct\":[\"score\"],\"orderBy\":{\"id\":\"asc\"}}");
            assertThat(rows).extracting(r -> r.get("score")).containsExactly(1.5, 1.25);
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>();
            restore.put("score", null);
            prisma.model("User").update(Map.of("where", Map.of("id", 2), "data", restore));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void nullsAndJsonStringsInsideARelation() {
        List<Map<String, Object>> users = both("Profile", "{\"include\":{\"user\":true}}");
        assertThat(users).hasSize(1);
        List<Map<String, Object>> all = both("User", "{\"include\":{\"profile\":true,\"posts\":true},"
                + "\"orderBy\":{\"id\":\"asc\"}}");
        Map<String, Object> b = all.get(1);
        assertThat(b.get("profile")).isNull();
        assertThat(b.get("posts")).isEqualTo(List.of());
        assertThat(b.get("name")).isNull();
        assertThat(b.get("big")).isNull();
        assertThat(((JsonNode) b.get("meta")).isString()).isTrue();
        List<Map<String, Object>> posts = both("Post", "{\"where\":{\"id\":2},\"include\":{\"author\":{\"include\":"
                + "{\"profile\":true,\"_count\":{\"select\":{\"posts\":true}}}}}}");
        Map<String, Object> author = (Map<String, Object>) posts.get(0).get("author");
        assertThat(author.get("_count")).isEqualTo(Map.of("posts", 3));
        assertThat(((Map<String, Object>) author.get("profile")).get("bio")).isEqualTo("bio");
    }

    @Test
    @SuppressWarnings("unchecked")
    void leftOutKeyColumnsAreNotInTheResult() {
        List<Map<String, Object>> users = both("User", "{\"select\":{\"email\":true,\"posts\":{\"select\":"
                + "{\"title\":true},\"orderBy\":{\"id\":\"desc\"}}},\"orderBy\":{\"id\":\"asc\"}}");
        assertThat(users.get(0).keySet()).containsExactly("email", "posts");
        List<Map<String, Object>> posts = (List<Map<String, Object>>) users.get(0).get("posts");
        assertThat(posts).extracting(p -> p.get("title")).containsExactly("p3", "p2", "p1");
        assertThat(posts.get(0).keySet()).containsExactly("title");
        List<Map<String, Object>> distinct = both("User", "{\"where\":{\"id\":1},\"select\":{\"email\":true,"
                + "\"posts\":{\"select\":{\"title\":true},\"distinct\":[\"published\"],\"orderBy\":{\"id\":\"asc\"}}}}");
        List<Map<String, Object>> firstPerFlag = (List<Map<String, Object>>) distinct.get(0).get("posts");
        assertThat(firstPerFlag).extracting(p -> p.get("title")).containsExactly("p1", "p2");
        assertThat(firstPerFlag.get(0).keySet()).containsExactly("title");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedSkipTakeAndCursor() {
        List<Map<String, Object>> paged = both("User", "{\"where\":{\"id\":1},\"include\":{\"posts\":"
                + "{\"skip\":1,\"take\":1,\"orderBy\":{\"id\":\"desc\"}}}}");
        assertThat((List<Map<String, Object>>) paged.get(0).get("posts")).extracting(p -> p.get("id"))
                .containsExactly(2);
        List<Map<String, Object>> last = both("User", "{\"where\":{\"id\":1},\"include\":{\"posts\":{\"take\":-2}}}");
        assertThat((List<Map<String, Object>>) last.get(0).get("posts")).extracting(p -> p.get("id"))
                .containsExactly(2, 3);
        List<Map<String, Object>> cursor = both("User", "{\"where\":{\"id\":1},\"include\":{\"posts\":"
                + "{\"cursor\":{\"id\":2},\"take\":5,\"select\":{\"title\":true}}}}");
        List<Map<String, Object>> fromCursor = (List<Map<String, Object>>) cursor.get(0).get("posts");
        assertThat(fromCursor).extracting(p -> p.get("title")).containsExactly("p2", "p3");
        assertThat(fromCursor.get(0).keySet()).containsExactly("title");
        List<Map<String, Object>> missing = both("User", "{\"where\":{\"id\":1},\"include\":{\"posts\":"
                + "{\"cursor\":{\"id\":4}}}}");
        List<Object> none = (List<Object>) missing.get(0).get("posts");
        assertThat(none).isEmpty();
        none.add("mutable, as before");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordRelatedToSeveralParentsIsItsOwnMapInEach() {
        for (String strategy : List.of("query", "join")) {
            List<Map<String, Object>> posts = prisma.model("Post").findMany(ReadSuite.withStrategy(
                    "{\"where\":{\"authorId\":1},\"include\":{\"author\":{\"include\":{\"posts\":true}}}}", strategy));
            Map<String, Object> a0 = (Map<String, Object>) posts.get(0).get("author");
            Map<String, Object> a1 = (Map<String, Object>) posts.get(1).get("author");
            assertThat(a0).as(strategy).isNotSameAs(a1);
            assertThat(PrismaJson.toTree(a0)).as(strategy).isEqualTo(PrismaJson.toTree(a1));
            assertThat(a0.get("posts")).as(strategy).isNotSameAs(a1.get("posts"));
            assertThat((List<Object>) a0.get("posts")).hasSize(3);
            a0.put("email", "changed");
            assertThat(a1.get("email")).isEqualTo("a@x");
        }
    }
}
