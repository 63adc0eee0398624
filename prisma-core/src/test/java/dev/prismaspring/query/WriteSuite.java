package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaNull;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The write suite, run against every database (one subclass per {@link DbKind}): every write operation, write
 * argument and nested write (per relation kind), required-relation rules, transactions and concurrent upserts. Each
 * step checks the database state with plain JDBC, not only the returned values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WriteSuite {

    abstract DbKind kind();

    TestDatabase db;
    TestDatabase emulatedDb;
    PrismaClient prisma;
    PrismaClient emulated;
    JdbcTemplate jdbc;
    JdbcTemplate emulatedJdbc;
    final List<String> statements = new CopyOnWriteArrayList<>();

    String provider() {
        return switch (kind()) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    Datamodel datamodel(boolean relationModePrisma) {
        String text = TestSchemas.read(Path.of("src/test/resources/schemas/writes.prisma"))
                .replace("provider = \"postgresql\"", "provider = \"" + provider() + "\""
                        + (relationModePrisma ? "\n  relationMode = \"prisma\"" : ""));
        ValidatedSchema v = SchemaValidator.validate(text);
        assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
        return v.datamodel();
    }

    DataSource dataSource(TestDatabase d) {
        String url = d.jdbcUrl();
        if (kind() == DbKind.SQLITE) {
            // several connections write one file: wait for the lock, take it when the transaction begins; every
            // new connection (no pool here) enforces foreign keys
            url += "?busy_timeout=30000&transaction_mode=IMMEDIATE&foreign_keys=true";
        }
        return new DriverManagerDataSource(url);
    }

    @BeforeAll
    void setUp() throws Exception {
        TestDatabases.Availability a = TestDatabases.availability(kind());
        Assumptions.assumeTrue(a.available(), () -> kind() + " not available: " + a.reason());
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        Datamodel dm = datamodel(false);
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        DataSource ds = dataSource(db);
        jdbc = new JdbcTemplate(ds);
        prisma = PrismaClient.builder(dm, ds).statementListener((sql, params) -> statements.add(sql)).build();

        emulatedDb = TestDatabases.create(kind(), getClass().getSimpleName() + "_rm");
        Datamodel em = datamodel(true);
        emulatedDb.execute(SqlSchemaCalculator.renderCreate(em));
        DataSource eds = dataSource(emulatedDb);
        emulatedJdbc = new JdbcTemplate(eds);
        emulated = PrismaClient.create(em, eds);
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();
        }
        if (emulatedDb != null) {
            emulatedDb.close();
        }
    }

    @BeforeEach
    void clean() {
        for (JdbcTemplate j : new JdbcTemplate[] {jdbc, emulatedJdbc}) {
            for (String t : List.of("_PostToTag", "Comment", "Membership", "Profile", "Post", "Tag", "Group", "User",
                    "Passport", "Person", "Ids", "Sample")) {
                j.update("DELETE FROM " + q(t));
            }
        }
        statements.clear();
    }

    // ------------------------------------------------------------------------------------------ helpers

    String q(String identifier) {
        return kind() == DbKind.MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /** SQL with "double-quoted" identifiers, re-quoted for MySQL. */
    String sql(String text) {
        return kind() == DbKind.MYSQL ? text.replace('"', '`') : text;
    }

    List<Map<String, Object>> rows(String text, Object... params) {
        return jdbc.queryForList(sql(text), params);
    }

    long count(String table) {
        return count(jdbc, table);
    }

    long count(JdbcTemplate j, String table) {
        return j.queryForObject("SELECT COUNT(*) FROM " + q(table), Number.class).longValue();
    }

    Object value(String text, Object... params) {
        List<Map<String, Object>> r = rows(text, params);
        assertThat(r).hasSize(1);
        return r.get(0).values().iterator().next();
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    int userId(String email) {
        return (int) num(value("SELECT \"id\" FROM \"User\" WHERE \"email\" = ?", email));
    }

    Map<String, Object> user(String email) {
        return prisma.model("User").create("{\"data\": {\"email\": \"" + email + "\"}}");
    }

    // ------------------------------------------------------------------------------------------ create

    @Test
    void createFillsDefaultsAndReturnsTheRecord() {
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> u = prisma.model("User").create("""
                {"data": {"email": "ada@example.com", "name": "Ada", "balance": "10.50", "big": "9007199254740993",
                          "role": "ADMIN", "meta": {"a": [1, 2]}}}""");
        assertThat(u.get("id")).isInstanceOf(Integer.class);
        assertThat(u).containsEntry("email", "ada@example.com").containsEntry("name", "Ada").containsEntry("age", 0)
                .containsEntry("role", "ADMIN").containsEntry("big", 9007199254740993L)
                .containsEntry("balance", new BigDecimal("10.5"));
        assertThat((Instant) u.get("createdAt")).isAfter(before);
        assertThat(u.get("updatedAt")).isEqualTo(u.get("createdAt"));
        assertThat(u.get("meta").toString()).isEqualTo("{\"a\":[1,2]}");
        Map<String, Object> row = rows("SELECT * FROM \"User\" WHERE \"id\" = ?", u.get("id")).get(0);
        assertThat(row.get("name")).isEqualTo("Ada");
        assertThat(String.valueOf(row.get("role"))).isEqualTo("admin");
        assertThat(count("User")).isEqualTo(1);
    }

    @Test
    void createHonoursSelectIncludeAndOmit() {
        Map<String, Object> u = prisma.model("User").create("""
                {"data": {"email": "s@example.com", "posts": {"create": [{"title": "A"}, {"title": "B"}]}},
                 "select": {"email": true, "posts": {"select": {"title": true}, "orderBy": {"title": "asc"}}}}""");
        assertThat(u).isEqualTo(map("email", "s@example.com", "posts", List.of(map("title", "A"), map("title", "B"))));
        Map<String, Object> o = prisma.model("User").create("""
                {"data": {"email": "o@example.com"}, "omit": {"meta": true, "createdAt": true},
                 "include": {"_count": true}}""");
        assertThat(o).doesNotContainKeys("meta", "createdAt").containsKey("updatedAt");
        assertThat(o.get("_count")).isEqualTo(map("posts", 0, "memberships", 0));
        assertThat(num(value("SELECT COUNT(*) FROM \"Post\" p JOIN \"User\" u ON u.\"id\" = p.\"authorId\" "
                + "WHERE u.\"email\" = 's@example.com'"))).isEqualTo(2);
    }

    @Test
    void validationFailsBeforeAnySql() {
        statements.clear();
        assertThatThrownBy(() -> prisma.model("User").create("{\"data\": {\"emial\": \"x@example.com\"}}"))
                .isInstanceOf(PrismaValidationException.class)
                .hasMessageContaining("Unknown argument 'emial' in data").hasMessageContaining("Did you mean 'email'?");
        assertThatThrownBy(() -> prisma.model("User").create("{\"data\": {\"name\": \"x\"}}"))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("Argument `email` is missing")
                .satisfies(e -> assertThat(((PrismaValidationException) e).path()).containsExactly("data", "email"));
        assertThatThrownBy(() -> prisma.model("User").create("{\"data\": {\"email\": 5}}"))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("data.email");
        assertThatThrownBy(() -> prisma.model("User").update("{\"where\": {\"id\": 1}, \"data\": {\"age\": {\"incremnt\": 1}}}"))
                .hasMessageContaining("Did you mean 'increment'?");
        assertThatThrownBy(() -> prisma.model("Comment").create("{\"data\": {\"text\": \"x\"}}"))
                .hasMessageContaining("Argument `post` is missing");
        assertThatThrownBy(() -> prisma.model("User").update("""
                {"where": {"id": 1}, "data": {"profile": {"disconnect": true}}}"""))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("disconnect");
        assertThatThrownBy(() -> prisma.model("User").create("{\"data\": {\"email\": \"j@x\", \"meta\": null}}"))
                .hasMessageContaining("DbNull");
        assertThatThrownBy(() -> prisma.model("User").create("""
                {"data": {"email": "n@x", "posts": {"create": [{"title": "a"}, {"titel": "b"}]}}}"""))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("Did you mean 'title'?")
                .satisfies(e -> assertThat(((PrismaValidationException) e).path())
                        .containsExactly("data", "posts", "create", "1", "titel"));
        // the back relation is set by the parent, so it is not an argument of the nested create
        assertThatThrownBy(() -> prisma.model("User").create("""
                {"data": {"email": "n@x", "posts": {"create": {"title": "a", "authorId": 3}}}}"""))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("Unknown argument 'authorId'");
        assertThatThrownBy(() -> prisma.model("Post").create("""
                {"data": {"title": "a", "authorId": 1, "author": {"connect": {"id": 1}}}}"""))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("not both");
        assertThat(statements).isEmpty();
        assertThat(count("User")).isZero();
    }

    @Test
    void createManySkipsDuplicatesWhenAsked() {
        assertThat(prisma.model("Tag").createMany("{\"data\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]}"))
                .isEqualTo(map("count", 3));
        assertThat(prisma.model("Tag").createMany("""
                {"data": [{"name": "c"}, {"name": "d"}], "skipDuplicates": true}""")).isEqualTo(map("count", 1));
        assertThat(count("Tag")).isEqualTo(4);
        assertThatThrownBy(() -> prisma.model("Tag").createMany("{\"data\": [{\"name\": \"e\"}, {\"name\": \"a\"}]}"))
                .isInstanceOf(RuntimeException.class);
        assertThat(count("Tag")).isEqualTo(4);
        statements.clear();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(map("name", "bulk" + i));
        }
        assertThat(prisma.model("Tag").createMany(map("data", many))).isEqualTo(map("count", 1500));
        assertThat(count("Tag")).isEqualTo(1504);
        // one INSERT per chunk of the bind limit, never one per row
        assertThat(statements.stream().filter(s -> s.startsWith("INSERT")).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void createManyAndReturnReturnsRecordsInOrderOrIsRejected() {
        String args = "{\"data\": [{\"name\": \"z\"}, {\"name\": \"y\"}], \"select\": {\"name\": true}}";
        if (kind() == DbKind.MYSQL) {
            assertThatThrownBy(() -> prisma.model("Tag").createManyAndReturn(args))
                    .isInstanceOf(PrismaValidationException.class).hasMessageContaining("not available for provider");
            assertThat(count("Tag")).isZero();
            return;
        }
        assertThat(prisma.model("Tag").createManyAndReturn(args)).containsExactly(map("name", "z"), map("name", "y"));
        assertThat(count("Tag")).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------ update

    @Test
    void updateSetsAndAppliesAtomicOperations() throws Exception {
        Map<String, Object> u = prisma.model("User").create("""
                {"data": {"email": "u@example.com", "age": 10, "score": 1.5, "balance": "2.5", "big": 7}}""");
        Thread.sleep(5);
        Map<String, Object> v = prisma.model("User").update("""
                {"where": {"email": "u@example.com"},
                 "data": {"name": {"set": "Ursula"}, "age": {"increment": 5}, "score": {"multiply": 2},
                          "balance": {"decrement": "0.5"}, "big": {"divide": 2}}}""");
        assertThat(v).containsEntry("name", "Ursula").containsEntry("age", 15).containsEntry("score", 3.0)
                .containsEntry("balance", new BigDecimal("2")).containsEntry("big", 3L);
        assertThat((Instant) v.get("updatedAt")).isAfter((Instant) u.get("updatedAt"));
        Map<String, Object> row = rows("SELECT \"age\", \"name\" FROM \"User\" WHERE \"email\" = ?", "u@example.com")
                .get(0);
        assertThat(num(row.get("age"))).isEqualTo(15);
        assertThat(row.get("name")).isEqualTo("Ursula");
        prisma.model("User").update("{\"where\": {\"email\": \"u@example.com\"}, \"data\": {\"name\": null}}");
        assertThat(value("SELECT \"name\" FROM \"User\" WHERE \"email\" = ?", "u@example.com")).isNull();
        assertThatThrownBy(() -> prisma.model("User").update("{\"where\": {\"id\": -1}, \"data\": {\"age\": 1}}"))
                .isInstanceOf(PrismaException.class).satisfies(e -> assertThat(((PrismaException) e).code())
                        .isEqualTo("P2025"));
    }

    @Test
    void updateManyAndDeleteManyHonourWhereAndLimit() {
        prisma.model("Tag").createMany("{\"data\": [{\"name\": \"t1\"}, {\"name\": \"t2\"}, {\"name\": \"t3\"}, "
                + "{\"name\": \"x1\"}]}");
        assertThat(prisma.model("Tag").updateMany("""
                {"where": {"name": {"startsWith": "t"}}, "data": {"name": {"set": "renamed"}}, "limit": 1}"""))
                .isEqualTo(map("count", 1));
        assertThat(num(value("SELECT COUNT(*) FROM \"Tag\" WHERE \"name\" = 'renamed'"))).isEqualTo(1);
        prisma.model("User").createMany("{\"data\": [{\"email\": \"a@x\", \"age\": 1}, {\"email\": \"b@x\", \"age\": 2}]}");
        assertThat(prisma.model("User").updateMany("{\"data\": {\"age\": {\"increment\": 10}}}"))
                .isEqualTo(map("count", 2));
        assertThat(num(value("SELECT SUM(\"age\") FROM \"User\""))).isEqualTo(23);
        if (kind() != DbKind.MYSQL) {
            assertThat(prisma.model("User").updateManyAndReturn("""
                    {"where": {"age": {"gt": 11}}, "data": {"name": "old"}, "select": {"email": true, "name": true}}"""))
                    .containsExactly(map("email", "b@x", "name", "old"));
        }
        assertThat(prisma.model("Tag").deleteMany("{\"where\": {\"name\": {\"startsWith\": \"t\"}}, \"limit\": 1}"))
                .isEqualTo(map("count", 1));
        assertThat(count("Tag")).isEqualTo(3);
        assertThat(prisma.model("Tag").deleteMany(null)).isEqualTo(map("count", 3));
        assertThat(count("Tag")).isZero();
    }

    @Test
    void deleteReturnsTheRecordOrP2025() {
        user("d@example.com");
        Map<String, Object> d = prisma.model("User").delete("{\"where\": {\"email\": \"d@example.com\"}, "
                + "\"select\": {\"email\": true}}");
        assertThat(d).isEqualTo(map("email", "d@example.com"));
        assertThat(count("User")).isZero();
        assertThatThrownBy(() -> prisma.model("User").delete("{\"where\": {\"email\": \"d@example.com\"}}"))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"))
                .hasMessageContaining("Record to delete does not exist.");
    }

    // ------------------------------------------------------------------------------------------ upserts

    @Test
    void nativeUpsertCreatesThenUpdates() {
        String args = """
                {"where": {"email": "up@example.com"}, "create": {"email": "up@example.com", "age": 1},
                 "update": {"age": {"increment": 1}}}""";
        assertThat(prisma.model("User").parse("upsert", args)).isInstanceOfSatisfying(Query.Write.class,
                w -> assertThat(w.conflict()).isNotNull());
        statements.clear();
        assertThat(prisma.model("User").upsert(args)).containsEntry("age", 1);
        assertThat(statements.stream().filter(s -> s.startsWith("INSERT")).findFirst().orElseThrow())
                .containsAnyOf("ON CONFLICT", "ON DUPLICATE KEY UPDATE");
        assertThat(prisma.model("User").upsert(args)).containsEntry("age", 2);
        assertThat(count("User")).isEqualTo(1);
        assertThat(num(value("SELECT \"age\" FROM \"User\""))).isEqualTo(2);
    }

    @Test
    void emulatedUpsertWithNestedCreate() {
        String args = """
                {"where": {"email": "em@example.com"},
                 "create": {"email": "em@example.com", "posts": {"create": {"title": "first"}}},
                 "update": {"posts": {"create": {"title": "again"}}}, "include": {"posts": true}}""";
        assertThat(prisma.model("User").parse("upsert", args)).isInstanceOfSatisfying(Query.Write.class,
                w -> assertThat(w.conflict()).isNull());
        assertThat((List<?>) prisma.model("User").upsert(args).get("posts")).hasSize(1);
        assertThat((List<?>) prisma.model("User").upsert(args).get("posts")).hasSize(2);
        assertThat(count("User")).isEqualTo(1);
        assertThat(count("Post")).isEqualTo(2);
    }

    @Test
    void concurrentUpsertsOnOneKeyEndWithOneRow() throws Exception {
        for (String args : List.of("""
                {"where": {"email": "race@example.com"}, "create": {"email": "race@example.com", "age": 1},
                 "update": {"age": {"increment": 1}}}""", """
                {"where": {"email": "race2@example.com"},
                 "create": {"email": "race2@example.com", "age": 1, "posts": {"create": {"title": "p"}}},
                 "update": {"age": {"increment": 1}}}""")) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, Object>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return prisma.model("User").upsert(args);
                }));
            }
            start.countDown();
            for (Future<Map<String, Object>> f : results) {
                assertThat(f.get()).containsKey("id");
            }
            pool.shutdown();
        }
        assertThat(num(value("SELECT COUNT(*) FROM \"User\" WHERE \"email\" = 'race@example.com'"))).isEqualTo(1);
        assertThat(num(value("SELECT \"age\" FROM \"User\" WHERE \"email\" = 'race@example.com'"))).isEqualTo(8);
        assertThat(num(value("SELECT COUNT(*) FROM \"User\" WHERE \"email\" = 'race2@example.com'"))).isEqualTo(1);
        assertThat(num(value("SELECT \"age\" FROM \"User\" WHERE \"email\" = 'race2@example.com'"))).isEqualTo(8);
        assertThat(count("Post")).isEqualTo(1);
    }

    @Test
    void upsertManyInsertsAndUpdatesInOneStatement() {
        prisma.model("User").createMany("{\"data\": [{\"email\": \"a@x\", \"name\": \"A\", \"age\": 1}]}");
        statements.clear();
        assertThat(prisma.model("User").upsertMany("""
                {"data": [{"email": "a@x", "name": "A2", "age": 5}, {"email": "b@x", "name": "B", "age": 2}],
                 "where": "email"}""")).isEqualTo(map("count", 2));
        assertThat(statements.stream().filter(s -> s.startsWith("INSERT")).count()).isEqualTo(1);
        assertThat(rows("SELECT \"email\", \"name\", \"age\" FROM \"User\" ORDER BY \"email\"").stream()
                .map(r -> r.get("email") + "/" + r.get("name") + "/" + num(r.get("age"))).toList())
                .containsExactly("a@x/A2/5", "b@x/B/2");
        prisma.model("User").upsertMany("""
                {"data": [{"email": "a@x"}, {"email": "c@x"}], "where": "email", "update": {"age": {"increment": 100}}}""");
        assertThat(rows("SELECT \"email\", \"age\" FROM \"User\" ORDER BY \"email\"").stream()
                .map(r -> r.get("email") + "/" + num(r.get("age"))).toList())
                .containsExactly("a@x/105", "b@x/2", "c@x/0");
        assertThatThrownBy(() -> prisma.model("User").upsertMany("{\"data\": [{\"email\": \"q@x\"}], \"where\": \"emial\"}"))
                .hasMessageContaining("Did you mean 'email'?");
    }

    // ------------------------------------------------------------------------------------------ write arguments

    @Test
    void jsonNullSentinels() {
        prisma.model("User").create(map("data", map("email", "j@x", "meta", PrismaNull.JsonNull)));
        Object stored = value("SELECT \"meta\" FROM \"User\" WHERE \"email\" = 'j@x'");
        assertThat(stored).isNotNull();
        assertThat(stored.toString().trim()).isEqualTo("null");
        prisma.model("User").update("""
                {"where": {"email": "j@x"}, "data": {"meta": {"$type": "Enum", "value": "DbNull"}}}""");
        assertThat(value("SELECT \"meta\" FROM \"User\" WHERE \"email\" = 'j@x'")).isNull();
        prisma.model("User").update("{\"where\": {\"email\": \"j@x\"}, \"data\": {\"meta\": {\"k\": \"v\"}}}");
        assertThat(prisma.model("User").findUnique("{\"where\": {\"email\": \"j@x\"}}").get("meta").toString())
                .isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void clientSideDefaultsHaveTheirFormats() {
        Map<String, Object> r = prisma.model("Ids").create("{\"data\": {}}");
        assertThat((String) r.get("id")).matches("c[0-9a-z]{24}");
        assertThat((String) r.get("c2")).matches("[a-z][0-9a-z]{23}");
        assertThat((String) r.get("u4")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat((String) r.get("u7")).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat((String) r.get("n")).matches("[A-Za-z0-9_-]{21}");
        assertThat((String) r.get("n8")).matches("[A-Za-z0-9_-]{8}");
        assertThat((String) r.get("ul")).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat((Instant) r.get("at")).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(value("SELECT \"c2\" FROM \"Ids\"")).isEqualTo(r.get("c2"));
    }

    // ------------------------------------------------------------------------------------------ nested: 1-n

    @Test
    void nestedWritesOnToManySide() {
        prisma.model("Post").createMany("{\"data\": [{\"title\": \"free1\"}, {\"title\": \"free2\"}, "
                + "{\"title\": \"free3\"}]}");
        List<Object> free = rows("SELECT \"id\" FROM \"Post\" ORDER BY \"title\"").stream().map(r -> r.get("id"))
                .toList();
        Map<String, Object> u = prisma.model("User").create(map("data", map("email", "n@x",
                "posts", map("createMany", map("data", List.of(map("title", "m1"), map("title", "m2")))))));
        int id = (int) u.get("id");
        assertThat(num(value("SELECT COUNT(*) FROM \"Post\" WHERE \"authorId\" = ?", id))).isEqualTo(2);

        statements.clear();
        prisma.model("User").update(map("where", map("id", id), "data", map("posts",
                map("connect", List.of(map("id", free.get(0)), map("id", free.get(1)))))));
        assertThat(statements.stream().filter(s -> s.startsWith("UPDATE \"Post\"") || s.startsWith("UPDATE `Post`"))
                .count()).isEqualTo(1);
        assertThat(num(value("SELECT COUNT(*) FROM \"Post\" WHERE \"authorId\" = ?", id))).isEqualTo(4);

        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", id), "data", map("posts",
                map("connect", List.of(map("id", "missing")))))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"));

        prisma.model("User").update(map("where", map("id", id), "data", map("posts",
                map("disconnect", List.of(map("id", free.get(0)))))));
        assertThat(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", free.get(0))).isNull();

        prisma.model("User").update(map("where", map("id", id), "data", map("posts",
                map("set", List.of(map("id", free.get(2)))))));
        assertThat(rows("SELECT \"title\" FROM \"Post\" WHERE \"authorId\" = ?", id).stream()
                .map(r -> r.get("title")).toList()).containsExactly("free3");

        statements.clear();
        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("create",
                List.of(map("title", "c1"), map("title", "c2"))))));
        // records without nested writes of their own are created in one statement
        assertThat(statements.stream().filter(s -> s.startsWith(sql("INSERT INTO \"Post\""))).count()).isEqualTo(1);
        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("updateMany",
                map("where", map("title", map("startsWith", "c")), "data", map("views", map("increment", 3)))))));
        assertThat(num(value("SELECT SUM(\"views\") FROM \"Post\" WHERE \"authorId\" = ?", id))).isEqualTo(6);

        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("update",
                map("where", map("id", free.get(2)), "data", map("title", "free3!"))))));
        assertThat(value("SELECT \"title\" FROM \"Post\" WHERE \"id\" = ?", free.get(2))).isEqualTo("free3!");
        // a post of someone else is not reachable through this user's relation
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", id), "data", map("posts",
                map("update", map("where", map("id", free.get(0)), "data", map("title", "no"))))))).satisfies(
                e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"));

        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("upsert",
                map("where", map("id", "nope"), "create", map("title", "ups"), "update", map("title", "x"))))));
        assertThat(num(value("SELECT COUNT(*) FROM \"Post\" WHERE \"authorId\" = ? AND \"title\" = 'ups'", id)))
                .isEqualTo(1);

        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("delete",
                List.of(map("id", free.get(2)))))));
        assertThat(num(value("SELECT COUNT(*) FROM \"Post\" WHERE \"id\" = ?", free.get(2)))).isZero();
        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("deleteMany",
                map("title", map("startsWith", "c"))))));
        assertThat(rows("SELECT \"title\" FROM \"Post\" WHERE \"authorId\" = ?", id).stream()
                .map(r -> r.get("title")).toList()).containsExactly("ups");
        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map("connectOrCreate",
                List.of(map("where", map("id", free.get(1)), "create", map("title", "unused")),
                        map("where", map("id", "new-id"), "create", map("id", "new-id", "title", "made")))))));
        assertThat(rows("SELECT \"title\" FROM \"Post\" WHERE \"authorId\" = ? ORDER BY \"title\"", id).stream()
                .map(r -> r.get("title")).toList()).containsExactly("free2", "made", "ups");
        // several operations on one relation field: removals run before additions
        prisma.model("User").update(map("where", map("id", id), "data", map("posts", map(
                "connect", List.of(map("id", free.get(0))), "create", map("title", "both"),
                "set", List.of(map("id", "new-id"))))));
        assertThat(rows("SELECT \"title\" FROM \"Post\" WHERE \"authorId\" = ? ORDER BY \"title\"", id).stream()
                .map(r -> r.get("title")).toList()).containsExactly("both", "free1", "made");
    }

    @Test
    void nestedWritesOnTheForeignKeySide() {
        user("owner@x");
        int owner = userId("owner@x");
        Map<String, Object> p = prisma.model("Post").create(map("data", map("title", "p",
                "author", map("connect", map("email", "owner@x"))), "include", map("author", true)));
        assertThat(((Map<?, ?>) p.get("author")).get("email")).isEqualTo("owner@x");
        assertThat(num(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", p.get("id")))).isEqualTo(owner);

        assertThatThrownBy(() -> prisma.model("Post").create(map("data", map("title", "q",
                "author", map("connect", map("email", "ghost@x"))))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"))
                .hasMessageContaining("No 'User' record(s) (needed to inline the relation on 'Post' record(s)) was "
                        + "found for a nested connect on one-to-many relation 'PostToUser'.");
        assertThat(count("Post")).isEqualTo(1);

        Map<String, Object> c = prisma.model("Post").create(map("data", map("title", "c",
                "author", map("create", map("email", "new@x", "name", "New")))));
        assertThat(num(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", c.get("id"))))
                .isEqualTo(userId("new@x"));

        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("author",
                map("update", map("name", "Renamed")))));
        assertThat(value("SELECT \"name\" FROM \"User\" WHERE \"email\" = 'new@x'")).isEqualTo("Renamed");

        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("author",
                map("connectOrCreate", map("where", map("email", "coc@x"), "create", map("email", "coc@x"))))));
        assertThat(num(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", c.get("id"))))
                .isEqualTo(userId("coc@x"));

        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("author",
                map("disconnect", true))));
        assertThat(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", c.get("id"))).isNull();

        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("author",
                map("upsert", map("create", map("email", "ups@x"), "update", map("name", "no"))))));
        assertThat(num(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", c.get("id"))))
                .isEqualTo(userId("ups@x"));
        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("author",
                map("upsert", map("create", map("email", "no@x"), "update", map("name", "yes"))))));
        assertThat(value("SELECT \"name\" FROM \"User\" WHERE \"email\" = 'ups@x'")).isEqualTo("yes");

        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("author",
                map("delete", true))));
        assertThat(num(value("SELECT COUNT(*) FROM \"User\" WHERE \"email\" = 'ups@x'"))).isZero();
        assertThat(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", c.get("id"))).isNull();

        // unchecked input: the foreign key scalar directly
        prisma.model("Post").update(map("where", map("id", c.get("id")), "data", map("authorId", owner)));
        assertThat(num(value("SELECT \"authorId\" FROM \"Post\" WHERE \"id\" = ?", c.get("id")))).isEqualTo(owner);
    }

    // ------------------------------------------------------------------------------------------ nested: 1-1

    @Test
    void oneToOneRequiredAndOptional() {
        Map<String, Object> u = prisma.model("User").create(map("data", map("email", "one@x",
                "profile", map("create", map("bio", "hi"))), "include", map("profile", true)));
        assertThat(((Map<?, ?>) u.get("profile")).get("bio")).isEqualTo("hi");
        int id = (int) u.get("id");
        prisma.model("User").update(map("where", map("id", id), "data", map("profile",
                map("update", map("bio", "hello")))));
        assertThat(value("SELECT \"bio\" FROM \"Profile\" WHERE \"userId\" = ?", id)).isEqualTo("hello");
        // a second profile would orphan the first, whose user is required
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", id), "data", map("profile",
                map("create", map("bio", "second"))))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2014"))
                .hasMessageContaining("'ProfileToUser' between the `Profile` and `User` models");
        assertThat(count("Profile")).isEqualTo(1);
        prisma.model("User").update(map("where", map("id", id), "data", map("profile",
                map("upsert", map("create", map("bio", "x"), "update", map("bio", "upserted"))))));
        assertThat(value("SELECT \"bio\" FROM \"Profile\" WHERE \"userId\" = ?", id)).isEqualTo("upserted");
        prisma.model("User").update(map("where", map("id", id), "data", map("profile", map("delete", true))));
        assertThat(count("Profile")).isZero();
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", id), "data", map("profile",
                map("update", map("bio", "gone")))))).satisfies(
                e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"));

        // optional 1-1 with the foreign key on Passport: connecting moves the passport, disconnect clears it
        prisma.model("Person").create(map("data", map("name", "P1", "passport", map("create", map("number", "N1")))));
        Map<String, Object> p2 = prisma.model("Person").create(map("data", map("name", "P2")));
        prisma.model("Person").update(map("where", map("id", p2.get("id")), "data", map("passport",
                map("connect", map("number", "N1")))));
        assertThat(num(value("SELECT \"ownerId\" FROM \"Passport\" WHERE \"number\" = 'N1'")))
                .isEqualTo(num(p2.get("id")));
        // the passport side: pointing N2 at P2 takes P2 away from N1 (its optional unique key is cleared)
        prisma.model("Passport").create(map("data", map("number", "N2", "owner", map("connect",
                map("id", p2.get("id"))))));
        assertThat(value("SELECT \"ownerId\" FROM \"Passport\" WHERE \"number\" = 'N1'")).isNull();
        prisma.model("Person").update(map("where", map("id", p2.get("id")), "data", map("passport",
                map("disconnect", true))));
        assertThat(value("SELECT \"ownerId\" FROM \"Passport\" WHERE \"number\" = 'N2'")).isNull();
    }

    // ------------------------------------------------------------------------------------------ nested: m-n

    @Test
    void implicitManyToMany() {
        prisma.model("Tag").createMany("{\"data\": [{\"name\": \"java\"}, {\"name\": \"sql\"}, {\"name\": \"go\"}]}");
        Map<String, Object> p = prisma.model("Post").create(map("data", map("title", "mn", "tags", map("connect",
                List.of(map("name", "java"), map("name", "sql")))), "include", map("tags", map("orderBy",
                map("name", "asc")))));
        assertThat(((List<?>) p.get("tags"))).hasSize(2);
        Object pid = p.get("id");
        assertThat(tagsOf(pid)).containsExactly("java", "sql");
        // connecting an already connected tag changes nothing
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("connect",
                List.of(map("name", "java"), map("name", "go"))))));
        assertThat(tagsOf(pid)).containsExactly("go", "java", "sql");
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("disconnect",
                List.of(map("name", "sql"))))));
        assertThat(tagsOf(pid)).containsExactly("go", "java");
        assertThat(count("Tag")).isEqualTo(3);
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("set",
                List.of(map("name", "sql"))))));
        assertThat(tagsOf(pid)).containsExactly("sql");
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("create",
                map("name", "new")))));
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("connectOrCreate",
                List.of(map("where", map("name", "java"), "create", map("name", "java")),
                        map("where", map("name", "rust"), "create", map("name", "rust")))))));
        assertThat(tagsOf(pid)).containsExactly("java", "new", "rust", "sql");
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("update",
                map("where", map("name", "new"), "data", map("name", "newer"))))));
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("updateMany",
                map("where", map("name", map("startsWith", "r")), "data", map("name", "rusty"))))));
        assertThat(tagsOf(pid)).containsExactly("java", "newer", "rusty", "sql");
        assertThatThrownBy(() -> prisma.model("Post").update(map("where", map("id", pid), "data", map("tags",
                map("update", map("where", map("name", "go"), "data", map("name", "x")))))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"));
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("delete",
                List.of(map("name", "newer"))))));
        assertThat(num(value("SELECT COUNT(*) FROM \"Tag\" WHERE \"name\" = 'newer'"))).isZero();
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("deleteMany",
                map("name", map("in", List.of("rusty", "sql"))))))); 
        assertThat(tagsOf(pid)).containsExactly("java");
        assertThat(rows("SELECT \"name\" FROM \"Tag\" ORDER BY \"name\"").stream().map(r -> r.get("name")).toList())
                .containsExactly("go", "java");
        // connecting more records than one statement may bind: chunked, still a statement per chunk, not per record
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(map("name", "bulk" + i));
        }
        prisma.model("Tag").createMany(map("data", many));
        statements.clear();
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("connect", many))));
        assertThat(tagsOf(pid)).hasSize(1201);
        assertThat(statements).hasSizeLessThan(12);
        prisma.model("Post").update(map("where", map("id", pid), "data", map("tags", map("disconnect", many))));
        assertThat(tagsOf(pid)).containsExactly("java");
        prisma.model("Tag").deleteMany(map("where", map("name", map("startsWith", "bulk"))));
        // the other side: a tag creating posts
        statements.clear();
        prisma.model("Tag").update(map("where", map("name", "go"), "data", map("posts", map("create",
                List.of(map("title", "g1"), map("title", "g2"))))));
        assertThat(statements.stream().filter(s -> s.startsWith(sql("INSERT INTO \"Post\""))).count())
                .isEqualTo(kind() == DbKind.MYSQL ? 2 : 1);
        assertThat(num(value("SELECT COUNT(*) FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.\"id\" = j.\"B\" "
                + "WHERE t.\"name\" = 'go'"))).isEqualTo(2);
    }

    List<Object> tagsOf(Object postId) {
        return rows("SELECT t.\"name\" FROM \"Tag\" t JOIN \"_PostToTag\" j ON j.\"B\" = t.\"id\" WHERE j.\"A\" = ? "
                + "ORDER BY t.\"name\"", postId).stream().map(r -> r.get("name")).toList();
    }

    @Test
    void explicitManyToManyThroughAJoinModel() {
        prisma.model("Group").create("{\"data\": {\"name\": \"admins\"}}");
        Map<String, Object> u = prisma.model("User").create(map("data", map("email", "m@x", "memberships",
                map("create", map("role", "owner", "group", map("connect", map("name", "admins"))))),
                "include", map("memberships", map("include", map("group", true)))));
        List<?> ms = (List<?>) u.get("memberships");
        assertThat(ms).hasSize(1);
        assertThat(((Map<?, ?>) ((Map<?, ?>) ms.get(0)).get("group")).get("name")).isEqualTo("admins");
        user("m2@x");
        prisma.model("Group").update(map("where", map("name", "admins"), "data", map("members", map("createMany",
                map("data", List.of(map("userId", userId("m2@x"))))))));
        assertThat(count("Membership")).isEqualTo(2);
        prisma.model("Group").update(map("where", map("name", "admins"), "data", map("members", map("deleteMany",
                map("role", "member")))));
        assertThat(rows("SELECT \"role\" FROM \"Membership\"").stream().map(r -> r.get("role")).toList())
                .containsExactly("owner");
        prisma.model("User").update(map("where", map("email", "m@x"), "data", map("memberships", map("update",
                map("where", map("userId_groupId", map("userId", u.get("id"), "groupId",
                        num(value("SELECT \"id\" FROM \"Group\"")))), "data", map("role", "boss"))))));
        assertThat(value("SELECT \"role\" FROM \"Membership\"")).isEqualTo("boss");
    }

    // ------------------------------------------------------------------------------------------ transactions

    @Test
    void aFailingNestedWriteLeavesNoRows() {
        prisma.model("Tag").create("{\"data\": {\"name\": \"taken\"}}");
        assertThatThrownBy(() -> prisma.model("User").create(map("data", map("email", "fail@x", "posts",
                map("create", List.of(map("title", "ok"), map("title", "bad", "tags", map("create",
                        map("name", "taken")))))))))
                .isInstanceOf(PrismaConstraintViolationException.class)
                .isInstanceOf(org.springframework.dao.DataAccessException.class)
                .satisfies(e -> {
                    PrismaException p = (PrismaException) e;
                    assertThat(p.code()).isEqualTo("P2002");
                    assertThat(p.meta()).containsEntry("modelName", "Tag").containsEntry("target", List.of("name"));
                    assertThat(p.getMessage()).contains("`name`").contains("Tag");
                });
        assertThat(count("User")).isZero();
        assertThat(count("Post")).isZero();
        assertThat(count("Tag")).isEqualTo(1);
        assertThat(count("_PostToTag")).isZero();
    }

    @Test
    void nestedWriteErrorsNameTheirValuePath() {
        prisma.model("Tag").create("{\"data\": {\"name\": \"taken\"}}");
        // a database error (P2002) two levels down
        assertThatThrownBy(() -> prisma.model("User").create(map("data", map("email", "vp@x", "posts",
                map("create", List.of(map("title", "ok"), map("title", "bad", "tags", map("create",
                        map("name", "taken")))))))))
                .isInstanceOf(PrismaConstraintViolationException.class)
                .hasMessageContaining("on model `Tag` (at data.posts.create[1].tags.create)")
                .satisfies(e -> assertThat(((PrismaException) e).meta())
                        .containsEntry("path", "data.posts.create[1].tags.create")
                        .containsEntry("modelName", "Tag"));
        assertThat(count("User")).isZero();
        assertThat(count("Post")).isZero();

        // a foreign key (P2003) in a nested create with an unchecked scalar key
        Map<String, Object> u = user("vp2@x");
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", u.get("id")), "data",
                map("name", "changed", "memberships", map("create", map("groupId", 987654))))))
                .satisfies(e -> {
                    PrismaException p = (PrismaException) e;
                    assertThat(p.code()).isEqualTo("P2003");
                    assertThat(p.meta()).containsEntry("path", "data.memberships.create");
                    assertThat(p.getMessage()).endsWith("(at data.memberships.create)");
                });
        assertThat(value("SELECT \"name\" FROM \"User\" WHERE \"id\" = ?", u.get("id"))).isNull();

        // the client's own P2025 and P2014 from nested operations
        prisma.model("User").update(map("where", map("id", u.get("id")), "data", map("posts", map("create",
                List.of(map("title", "p1"), map("title", "p2"))), "profile", map("create", map("bio", "b")))));
        Object p1 = value("SELECT \"id\" FROM \"Post\" WHERE \"title\" = 'p1'");
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", u.get("id")), "data",
                map("posts", map("update", List.of(
                        map("where", map("id", p1), "data", map("views", 1)),
                        map("where", map("id", "missing"), "data", map("views", 2))))))))
                .satisfies(e -> {
                    PrismaException p = (PrismaException) e;
                    assertThat(p.code()).isEqualTo("P2025");
                    assertThat(p.meta()).containsEntry("path", "data.posts.update[1]");
                    assertThat(p.meta().get("cause")).asString().contains("nested update");
                });
        assertThat(num(value("SELECT SUM(\"views\") FROM \"Post\""))).isZero();
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", u.get("id")), "data",
                map("profile", map("create", map("bio", "second"))))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2014"))
                .satisfies(e -> assertThat(((PrismaException) e).meta()).containsEntry("path", "data.profile.create"));
        // a top-level error names no path
        assertThatThrownBy(() -> prisma.model("User").create(map("data", map("email", "vp2@x"))))
                .satisfies(e -> assertThat(((PrismaException) e).meta()).doesNotContainKey("path"))
                .hasMessageNotContaining("(at ");
    }

    @Test
    void writesJoinAnOuterTransaction() {
        assertThatThrownBy(() -> prisma.transaction(tx -> {
            tx.model("User").create("{\"data\": {\"email\": \"tx@x\"}}");
            assertThat(tx.model("User").count(null)).isEqualTo(1);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(count("User")).isZero();
    }

    // ------------------------------------------------------------------------------------------ relationMode = "prisma"

    @Test
    void relationModePrismaEmulatesReferentialActions() {
        Map<String, Object> u = emulated.model("User").create(map("data", map("email", "rm@x",
                "profile", map("create", map("bio", "b")),
                "posts", map("create", List.of(map("title", "p1", "comments", map("create", map("text", "c")))))))); 
        int id = (int) u.get("id");
        assertThat(count(emulatedJdbc, "Comment")).isEqualTo(1);
        // Post.author is optional: SetNull; Profile.user has onDelete: Cascade
        emulated.model("User").delete(map("where", map("id", id)));
        assertThat(count(emulatedJdbc, "Profile")).isZero();
        assertThat(count(emulatedJdbc, "Post")).isEqualTo(1);
        assertThat(emulatedJdbc.queryForList(sql("SELECT \"authorId\" FROM \"Post\"")).get(0).get("authorId")).isNull();
        // Comment.post has onDelete: Cascade
        emulated.model("Post").deleteMany(null);
        assertThat(count(emulatedJdbc, "Comment")).isZero();
        // Membership.user is required without onDelete: Restrict
        emulated.model("Group").create("{\"data\": {\"name\": \"g\"}}");
        emulated.model("User").create(map("data", map("email", "r@x", "memberships", map("create",
                map("group", map("connect", map("name", "g")))))));
        assertThatThrownBy(() -> emulated.model("User").delete(map("where", map("email", "r@x"))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2014"))
                .hasMessageContaining("'MembershipToUser'");
        assertThat(count(emulatedJdbc, "User")).isEqualTo(1);
        // implicit m-n rows go with their records
        emulated.model("Post").create(map("data", map("title", "t", "tags", map("create", map("name", "x")))));
        emulated.model("Tag").delete(map("where", map("name", "x")));
        assertThat(count(emulatedJdbc, "_PostToTag")).isZero();
        // onUpdate Cascade (default) when a referenced key changes
        Map<String, Object> v = emulated.model("User").create(map("data", map("email", "k@x",
                "posts", map("create", map("title", "kp")))));
        emulated.model("User").update(map("where", map("id", v.get("id")), "data", map("id", 4242)));
        assertThat(num(emulatedJdbc.queryForList(sql("SELECT \"authorId\" FROM \"Post\" WHERE \"title\" = 'kp'"))
                .get(0).get("authorId"))).isEqualTo(4242);
        // ... by updateMany too
        emulated.model("User").updateMany(map("where", map("email", "k@x"), "data", map("id", 4343)));
        assertThat(num(emulatedJdbc.queryForList(sql("SELECT \"authorId\" FROM \"Post\" WHERE \"title\" = 'kp'"))
                .get(0).get("authorId"))).isEqualTo(4343);
        // an updateMany that leaves referenced keys alone touches no other model
        emulated.model("User").updateMany(map("where", map("email", "k@x"), "data", map("name", "K")));
        assertThat(num(emulatedJdbc.queryForList(sql("SELECT \"authorId\" FROM \"Post\" WHERE \"title\" = 'kp'"))
                .get(0).get("authorId"))).isEqualTo(4343);
    }

    @Test
    void updateManyAndReturnReturnsRecordsWhoseKeyChanged() {
        Map<String, Object> u = user("key@x");
        String args = "{\"where\": {\"email\": \"key@x\"}, \"data\": {\"id\": 777, \"name\": \"moved\"},"
                + " \"select\": {\"id\": true, \"name\": true}}";
        if (kind() == DbKind.MYSQL) {
            assertThatThrownBy(() -> prisma.model("User").updateManyAndReturn(args))
                    .isInstanceOf(PrismaValidationException.class).hasMessageContaining("not available for provider");
            System.out.println("updateManyAndReturn with a changed key: not available on MySQL/MariaDB (as Prisma)");
            return;
        }
        assertThat(u.get("id")).isNotEqualTo(777);
        assertThat(prisma.model("User").updateManyAndReturn(args)).containsExactly(map("id", 777, "name", "moved"));
        assertThat(value("SELECT \"name\" FROM \"User\" WHERE \"id\" = 777")).isEqualTo("moved");
        // unchanged keys keep the order of the matched records
        user("key2@x");
        assertThat(prisma.model("User").updateManyAndReturn("{\"where\": {\"email\": {\"startsWith\": \"key\"}},"
                + " \"data\": {\"age\": 5}, \"select\": {\"email\": true}}"))
                .extracting(r -> r.get("email")).containsExactlyInAnyOrder("key@x", "key2@x");
    }

    // ------------------------------------------------------------------------------------------ single statements

    /** Whether create, update, upsert and delete return their record from the write itself (RETURNING). */
    boolean returning() {
        return kind() != DbKind.MYSQL;
    }

    /** The statements run by {@code work}. */
    List<String> statementsOf(Runnable work) {
        statements.clear();
        work.run();
        List<String> out = List.copyOf(statements);
        statements.clear();
        return out;
    }

    /** A record as comparable entries in order: byte arrays as hex. */
    static List<Map.Entry<String, Object>> entries(Map<String, Object> record) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        record.forEach((k, v) -> out.add(Map.entry(k, v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b)
                : v == null ? "null" : v)));
        return out;
    }

    /** The record as the read path returns it, with the same selection arguments. */
    Map<String, Object> readBack(String model, Object id, Map<String, Object> selection) {
        Map<String, Object> args = new LinkedHashMap<>(selection);
        args.put("where", map("id", id));
        return prisma.model(model).findUnique(args);
    }

    @Test
    void singleStatementCreateReturnsWhatTheReadPathReturns() {
        Map<String, Object> data = map("label", "s1", "big", "9007199254740993", "dec", "12345.678901",
                "bytes", "AAEC/w==", "at", "2026-11-21T09:30:00.123Z", "flag", true, "role", "ADMIN",
                "meta", map("a", List.of(1, 2), "b", "x"), "ratio", 1.5);
        Map<String, Object>[] created = new Map[1];
        List<String> run = statementsOf(() -> created[0] = prisma.model("Sample").create(map("data", data)));
        assertThat(run).hasSize(returning() ? 1 : 2);
        if (returning()) {
            assertThat(run.get(0)).startsWith(sql("INSERT INTO \"Sample\"")).contains("RETURNING");
        }
        Map<String, Object> s = created[0];
        assertThat(s).containsEntry("big", 9007199254740993L).containsEntry("role", "ADMIN")
                .containsEntry("at", Instant.parse("2026-11-21T09:30:00.123Z")).containsEntry("flag", true);
        assertThat((BigDecimal) s.get("dec")).isEqualByComparingTo("12345.678901");
        assertThat((byte[]) s.get("bytes")).containsExactly(0, 1, 2, -1);
        assertThat(entries(s)).isEqualTo(entries(readBack("Sample", s.get("id"), Map.of())));
        // with select and omit: the selected fields, in schema order
        Map<String, Object> sel = map("select", map("role", true, "label", true, "bytes", true, "big", true));
        Map<String, Object> picked = prisma.model("Sample").create(map("data", map("label", "s2", "bytes", "AQ=="),
                "select", sel.get("select")));
        assertThat(picked.keySet()).containsExactly("label", "big", "bytes", "role");
        assertThat(entries(picked)).isEqualTo(entries(readBack("Sample", value("SELECT \"id\" FROM \"Sample\" "
                + "WHERE \"label\" = 's2'"), sel)));
        Map<String, Object> omit = map("omit", map("meta", true, "id", true));
        Map<String, Object> rest = prisma.model("Sample").create(map("data", map("label", "s3"), "omit",
                omit.get("omit")));
        assertThat(rest).doesNotContainKeys("meta", "id");
        assertThat(entries(rest)).isEqualTo(entries(readBack("Sample", value("SELECT \"id\" FROM \"Sample\" "
                + "WHERE \"label\" = 's3'"), omit)));
        // client-side defaults are still filled (one clock for the write)
        Map<String, Object> u = prisma.model("User").create(map("data", map("email", "one@x")));
        assertThat(u.get("updatedAt")).isEqualTo(u.get("createdAt")).isNotNull();
        assertThat(((String) prisma.model("Ids").create(map("data", map())).get("id"))).isNotEmpty();
    }

    @Test
    void singleStatementUpdateAndUpsertReturnWhatTheReadPathReturns() {
        Map<String, Object> s = prisma.model("Sample").create(map("data", map("label", "u1", "big", "5",
                "dec", "2.5", "ratio", 3.0)));
        Object id = s.get("id");
        Map<String, Object>[] updated = new Map[1];
        List<String> run = statementsOf(() -> updated[0] = prisma.model("Sample").update(map("where", map("id", id),
                "data", map("big", map("increment", 10), "dec", map("multiply", 4), "ratio", map("divide", 2),
                        "bytes", "/w==", "role", "ADMIN", "meta", map("k", true)))));
        assertThat(run).hasSize(returning() ? 1 : 3);
        assertThat(updated[0]).containsEntry("big", 15L).containsEntry("ratio", 1.5).containsEntry("role", "ADMIN");
        assertThat((BigDecimal) updated[0].get("dec")).isEqualByComparingTo("10");
        assertThat(entries(updated[0])).isEqualTo(entries(readBack("Sample", id, Map.of())));
        // decrement and set; @updatedAt moves; a where with a non-unique extra condition is still one statement
        Map<String, Object> u = prisma.model("User").create(map("data", map("email", "up@x", "age", 10)));
        Map<String, Object>[] user = new Map[1];
        run = statementsOf(() -> user[0] = prisma.model("User").update(map("where", map("id", u.get("id"),
                "age", map("gt", 5)), "data", map("age", map("decrement", 3), "name", map("set", "Up")),
                "select", map("age", true, "name", true, "updatedAt", true))));
        assertThat(run).hasSize(returning() ? 1 : 3);
        assertThat(user[0].keySet()).containsExactly("name", "age", "updatedAt");
        assertThat(user[0]).containsEntry("age", 7).containsEntry("name", "Up");
        assertThat((Instant) user[0].get("updatedAt")).isAfterOrEqualTo((Instant) u.get("updatedAt"));
        assertThat(entries(user[0])).isEqualTo(entries(readBack("User", u.get("id"),
                map("select", map("age", true, "name", true, "updatedAt", true)))));
        // upsert: the create, then the update, each one statement where the database returns the record
        Map<String, Object> upsert = map("where", map("label", "u2"), "create", map("label", "u2", "big", "1"),
                "update", map("big", map("increment", 1)));
        Map<String, Object>[] up = new Map[2];
        List<String> first = statementsOf(() -> up[0] = prisma.model("Sample").upsert(upsert));
        List<String> second = statementsOf(() -> up[1] = prisma.model("Sample").upsert(upsert));
        if (returning()) {
            assertThat(first).hasSize(1);
            assertThat(second).hasSize(1);
        }
        assertThat(up[0]).containsEntry("big", 1L);
        assertThat(up[1]).containsEntry("big", 2L).containsEntry("id", up[0].get("id"));
        assertThat(entries(up[1])).isEqualTo(entries(readBack("Sample", up[0].get("id"), Map.of())));
    }

    @Test
    void singleStatementDeletesAndManyWritesRunOneStatement() {
        Map<String, Object> a = user("a@x");
        user("b@x");
        user("c@x");
        Map<String, Object>[] deleted = new Map[1];
        List<String> run = statementsOf(() -> deleted[0] = prisma.model("User").delete(map("where",
                map("id", a.get("id")), "select", map("email", true))));
        assertThat(run).hasSize(returning() ? 1 : 3);
        assertThat(deleted[0]).isEqualTo(map("email", "a@x"));
        assertThat(count("User")).isEqualTo(2);
        // updateMany and deleteMany: one statement on every database, counted by the update count
        Object[] result = new Object[1];
        run = statementsOf(() -> result[0] = prisma.model("User").updateMany(map("where",
                map("email", map("in", List.of("b@x", "c@x", "none@x"))), "data", map("age", map("increment", 2)))));
        assertThat(run).hasSize(1);
        assertThat(result[0]).isEqualTo(map("count", 2));
        assertThat(num(value("SELECT SUM(\"age\") FROM \"User\""))).isEqualTo(4);
        // rows that match but end up unchanged count too (as Prisma)
        run = statementsOf(() -> result[0] = prisma.model("User").updateMany(map("where", map("age", 2),
                "data", map("name", null))));
        assertThat(run).hasSize(1);
        assertThat(result[0]).isEqualTo(map("count", 2));
        // through a relation filter
        prisma.model("User").update(map("where", map("email", "b@x"), "data", map("posts", map("create",
                List.of(map("title", "p1"), map("title", "p2"))))));
        run = statementsOf(() -> result[0] = prisma.model("Post").deleteMany(map("where",
                map("author", map("email", "b@x"), "title", map("startsWith", "p")))));
        assertThat(run).hasSize(1);
        assertThat(result[0]).isEqualTo(map("count", 2));
        run = statementsOf(() -> result[0] = prisma.model("User").deleteMany(null));
        assertThat(run).hasSize(1);
        assertThat(result[0]).isEqualTo(map("count", 2));
        assertThat(count("User")).isZero();
    }

    @Test
    void singleStatementWritesFailAsBefore() {
        user("dup@x");
        statements.clear();
        assertThatThrownBy(() -> prisma.model("User").create(map("data", map("email", "dup@x"))))
                .isInstanceOf(PrismaConstraintViolationException.class)
                .satisfies(e -> {
                    PrismaException p = (PrismaException) e;
                    assertThat(p.code()).isEqualTo("P2002");
                    assertThat(p.meta()).containsEntry("modelName", "User").containsEntry("target", List.of("email"))
                            .doesNotContainKey("path");
                });
        assertThat(statements).hasSize(1);
        Map<String, Object> other = user("other@x");
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", other.get("id")),
                "data", map("email", "dup@x"))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2002"));
        assertThatThrownBy(() -> prisma.model("Post").create(map("data", map("title", "t", "authorId", 999999))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2003"));
        statements.clear();
        assertThatThrownBy(() -> prisma.model("User").update(map("where", map("id", other.get("id"), "name", "x"),
                "data", map("age", 1))))
                .isInstanceOf(PrismaNotFoundException.class)
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"))
                .hasMessageContaining("No record was found for an update.");
        assertThat(statements).hasSize(1);
        assertThatThrownBy(() -> prisma.model("User").delete(map("where", map("email", "gone@x"))))
                .satisfies(e -> assertThat(((PrismaException) e).code()).isEqualTo("P2025"))
                .hasMessageContaining("Record to delete does not exist.");
        assertThat(count("User")).isEqualTo(2);
        assertThat(num(value("SELECT \"age\" FROM \"User\" WHERE \"email\" = 'other@x'"))).isZero();
    }

    @Test
    void singleStatementWritesJoinAnOuterTransaction() {
        Map<String, Object> u = user("outer@x");
        assertThatThrownBy(() -> prisma.transaction(tx -> {
            tx.model("User").update(map("where", map("id", u.get("id")), "data", map("age", map("increment", 5))));
            tx.model("User").create(map("data", map("email", "inner@x")));
            tx.model("User").deleteMany(map("where", map("email", "outer@x")));
            assertThat(tx.model("User").count(null)).isEqualTo(1);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(count("User")).isEqualTo(1);
        assertThat(num(value("SELECT \"age\" FROM \"User\" WHERE \"email\" = 'outer@x'"))).isZero();
    }

    @Test
    void nestedCreateReturnsTheParentFromItsInsert() {
        Map<String, Object>[] created = new Map[1];
        List<String> run = statementsOf(() -> created[0] = prisma.model("User").create(map("data", map("email",
                "n@x", "posts", map("create", List.of(map("title", "1"), map("title", "2"), map("title", "3")))))));
        // INSERT User, one INSERT of the three posts; no read-back where the database returns the record
        assertThat(run).hasSize(returning() ? 2 : 3);
        assertThat(count("Post")).isEqualTo(3);
        assertThat(entries(created[0])).isEqualTo(entries(readBack("User", created[0].get("id"), Map.of())));
    }

    @Test
    void singleStatementWritesCommitOnConnectionsWithoutAutoCommit() {
        // a pool may hand out connections with auto-commit off: then a write still runs in a transaction it commits
        org.springframework.jdbc.datasource.SingleConnectionDataSource ds =
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                        ((DriverManagerDataSource) dataSource(db)).getUrl(), true);
        ds.setAutoCommit(false);
        try {
            PrismaClient manual = PrismaClient.create(datamodel(false), ds);
            manual.model("User").create(map("data", map("email", "manual@x")));
            manual.model("User").updateMany(map("where", map("email", "manual@x"), "data", map("age", 3)));
            assertThat(num(value("SELECT \"age\" FROM \"User\" WHERE \"email\" = 'manual@x'"))).isEqualTo(3);
        } finally {
            ds.destroy();
        }
    }
}
