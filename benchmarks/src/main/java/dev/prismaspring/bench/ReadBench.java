package dev.prismaspring.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.client.ModelDelegate;
import dev.prismaspring.client.PrismaClient;
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

/**
 * End-to-end reads on the seeded database (1,000 users × 10 posts, 20 tags), PrismaClient ({@code prisma*}) side
 * by side with the hand-written {@link HandWritten} baseline ({@code jdbc*}), on PostgreSQL and SQLite. Both sides
 * use the same Hikari pool settings and run the same statements ({@link ShowSql} prints them and checks, once per
 * run, that both sides return equal results). Throughput, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadBench {

    @Param({"postgresql", "sqlite"})
    public String db;

    private HikariDataSource dataSource;
    private ModelDelegate users;
    private ModelDelegate posts;
    private HandWritten jdbc;
    private int next;

    private static final Map<String, Object> WITH_POSTS_QUERY = ReadArgs.take20WithPosts("query");
    private static final Map<String, Object> WITH_POSTS_JOIN = ReadArgs.take20WithPosts("join");
    private static final Map<String, Object> ALL_WITH_POSTS_QUERY = ReadArgs.allWithPosts("query");
    private static final Map<String, Object> ALL_WITH_POSTS_JOIN = ReadArgs.allWithPosts("join");

    @Setup(Level.Trial)
    public void setUp() {
        dataSource = Env.dataSource(db);
        PrismaClient prisma = Env.client(db, dataSource);
        users = prisma.model("User");
        posts = prisma.model("Post");
        jdbc = new HandWritten(dataSource, db);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dataSource.close();
    }

    /** Ids 1..1000 in turn, so that no case reads one cached row. */
    private int nextId() {
        next = next % BenchSchema.USERS + 1;
        return next;
    }

    // ------------------------------------------------------------------ findUnique by id

    @Benchmark
    public Map<String, Object> prismaFindUnique() {
        return users.findUnique(ReadArgs.findUnique(nextId()));
    }

    @Benchmark
    public Map<String, Object> jdbcFindUnique() {
        return jdbc.findUnique(nextId());
    }

    // ------------------------------------------------------------------ findMany take 20

    @Benchmark
    public List<Map<String, Object>> prismaFindManyTake20() {
        return users.findMany(ReadArgs.TAKE_20);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcFindManyTake20() {
        return jdbc.take(20);
    }

    // ------------------------------------------------------------------ where / orderBy / take on posts

    @Benchmark
    public List<Map<String, Object>> prismaPostsWhereOrderTake() {
        return posts.findMany(ReadArgs.POSTS_WHERE_ORDER_TAKE);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcPostsWhereOrderTake() {
        return jdbc.postsWhereOrderTake();
    }

    // ------------------------------------------------------------------ take 20 include posts

    @Benchmark
    public List<Map<String, Object>> prismaTake20IncludePostsQuery() {
        return users.findMany(WITH_POSTS_QUERY);
    }

    @Benchmark
    public List<Map<String, Object>> prismaTake20IncludePostsJoin() {
        return users.findMany(WITH_POSTS_JOIN);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcTake20WithPostsTwoQueries() {
        return jdbc.withPostsTwoQueries(20);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcTake20WithPostsJsonAgg() {
        return jdbc.withPostsJsonAgg(20);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcTake20WithPostsLeftJoin() {
        return jdbc.withPostsLeftJoin(20);
    }

    // ------------------------------------------------------------------ wide: all 1,000 users with their posts

    @Benchmark
    public List<Map<String, Object>> prismaAllIncludePostsQuery() {
        return users.findMany(ALL_WITH_POSTS_QUERY);
    }

    @Benchmark
    public List<Map<String, Object>> prismaAllIncludePostsJoin() {
        return users.findMany(ALL_WITH_POSTS_JOIN);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcAllWithPostsTwoQueries() {
        return jdbc.withPostsTwoQueries(null);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcAllWithPostsJsonAgg() {
        return jdbc.withPostsJsonAgg(null);
    }

    @Benchmark
    public List<Map<String, Object>> jdbcAllWithPostsLeftJoin() {
        return jdbc.withPostsLeftJoin(null);
    }
}
