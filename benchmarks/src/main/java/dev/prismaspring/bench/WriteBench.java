package dev.prismaspring.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.client.ModelDelegate;
import dev.prismaspring.client.PrismaClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes, PrismaClient ({@code prisma*}, through {@code ModelDelegate.run}, the generic operation entry) side by
 * side with hand-written JDBC ({@code jdbc*}). The PrismaClient writes do not exist yet on main (they fail with
 * P2026), so {@code run.sh} leaves this class out unless given {@code --writes}; once writes land, the figures come
 * with no code change here. Each iteration's rows are removed after it, so the database stays as seeded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WriteBench {

    /** Rows written here carry this prefix (emails, titles) and are deleted after each iteration. */
    static final String MARK = "bench-w-";

    @Param({"postgresql", "sqlite"})
    public String db;

    private HikariDataSource dataSource;
    private ModelDelegate users;
    private ModelDelegate posts;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private boolean sqlite;
    private long seq;
    private int nextPost;

    @Setup(Level.Trial)
    public void setUp() {
        dataSource = Env.dataSource(db);
        PrismaClient prisma = Env.client(db, dataSource);
        users = prisma.model("User");
        posts = prisma.model("Post");
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        sqlite = db.equals("sqlite");
        cleanUp();
    }

    @TearDown(Level.Iteration)
    public void cleanUp() {
        jdbc.update("DELETE FROM \"Post\" WHERE \"title\" LIKE ? OR \"authorId\" IN (SELECT \"id\" FROM \"User\""
                + " WHERE \"email\" LIKE ?)", MARK + "%", MARK + "%");
        jdbc.update("DELETE FROM \"User\" WHERE \"email\" LIKE ?", MARK + "%");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cleanUp();
        dataSource.close();
    }

    private String email() {
        return MARK + (++seq) + "@example.com";
    }

    private int postId() {
        nextPost = nextPost % (BenchSchema.USERS * BenchSchema.POSTS_PER_USER) + 1;
        return nextPost;
    }

    // ------------------------------------------------------------------ create

    @Benchmark
    public Object prismaCreate() {
        return users.run("create", Map.of("data", Map.of("email", email(), "name", "Bench")));
    }

    @Benchmark
    public Map<String, Object> jdbcCreate() {
        return jdbc.queryForObject("INSERT INTO \"User\" (\"email\", \"name\", \"role\", \"createdAt\") VALUES (?, ?, "
                + role() + ", ?) RETURNING " + USER, this::user, email(), "Bench", "USER", now());
    }

    // ------------------------------------------------------------------ nested create: a user and 3 posts

    @Benchmark
    public Object prismaNestedCreate() {
        return users.run("create", Map.of("data", Map.of("email", email(), "name", "Bench", "posts",
                Map.of("create", List.of(Map.of("title", MARK + "1"), Map.of("title", MARK + "2"),
                        Map.of("title", MARK + "3"))))));
    }

    @Benchmark
    public Map<String, Object> jdbcNestedCreate() {
        return tx.execute(status -> {
            Object created = now();
            Map<String, Object> user = jdbc.queryForObject("INSERT INTO \"User\" (\"email\", \"name\", \"role\", "
                    + "\"createdAt\") VALUES (?, ?, " + role() + ", ?) RETURNING " + USER, this::user, email(), "Bench",
                    "USER", created);
            List<Object[]> rows = List.of(new Object[] {MARK + "1", user.get("id"), created},
                    new Object[] {MARK + "2", user.get("id"), created}, new Object[] {MARK + "3", user.get("id"), created});
            jdbc.batchUpdate("INSERT INTO \"Post\" (\"title\", \"published\", \"views\", \"authorId\", \"createdAt\") "
                    + "VALUES (?, false, 0, ?, ?)", rows);
            return user;
        });
    }

    // ------------------------------------------------------------------ update with increment

    @Benchmark
    public Object prismaUpdateIncrement() {
        return posts.run("update", Map.of("where", Map.of("id", postId()),
                "data", Map.of("views", Map.of("increment", 1))));
    }

    @Benchmark
    public Map<String, Object> jdbcUpdateIncrement() {
        return jdbc.queryForObject("UPDATE \"Post\" SET \"views\" = \"views\" + ? WHERE \"id\" = ? RETURNING " + POST,
                this::post, 1, postId());
    }

    // ------------------------------------------------------------------ upsert on a unique field

    @Benchmark
    public Object prismaUpsert() {
        String email = MARK + (seq++ % 100) + "@example.com";
        return users.run("upsert", Map.of("where", Map.of("email", email),
                "create", Map.of("email", email, "name", "Created"), "update", Map.of("name", "Updated")));
    }

    @Benchmark
    public Map<String, Object> jdbcUpsert() {
        String email = MARK + (seq++ % 100) + "@example.com";
        return jdbc.queryForObject("INSERT INTO \"User\" (\"email\", \"name\", \"role\", \"createdAt\") VALUES (?, ?, "
                + role() + ", ?) ON CONFLICT (\"email\") DO UPDATE SET \"name\" = ? RETURNING " + USER, this::user,
                email, "Created", "USER", now(), "Updated");
    }

    // ------------------------------------------------------------------ deleteMany on a filter

    /** Five marked posts for each deleteMany to remove (not measured). */
    @State(Scope.Thread)
    public static class Doomed {
        @Setup(Level.Invocation)
        public void insert(WriteBench b) {
            List<Object[]> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(new Object[] {MARK + "doomed", 1 + i, b.now()});
            }
            b.jdbc.batchUpdate("INSERT INTO \"Post\" (\"title\", \"published\", \"views\", \"authorId\", \"createdAt\")"
                    + " VALUES (?, false, 0, ?, ?)", rows);
        }
    }

    @Benchmark
    public Object prismaDeleteMany(Doomed doomed) {
        return posts.run("deleteMany", Map.of("where", Map.of("title", MARK + "doomed", "published", false)));
    }

    @Benchmark
    public Map<String, Object> jdbcDeleteMany(Doomed doomed) {
        int n = jdbc.update("DELETE FROM \"Post\" WHERE \"title\" = ? AND \"published\" = ?", MARK + "doomed", false);
        return Map.of("count", n);
    }

    // ------------------------------------------------------------------ mapping

    private static final String USER = "\"id\", \"email\", \"name\", \"role\", \"createdAt\"";
    private static final String POST = "\"id\", \"title\", \"content\", \"published\", \"views\", \"authorId\", "
            + "\"createdAt\"";

    private String role() {
        return sqlite ? "?" : "?::\"Role\"";
    }

    /** Now, to the millisecond, as each provider stores a DateTime. */
    private Object now() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return sqlite ? (Object) t.toEpochMilli() : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private Map<String, Object> user(ResultSet rs, int n) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("id", rs.getInt(1));
        m.put("email", rs.getString(2));
        m.put("name", rs.getString(3));
        m.put("role", rs.getString(4));
        m.put("createdAt", instant(rs, 5));
        return m;
    }

    private Map<String, Object> post(ResultSet rs, int n) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(10);
        m.put("id", rs.getInt(1));
        m.put("title", rs.getString(2));
        m.put("content", rs.getString(3));
        m.put("published", rs.getBoolean(4));
        m.put("views", rs.getInt(5));
        m.put("authorId", rs.getInt(6));
        m.put("createdAt", instant(rs, 7));
        return m;
    }

    private Instant instant(ResultSet rs, int i) throws SQLException {
        if (sqlite) {
            long ms = rs.getLong(i);
            return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
        }
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
