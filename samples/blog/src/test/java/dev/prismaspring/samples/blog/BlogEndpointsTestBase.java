package dev.prismaspring.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blog sample started for real ({@code @SpringBootTest}, random port) on a fresh database, called over HTTP.
 * Startup applies the committed migrations of the profile's provider; reads are checked on rows seeded with SQL;
 * writes go through the API. Subclasses pick the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class BlogEndpointsTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PrismaClient prisma;

    @Autowired
    dev.prismaspring.samples.blog.db.Prisma typedPrisma;

    JdbcTemplate jdbc;

    SqlDialect dialect;

    @BeforeEach
    void clean() {
        jdbc = new JdbcTemplate(dataSource);
        dialect = prisma.schema().dialect();
        for (String table : List.of("Comment", "_PostToTag", "Tag", "Post", "User")) {
            jdbc.update("DELETE FROM " + q(table));
        }
    }

    @Test
    void startupAppliedTheCommittedMigrationOnce() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE = 'EXECUTED'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT ID FROM DATABASECHANGELOG", String.class)).endsWith("_init");
    }

    @Test
    void theGeneratedClientIsABeanOverTheApplicationsPrismaClient() {
        assertThat(typedPrisma.prismaClient()).isSameAs(prisma);
    }

    @Test
    void listsPostsNewestFirstWithAuthorAndTags() throws Exception {
        seed();
        JsonNode posts = get("/posts", 200);
        assertThat(posts.size()).isEqualTo(2);
        assertThat(posts.get(0).get("title").asString()).isEqualTo("Second");
        assertThat(posts.get(1).get("title").asString()).isEqualTo("Hello");
        assertThat(posts.get(1).get("author").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(posts.get(1).get("tags").findValuesAsString("name")).containsExactly("java", "spring");
        assertThat(posts.get(1).get("createdAt").asString()).startsWith("2026-11-21T09:30:00");
    }

    @Test
    void filtersByTagAndPublished() throws Exception {
        seed();
        assertThat(get("/posts?tag=spring", 200).findValuesAsString("title")).containsExactly("Hello");
        assertThat(get("/posts?published=false", 200).findValuesAsString("title")).containsExactly("Second");
        assertThat(get("/posts?tag=none", 200).size()).isZero();
    }

    @Test
    void getsOnePostWithItsComments() throws Exception {
        seed();
        int id = jdbc.queryForObject("SELECT " + q("id") + " FROM " + q("Post") + " WHERE " + q("title") + " = ?",
                Integer.class, "Hello");
        JsonNode post = get("/posts/" + id, 200);
        assertThat(post.get("title").asString()).isEqualTo("Hello");
        assertThat(post.get("comments").findValuesAsString("text")).containsExactly("First!", "Nice post");
        assertThat(post.get("comments").get(0).get("author").get("email").asString()).isEqualTo("bob@example.com");
        get("/posts/" + (id + 1000), 404);
    }

    @Test
    void listsUsersWithTheirPostCount() throws Exception {
        seed();
        JsonNode users = get("/users", 200);
        assertThat(users.findValuesAsString("email")).containsExactly("ada@example.com", "bob@example.com");
        assertThat(users.get(0).get("_count").get("posts").asInt()).isEqualTo(2);
    }

    @Test
    void createsUsersAndPostsThenListsThem() throws Exception {
        JsonNode user = write("POST", "/users", "{\"email\":\"ada@example.com\",\"name\":\"Ada\"}", 201);
        int userId = user.get("id").asInt();
        JsonNode post = write("POST", "/posts", "{\"title\":\"Hello\",\"content\":\"First post\",\"published\":true,"
                + "\"authorId\":" + userId + ",\"tags\":[\"java\",\"spring\"]}", 201);
        assertThat(post.get("author").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(post.get("tags").findValuesAsString("name")).containsExactly("java", "spring");
        int postId = post.get("id").asInt();

        assertThat(get("/posts", 200).findValuesAsString("title")).containsExactly("Hello");
        write("POST", "/posts/" + postId + "/tags", "{\"name\":\"prisma\"}", 200);
        write("POST", "/posts/" + postId + "/comments", "{\"authorId\":" + userId + ",\"text\":\"Nice\"}", 201);
        JsonNode one = get("/posts/" + postId, 200);
        assertThat(one.get("tags").findValuesAsString("name")).containsExactly("java", "prisma", "spring");
        assertThat(one.get("comments").findValuesAsString("text")).containsExactly("Nice");

        write("PUT", "/posts/" + postId, "{\"title\":\"Hello again\"}", 200);
        assertThat(get("/posts/" + postId, 200).get("title").asString()).isEqualTo("Hello again");
        write("DELETE", "/posts/" + postId, null, 200);
        get("/posts/" + postId, 404);
        // a duplicate e-mail is a unique-constraint violation: 409 with P2002
        assertThat(write("POST", "/users", "{\"email\":\"ada@example.com\"}", 409).get("code").asString())
                .isEqualTo("P2002");
    }

    /** Two users, two posts (one published, with tags java and spring), two comments; fixed timestamps. */
    @Test
    void actuatorReportsTheDatabaseUpToDate() throws Exception {
        JsonNode prisma = get("/actuator/prisma", 200);
        assertThat(prisma.get("status").asString()).isEqualTo("UP_TO_DATE");
        assertThat(prisma.at("/migrations/applied/0/id").asString()).endsWith("_init");
        assertThat(prisma.at("/migrations/pending").size()).isZero();
        assertThat(prisma.at("/schema/hash").asString()).startsWith("sha256:");
        assertThat(prisma.get("drift").size()).isZero();
        assertThat(write("POST", "/actuator/prisma", null, 200).get("status").asString()).isEqualTo("UP_TO_DATE");
        JsonNode health = get("/actuator/health/prisma", 200);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/status").asString()).isEqualTo("UP_TO_DATE");
    }

    private void seed() {
        jdbc.update("INSERT INTO " + q("User") + " (" + q("email") + ", " + q("name") + ") VALUES (?, ?), (?, ?)",
                "ada@example.com", "Ada", "bob@example.com", "Bob");
        int ada = idOf("User", "email", "ada@example.com");
        int bob = idOf("User", "email", "bob@example.com");
        String insertPost = "INSERT INTO " + q("Post") + " (" + q("title") + ", " + q("published") + ", "
                + q("createdAt") + ", " + q("authorId") + ") VALUES (?, ?, ?, ?)";
        insert(insertPost, "Hello", true, timestamp("2026-11-21T09:30:00Z"), ada);
        insert(insertPost, "Second", false, timestamp("2026-11-22T10:00:00Z"), ada);
        int hello = idOf("Post", "title", "Hello");
        jdbc.update("INSERT INTO " + q("Tag") + " (" + q("name") + ") VALUES (?), (?)", "spring", "java");
        for (String tag : List.of("spring", "java")) {
            jdbc.update("INSERT INTO " + q("_PostToTag") + " (" + q("A") + ", " + q("B") + ") VALUES (?, ?)", hello,
                    idOf("Tag", "name", tag));
        }
        String insertComment = "INSERT INTO " + q("Comment") + " (" + q("text") + ", " + q("createdAt") + ", "
                + q("postId") + ", " + q("authorId") + ") VALUES (?, ?, ?, ?)";
        insert(insertComment, "Nice post", timestamp("2026-11-21T11:00:00Z"), hello, ada);
        insert(insertComment, "First!", timestamp("2026-11-21T10:00:00Z"), hello, bob);
    }

    private static java.time.Instant timestamp(String iso) {
        return java.time.Instant.parse(iso);
    }

    /** Runs an INSERT; Instants are bound as DateTime values the way the dialect stores them. */
    private void insert(String sql, Object... values) {
        jdbc.update(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof java.time.Instant instant) {
                    dialect.bindValue(ps, i + 1, ScalarType.DateTime, instant);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
        });
    }

    private int idOf(String table, String column, Object value) {
        return jdbc.queryForObject("SELECT " + q("id") + " FROM " + q(table) + " WHERE " + q(column) + " = ?",
                Integer.class, value);
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private JsonNode write(String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
