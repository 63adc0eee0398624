package dev.prismaspring.query;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.query.fuzz.ArgumentTreeGenerator;
import dev.prismaspring.query.fuzz.FuzzContext;
import dev.prismaspring.query.fuzz.FuzzValues;
import dev.prismaspring.query.fuzz.ReadArgumentGenerator;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Query argument fuzzing on the blog schema, one subclass per database: seeded random argument trees for every
 * read operation, half of them valid and half with one injected fault. Every invalid tree must be rejected with a
 * {@link PrismaValidationException} naming a path before any SQL runs; every valid one must run, with the same
 * result under the {@code query} and {@code join} relation load strategies. Anything else (an SQL error, another
 * exception type, an accepted invalid tree) is a failure, reported with the seed, the case number and the JSON.
 *
 * <p>{@code -Dprisma.fuzz.seed=N} (or {@code random}) and {@code -Dprisma.fuzz.cases=N} size the run
 * (docs/reliability.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryFuzzSuite {

    static final long DEFAULT_SEED = 20261122L;
    static final int DEFAULT_CASES = 1000;
    /** Cases slower than this are listed (a fuzz case runs on a handful of rows). */
    static final long SLOW_CASE_MS = 1000;

    abstract DbKind kind();

    TestDatabase db;
    SingleConnectionDataSource dataSource;
    PrismaClient viaQuery;
    PrismaClient viaJoin;
    final AtomicInteger statements = new AtomicInteger();
    final List<ArgumentTreeGenerator> generators = List.of(new ReadArgumentGenerator(3));

    static long seed() {
        String s = System.getProperty("prisma.fuzz.seed", "");
        if (s.isBlank()) {
            return DEFAULT_SEED;
        }
        return s.equals("random") ? new Random().nextLong() : Long.parseLong(s.trim());
    }

    static int cases() {
        return Integer.getInteger("prisma.fuzz.cases", DEFAULT_CASES);
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
        ValidatedSchema v = SchemaValidator.validate(TestSchemas.blog(provider()));
        Assertions.assertTrue(v.isValid(), v.diagnostics()::toString);
        Datamodel dm = v.datamodel();
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        dataSource = new SingleConnectionDataSource(db.jdbcUrl(), true);
        viaQuery = PrismaClient.builder(dm, dataSource).relationLoadStrategy(RelationLoadStrategy.query)
                .statementListener((sql, params) -> statements.incrementAndGet()).build();
        viaJoin = PrismaClient.builder(dm, dataSource).relationLoadStrategy(RelationLoadStrategy.join)
                .statementListener((sql, params) -> statements.incrementAndGet()).build();
        BlogData.seed(new Seeder(viaQuery.schema(), dataSource), dataSource, viaQuery.schema());
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

    /** One generated case. */
    record FuzzCase(int number, long caseSeed, String model, String operation, ObjectNode args, String fault) {
        boolean valid() {
            return fault == null;
        }
    }

    /** Builds case {@code number} of the run with {@code seed}: the same inputs give the same tree. */
    FuzzCase generate(long seed, int number) {
        long caseSeed = new Random(seed ^ (number * 0x9E3779B97F4A7C15L)).nextLong();
        Random pick = new Random(caseSeed);
        ArgumentTreeGenerator gen = generators.get(pick.nextInt(generators.size()));
        List<QuerySchema.ModelInfo> models = viaQuery.schema().models();
        QuerySchema.ModelInfo model = models.get(pick.nextInt(models.size()));
        String operation = gen.operations().get(pick.nextInt(gen.operations().size()));
        boolean invalid = pick.nextBoolean();
        FuzzValues values = BlogData.values();
        FuzzContext probe = new FuzzContext(caseSeed, viaQuery.schema(), values, -1);
        gen.arguments(probe, model, operation);
        int faultAt = invalid ? pick.nextInt(probe.sites()) : -1;
        FuzzContext c = new FuzzContext(caseSeed, viaQuery.schema(), values, faultAt);
        ObjectNode args = gen.arguments(c, model, operation);
        String fault = invalid ? (c.fault() != null ? c.fault() : "fault site " + faultAt + " (undescribed)") : null;
        return new FuzzCase(number, caseSeed, model.name(), operation, args, fault);
    }

    @Test
    void randomArgumentTreesAreRejectedBeforeSqlOrRunAlike() {
        long seed = seed();
        int cases = cases();
        System.out.println("[fuzz] " + kind() + ": seed " + seed + ", " + cases
                + " cases (-Dprisma.fuzz.seed=" + seed + " -Dprisma.fuzz.cases=" + cases + " to repeat)");
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            FuzzCase fc = generate(seed, i);
            String problem;
            long caseStarted = System.nanoTime();
            try {
                problem = fc.valid() ? runValid(fc, outcomes) : runInvalid(fc, outcomes);
            } catch (Throwable t) {
                problem = "harness error: " + describe(t);
            }
            long caseMs = (System.nanoTime() - caseStarted) / 1_000_000;
            if (caseMs > SLOW_CASE_MS) {
                slow.add(caseMs + " ms: " + fc.model() + "." + fc.operation() + " case " + i + " "
                        + abbreviate(fc.args().toString()));
            }
            if (problem != null) {
                failures.add(report(seed, fc, problem));
                outcomes.merge("FAILED", 1, Integer::sum);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[fuzz] " + kind() + ": " + cases + " cases in " + ms + " ms: " + outcomes);
        slow.forEach(x -> System.out.println("[fuzz] slow case " + x));
        failures.stream().limit(25).forEach(System.out::println);
        Assertions.assertTrue(failures.isEmpty(), () -> failures.size() + " of " + cases + " fuzz cases failed on "
                + kind() + " (seed " + seed + "); first:\n" + String.join("\n", failures.subList(0,
                Math.min(5, failures.size()))));
    }

    /** take -2147483648 (whose magnitude is no int) reads from the end, as take -2147483647 does. */
    @Test
    void regressionTakeOfMinimumInt() {
        for (PrismaClient client : List.of(viaQuery, viaJoin)) {
            var user = client.model("User");
            Object all = user.findMany("{\"orderBy\":{\"id\":\"asc\"},\"select\":{\"id\":true}}");
            Assertions.assertEquals(PrismaJson.render(all), PrismaJson.render(user.findMany(
                    "{\"orderBy\":{\"id\":\"asc\"},\"take\":-2147483648,\"select\":{\"id\":true}}")));
            Assertions.assertEquals(5, user.count("{\"take\":-2147483648}"));
            Assertions.assertEquals(PrismaJson.render(user.findMany("{\"include\":{\"posts\":true}}")),
                    PrismaJson.render(user.findMany("{\"include\":{\"posts\":{\"take\":-2147483648}}}")));
            Assertions.assertEquals(5, user.groupBy("{\"by\":[\"id\"],\"orderBy\":{\"id\":\"asc\"},"
                    + "\"take\":-2147483648}").size());
        }
    }

    /**
     * Nesting up to {@link ArgumentParser#MAX_DEPTH} runs; deeper is refused before SQL with a path, even 100000
     * levels (which overflowed the parser's stack) and as JSON text.
     */
    @Test
    void regressionDeepNesting() {
        for (int levels : new int[] {45, 200, 100_000}) {
            ObjectNode where = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", 1);
            for (int i = 0; i < levels; i++) {
                ObjectNode outer = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                outer.set(i % 3 == 0 ? "NOT" : i % 3 == 1 ? "AND" : "OR", i % 2 == 0 ? where
                        : tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(where));
                where = outer;
            }
            ObjectNode args = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            args.set("where", where);
            int before = statements.get();
            if (levels < ArgumentParser.MAX_DEPTH / 2) {
                Assertions.assertNotNull(viaJoin.model("User").count(args));
                continue;
            }
            PrismaValidationException e = Assertions.assertThrows(PrismaValidationException.class,
                    () -> viaQuery.model("User").findMany(args));
            Assertions.assertEquals(ArgumentParser.MAX_DEPTH + 1, e.path().size());
            Assertions.assertEquals("where", e.path().get(0));
            Assertions.assertTrue(e.getMessage().contains("deeper than " + ArgumentParser.MAX_DEPTH), e.getMessage());
            Assertions.assertEquals(before, statements.get());
        }
        String text = "{\"where\":" + "{\"NOT\":".repeat(5000) + "{}" + "}".repeat(5000) + "}";
        PrismaValidationException e = Assertions.assertThrows(PrismaValidationException.class,
                () -> viaQuery.model("User").findMany(text));
        Assertions.assertFalse(e.getMessage().isBlank());
    }

    /** MIN/MAX of a Boolean in groupBy's orderBy and having (PostgreSQL has no max(boolean)). */
    @Test
    void regressionBooleanMinMaxInGroupBy() {
        var post = viaQuery.model("Post");
        List<Map<String, Object>> byAuthor = post.groupBy("{\"by\":[\"authorId\"],\"_max\":{\"published\":true},"
                + "\"orderBy\":[{\"_max\":{\"published\":\"desc\"}},{\"authorId\":\"asc\"}]}");
        Assertions.assertEquals("[{\"authorId\":1,\"_max\":{\"published\":true}},{\"authorId\":2,\"_max\":"
                + "{\"published\":true}},{\"authorId\":3,\"_max\":{\"published\":true}},{\"authorId\":4,\"_max\":"
                + "{\"published\":false}}]", PrismaJson.render(byAuthor));
        List<Map<String, Object>> allUnpublished = post.groupBy("{\"by\":[\"authorId\"],"
                + "\"having\":{\"published\":{\"_max\":{\"equals\":false}}},\"orderBy\":{\"authorId\":\"asc\"}}");
        Assertions.assertEquals("[{\"authorId\":4}]", PrismaJson.render(allUnpublished));
    }

    /** A plain having filter on a field that is not grouped is refused before SQL (it was invalid SQL). */
    @Test
    void regressionHavingOnUngroupedField() {
        int before = statements.get();
        PrismaValidationException e = Assertions.assertThrows(PrismaValidationException.class,
                () -> viaQuery.model("Post").groupBy("{\"by\":[\"authorId\"],\"having\":{\"title\":\"x\"}}"));
        Assertions.assertEquals(List.of("having", "title"), e.path());
        Assertions.assertTrue(e.getMessage().contains("Missing fields: title"), e.getMessage());
        Assertions.assertEquals(before, statements.get());
        Assertions.assertEquals(1, viaQuery.model("Post").groupBy("{\"by\":[\"authorId\"],"
                + "\"having\":{\"authorId\":2,\"title\":{\"_count\":{\"gt\":0}}}}").size());
    }

    private String runValid(FuzzCase fc, Map<String, Integer> outcomes) {
        Object byQuery;
        Object byJoin;
        try {
            byQuery = viaQuery.model(fc.model()).run(fc.operation(), fc.args().deepCopy());
            byJoin = viaJoin.model(fc.model()).run(fc.operation(), fc.args().deepCopy());
        } catch (PrismaException e) {
            if (e.code().equals("P2025") && fc.operation().endsWith("OrThrow")
                    && !(e instanceof PrismaValidationException)) {
                outcomes.merge("valid: P2025 not found", 1, Integer::sum);
                return null;
            }
            return "valid arguments failed: " + describe(e);
        } catch (Throwable t) {
            return "valid arguments failed: " + describe(t);
        }
        String q = PrismaJson.render(byQuery);
        String j = PrismaJson.render(byJoin);
        if (!q.equals(j)) {
            return "query and join strategies disagree:\n  query: " + abbreviate(q) + "\n  join:  " + abbreviate(j);
        }
        outcomes.merge("valid: ran" + (q.equals("[]") || q.equals("null") ? " (empty)" : ""), 1, Integer::sum);
        return null;
    }

    private String runInvalid(FuzzCase fc, Map<String, Integer> outcomes) {
        int before = statements.get();
        try {
            Object result = viaQuery.model(fc.model()).run(fc.operation(), fc.args().deepCopy());
            return "invalid arguments accepted (" + fc.fault() + "), result " + abbreviate(PrismaJson.render(result));
        } catch (PrismaValidationException e) {
            int ran = statements.get() - before;
            if (ran != 0) {
                return "rejected, but only after " + ran + " SQL statement(s): " + describe(e);
            }
            String message = String.valueOf(e.getMessage());
            boolean namesPath = e.path().isEmpty() ? message.contains("top level")
                    : message.contains(e.path().get(e.path().size() - 1));
            if (!namesPath) {
                return "rejection does not name its path " + e.path() + ": " + message;
            }
            outcomes.merge("invalid: " + e.kind(), 1, Integer::sum);
            return null;
        } catch (Throwable t) {
            return "invalid arguments (" + fc.fault() + ") gave " + describe(t) + " after "
                    + (statements.get() - before) + " statement(s)";
        }
    }

    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getName());
        if (t instanceof PrismaException p) {
            s.append(" ").append(p.code());
        }
        s.append(": ").append(abbreviate(String.valueOf(t.getMessage())));
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(4, trace.length); i++) {
            s.append("\n      at ").append(trace[i]);
        }
        return s.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private String report(long seed, FuzzCase fc, String problem) {
        return "[fuzz] FAIL " + kind() + " seed " + seed + " case " + fc.number() + ": " + fc.model() + "."
                + fc.operation() + (fc.valid() ? " (valid)" : " (fault: " + fc.fault() + ")") + "\n  args: "
                + abbreviate(fc.args().toString()) + "\n  " + problem;
    }

    /** The blog rows every fuzz database starts with, and the values the generator draws from them. */
    static final class BlogData {

        static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

        static void seed(Seeder s, javax.sql.DataSource ds, QuerySchema schema) throws Exception {
            s.insert("User", List.of(
                    ReadSuite.row("id", 1, "email", "alice@example.com", "name", "Alice", "role", "ADMIN",
                            "createdAt", T0),
                    ReadSuite.row("id", 2, "email", "bob@example.com", "role", "USER",
                            "createdAt", Instant.parse("2026-02-01T00:00:00Z")),
                    ReadSuite.row("id", 3, "email", "zoe@example.com", "name", "Zoë 🎉", "role", "USER",
                            "createdAt", Instant.parse("1970-01-01T00:00:00Z")),
                    ReadSuite.row("id", 4, "email", "x'); DROP TABLE \"User\"; --", "name", "100%_sure\\",
                            "role", "ADMIN", "createdAt", Instant.parse("2026-03-01T12:30:00Z")),
                    ReadSuite.row("id", 5, "email", "日本語@example.com", "name", "", "role", "USER",
                            "createdAt", Instant.parse("2099-12-31T23:59:59.999Z"))));
            s.insert("Profile", List.of(ReadSuite.row("id", 1, "bio", "Alice bio", "userId", 1),
                    ReadSuite.row("id", 2, "bio", "", "userId", 3)));
            s.insert("Post", List.of(
                    post("p1", "Hello World", "Hi", true, 1), post("p2", "Second post", null, false, 1),
                    post("p3", "Bob's post", "%_\\", true, 2), post("p4", "Zoë 🎉 schreibt", null, true, 3),
                    post("p5", "100% _sure_", "'; --", false, 4), post("p6", "", "", false, 1)));
            s.insert("Tag", List.of(ReadSuite.row("id", 1, "name", "java"), ReadSuite.row("id", 2, "name", "sql"),
                    ReadSuite.row("id", 3, "name", "日本語"), ReadSuite.row("id", 4, "name", "unused")));
            var d = schema.dialect();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                    + d.quote("_PostToTag") + " (" + d.quote("A") + ", " + d.quote("B") + ") VALUES (?, ?)")) {
                for (Object[] link : new Object[][] {{"p1", 1}, {"p1", 3}, {"p2", 1}, {"p3", 2}, {"p4", 3}}) {
                    ps.setString(1, (String) link[0]);
                    ps.setInt(2, (Integer) link[1]);
                    ps.executeUpdate();
                }
            }
        }

        private static Map<String, Object> post(String id, String title, String content, boolean published,
                                                int author) {
            Map<String, Object> row = ReadSuite.row("id", id, "title", title, "published", published,
                    "authorId", author, "updatedAt", T0.plusSeconds(id.hashCode() % 1000));
            if (content != null) {
                row.put("content", content);
            }
            return row;
        }

        static FuzzValues values() {
            return new FuzzValues()
                    .known("User", "id", 1, 2, 3, 4, 5, 99)
                    .known("User", "email", "alice@example.com", "bob@example.com", "x'); DROP TABLE \"User\"; --",
                            "日本語@example.com", "nobody@example.com")
                    .known("User", "name", "Alice", "Zoë 🎉", "100%_sure\\", "", "alice", "A")
                    .known("User", "createdAt", "2026-01-01T10:00:00.123Z", "1970-01-01T00:00:00Z",
                            "2026-02-01T00:00:00.000Z")
                    .known("Profile", "id", 1, 2, 3)
                    .known("Profile", "bio", "Alice bio", "", "bio")
                    .known("Profile", "userId", 1, 3, 2)
                    .known("Post", "id", "p1", "p2", "p3", "p4", "p5", "p6", "p7")
                    .known("Post", "title", "Hello World", "Second post", "Bob's post", "100% _sure_", "Hello", "")
                    .known("Post", "content", "Hi", "%_\\", "'; --", "%", "_")
                    .known("Post", "authorId", 1, 2, 3, 4, 7)
                    .known("Tag", "id", 1, 2, 3, 4, 5)
                    .known("Tag", "name", "java", "sql", "日本語", "unused", "JAVA");
        }
    }
}
