package dev.prismaspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code prisma query} on a SQLite file: JSON lines per step, errors as steps, transactions. */
class QueryCommandTest {

    private static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
            }

            model User {
              id        Int      @id
              email     String   @unique
              createdAt DateTime
              big       BigInt?
              posts     Post[]
            }

            model Post {
              id       Int    @id
              title    String
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
            }
            """;

    @TempDir
    Path dir;

    Path schema;
    String url;

    record Run(int exitCode, List<String> lines, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        url = "jdbc:sqlite:" + dir.resolve("test.db");
        String ddl = SqlSchemaCalculator.renderCreate(SchemaValidator.validate(SCHEMA).datamodel());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO \"User\" (id, email, createdAt, big) VALUES (1, 'ada@example.com', "
                    + "1763717400000, 9007199254740993)");
            s.execute("INSERT INTO \"Post\" (id, title, authorId) VALUES (1, 'Hello', 1), (2, 'World', 1)");
        }
    }

    private Run query(String steps) throws Exception {
        Path file = dir.resolve("steps.json");
        Files.writeString(file, steps);
        CommandLine cli = PrismaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("query", "--schema", schema.toString(), "--url", url, "--file", file.toString());
        return new Run(code, out.toString().lines().toList(), err.toString());
    }

    @Test
    void printsOneJsonLinePerStep() throws Exception {
        Run run = query("""
                [
                  {"model": "User", "operation": "findUnique", "args": {"where": {"id": 1}}},
                  {"model": "post", "operation": "findMany", "args": {"include": {"author": {"select": {"email": true}}}}},
                  {"model": "Post", "operation": "count"},
                  {"model": "User", "operation": "findMany", "args": {"where": {"emial": "x"}}},
                  {"model": "User", "operation": "frobnicate", "args": {}},
                  {"model": "User", "operation": "findUniqueOrThrow", "args": {"where": {"id": 2}}},
                  {"model": "Nope", "operation": "findMany"}
                ]""");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0)).isEqualTo("{\"step\":0,\"ok\":true,\"result\":{\"id\":1,"
                + "\"email\":\"ada@example.com\",\"createdAt\":\"2025-11-21T09:30:00.000Z\","
                + "\"big\":\"9007199254740993\"}}");
        assertThat(run.lines().get(1)).isEqualTo("{\"step\":1,\"ok\":true,\"result\":[{\"id\":1,"
                + "\"title\":\"Hello\",\"authorId\":1,\"author\":{\"email\":\"ada@example.com\"}},{\"id\":2,"
                + "\"title\":\"World\",\"authorId\":1,\"author\":{\"email\":\"ada@example.com\"}}]}");
        assertThat(run.lines().get(2)).isEqualTo("{\"step\":2,\"ok\":true,\"result\":2}");
        assertThat(run.lines().get(3)).isEqualTo("{\"step\":3,\"ok\":false,\"error\":{\"code\":\"P2009\","
                + "\"message\":\"Unknown argument 'emial' in where. Did you mean 'email'?\"}}");
        assertThat(run.lines().get(4)).startsWith("{\"step\":4,\"ok\":false,\"error\":{\"code\":\"P2009\"");
        assertThat(run.lines().get(5)).startsWith("{\"step\":5,\"ok\":false,\"error\":{\"code\":\"P2025\"");
        assertThat(run.lines().get(6)).startsWith("{\"step\":6,\"ok\":false,\"error\":{\"code\":\"P2009\"");
    }

    @Test
    void transactionStepReturnsTheArrayOfResults() throws Exception {
        Run run = query("""
                [{"operation": "$transaction", "args": [
                  {"model": "User", "operation": "count"},
                  {"model": "Post", "operation": "findFirst", "args": {"orderBy": {"id": "desc"}, "select": {"title": true}}}
                ]}]""");
        assertThat(run.lines()).containsExactly("{\"step\":0,\"ok\":true,\"result\":[1,{\"title\":\"World\"}]}");
    }

    @Test
    void writeStepsChangeTheDatabase() throws Exception {
        Run run = query("""
                [{"model": "User", "operation": "create", "args": {"data": {"id": 2, "email": "b@x",
                   "createdAt": "2026-01-01T00:00:00Z", "posts": {"create": [{"id": 10, "title": "T1"}, {"id": 11, "title": "T2"}]}},
                   "include": {"posts": {"select": {"title": true}}}}},
                 {"model": "post", "operation": "updateMany", "args": {"where": {"authorId": 2}, "data": {"title": "Same"}}},
                 {"model": "User", "operation": "upsert", "args": {"where": {"email": "b@x"},
                   "create": {"id": 3, "email": "b@x", "createdAt": "2026-01-01T00:00:00Z"}, "update": {"big": "12345678901"},
                   "select": {"big": true}}},
                 {"operation": "$transaction", "args": [
                   {"model": "Post", "operation": "deleteMany", "args": {"where": {"authorId": 2}}},
                   {"model": "User", "operation": "create", "args": {"data": {"id": 9, "email": "b@x", "createdAt": "2026-01-01T00:00:00Z"}}}]},
                 {"model": "Post", "operation": "delete", "args": {"where": {"id": 10}, "select": {"title": true}}},
                 {"model": "User", "operation": "create", "args": {"data": {"id": 4}}},
                 {"model": "Post", "operation": "count"}]""");
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0)).isEqualTo("{\"step\":0,\"ok\":true,\"result\":{\"id\":2,\"email\":\"b@x\","
                + "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"big\":null,\"posts\":[{\"title\":\"T1\"},{\"title\":\"T2\"}]}}");
        assertThat(run.lines().get(1)).isEqualTo("{\"step\":1,\"ok\":true,\"result\":{\"count\":2}}");
        assertThat(run.lines().get(2)).isEqualTo("{\"step\":2,\"ok\":true,\"result\":{\"big\":\"12345678901\"}}");
        // the transaction's second write violates the unique email: its first write is rolled back too
        assertThat(run.lines().get(3)).contains("\"ok\":false");
        assertThat(run.lines().get(4)).isEqualTo("{\"step\":4,\"ok\":true,\"result\":{\"title\":\"Same\"}}");
        assertThat(run.lines().get(5)).contains("\"ok\":false").contains("P2012").contains("Argument `email` is missing");
        assertThat(run.lines().get(6)).isEqualTo("{\"step\":6,\"ok\":true,\"result\":3}");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN id = 2 THEN big END) FROM User")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(12345678901L);
        }
    }

    @Test
    void providerAndUrlMustAgree() throws Exception {
        Path file = dir.resolve("steps.json");
        Files.writeString(file, "[]");
        CommandLine cli = PrismaCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("query", "--schema", schema.toString(), "--url",
                "jdbc:postgresql://127.0.0.1:1/none", "--file", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("The schema's datasource provider is sqlite, but --url points to a "
                + "postgresql database");
        assertThat(JdbcUrls.driverUrl("jdbc:mysql://h/db?user=u")).isEqualTo("jdbc:mysql://h/db?user=u&permitMysqlScheme");
    }

    @Test
    void badUrlIsAnEnvironmentError() throws Exception {
        Path file = dir.resolve("steps.json");
        Files.writeString(file, "[]");
        CommandLine cli = PrismaCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute("query", "--schema", schema.toString(), "--url", "jdbc:nope:x", "--file", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("The URL jdbc:nope:x is not a JDBC URL of a supported database");
    }
}
