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
 * side with hand-written JDBC ({@code jdbc*}). Before measuring, {@link #checkSameResults} runs each pair once and
 * fails the trial when they return different results (values that must differ, such as generated ids, compared by
 * type only) or leave different rows behind. Each iteration's rows are removed after it, so the database stays as
 * seeded.
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
    /** The client under test (for {@link Paired}, which counts its statements). */
    PrismaClient prisma;
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
        prisma = Env.client(db, dataSource);
        users = prisma.model("User");
        posts = prisma.model("Post");
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        sqlite = db.equals("sqlite");
        cleanUp();
        checkSameResults();
        cleanUp();
    }

    // ------------------------------------------------------------------ result checks (not measured)

    /** Each PrismaClient write returns what its baseline returns (as {@code Checks} does for the reads). */
    void checkSameResults() {
        // create: all but the generated id, the unique email and the creation time are equal
        Map<String, Object> p = map(prismaCreate());
        Map<String, Object> b = jdbcCreate();
        same("create", p, b, "id", "email", "createdAt");
        // nested create: the user, and three posts each
        p = map(prismaNestedCreate());
        b = jdbcNestedCreate();
        same("nested create", p, b, "id", "email", "createdAt");
        same("nested create (posts)", postsOf(p.get("id")), postsOf(b.get("id")), "id", "authorId", "createdAt");
        if (postsOf(p.get("id")).size() != 3) {
            throw new IllegalStateException("nested create: PrismaClient created " + postsOf(p.get("id")).size()
                    + " posts, expected 3");
        }
        // update with increment, on the same post: the baseline's views are one more, the rest equal
        nextPost = 0;
        p = map(prismaUpdateIncrement());
        nextPost = 0;
        b = jdbcUpdateIncrement();
        same("update increment", p, b, "views");
        if ((Integer) b.get("views") != (Integer) p.get("views") + 1) {
            throw new IllegalStateException("update increment: views " + p.get("views") + " then " + b.get("views"));
        }
        // upsert: each side creates one row, then updates the row the other created (on emails the creates above
        // may have used, hence the clean-up first)
        cleanUp();
        long start = seq;
        p = map(prismaUpsert());
        b = jdbcUpsert();
        same("upsert (create)", p, b, "id", "email", "createdAt");
        seq = start;
        b = jdbcUpsert();
        p = map(prismaUpsert());
        same("upsert (update)", p, b, "id", "email", "createdAt");
        if (!"Updated".equals(p.get("name"))) {
            throw new IllegalStateException("upsert did not update: " + p);
        }
        // deleteMany: the same count
        Doomed doomed = new Doomed();
        doomed.insert(this);
        Object pc = prismaDeleteMany(doomed);
        doomed.insert(this);
        Object bc = jdbcDeleteMany(doomed);
        same("deleteMany", map(pc), map(bc));
        if (!Integer.valueOf(5).equals(((Map<?, ?>) bc).get("count"))) {
            throw new IllegalStateException("deleteMany removed " + bc + ", expected 5");
        }
    }

    private List<Map<String, Object>> postsOf(Object userId) {
        return jdbc.query("SELECT " + POST + " FROM \"Post\" WHERE \"authorId\" = ? ORDER BY \"id\"", this::post,
                userId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object result) {
        if (!(result instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a record, got " + result);
        }
        return (Map<String, Object>) result;
    }

    /** Equal after replacing the values of {@code differing} keys by their class (so types still compare). */
    private static void same(String what, Object prisma, Object baseline, String... differing) {
        Object p = masked(prisma, List.of(differing));
        Object b = masked(baseline, List.of(differing));
        if (!java.util.Objects.equals(p, b) || !String.valueOf(p).equals(String.valueOf(b))) {
            throw new IllegalStateException("write case '" + what + "': PrismaClient and the baseline differ\n"
                    + "  prisma:   " + p + "\n  baseline: " + b);
        }
    }

    private static Object masked(Object value, List<String> differing) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> masked(v, differing)).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, differing.contains(k) && v != null ? v.getClass().getSimpleName()
                    : masked(v, differing)));
            return out;
        }
        return value;
    }

    @TearDown(Level.Iteration)
    public void cleanUp() {
        jdbc.update("DELETE FROM \"Post\" WHERE \"title\" LIKE ? OR \"authorId\" IN (SELECT \"id\" FROM \"User\""
                + " WHERE \"email\" LIKE ?)", MARK + "%", MARK + "%");
        jdbc.update("DELETE FROM \"User\" WHERE \"email\" LIKE ?", MARK + "%");
        if (!sqlite) {
            // the rows written and deleted leave dead tuples behind; without a vacuum each trial would scan the
            // bloat of the trials before it (deleteMany scans Post), and the later trial of a pair would lose
            jdbc.execute("VACUUM ANALYZE \"Post\", \"User\"");
        }
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
