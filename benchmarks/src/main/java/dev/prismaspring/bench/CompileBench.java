package dev.prismaspring.bench;

import dev.prismaspring.client.ModelDelegate;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.query.Query;
import dev.prismaspring.query.QueryEngine;
import dev.prismaspring.query.RelationLoadStrategy;
import dev.prismaspring.query.Statement;
import dev.prismaspring.query.StatementRunner;
import dev.prismaspring.query.ValueCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Query compilation only: Prisma Client arguments (a {@code Map}) → validated {@link Query} → SQL text and bind
 * values, no database. There is no public "compile" entry point: {@code ModelDelegate.parse} is public, but SQL is
 * built inside {@link QueryEngine#execute} as it runs. So the engine runs here on a {@link StatementRunner} that
 * keeps the statement and returns no rows. With the {@code query} strategy, nested levels are only compiled once
 * parent rows exist, so the two-level include is measured with the {@code join} strategy (one statement holds the
 * whole tree). Target: under 20 µs for a typical query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBench {

    private ModelDelegate users;
    private ModelDelegate posts;
    private QueryEngine engine;
    private final Capture capture = new Capture();

    private static final Map<String, Object> TWO_LEVEL = ReadArgs.twoLevelInclude("join");

    /** Keeps the last statement; returns no rows. */
    static final class Capture implements StatementRunner {
        Statement last;

        @Override
        public <T> List<T> query(Statement statement, RowMapper<T> mapper) {
            last = statement;
            return List.of();
        }

        @Override
        public int update(Statement statement) {
            throw new UnsupportedOperationException("compile-only runner: reads only");
        }

        @Override
        public Object insertForGeneratedKey(Statement statement) {
            throw new UnsupportedOperationException("compile-only runner: reads only");
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        // never connected to: parsing needs only the schema
        PrismaClient prisma = PrismaClient.create(BenchSchema.datamodel("postgresql"),
                new DriverManagerDataSource("jdbc:postgresql://unused.invalid/none"));
        users = prisma.model("User");
        posts = prisma.model("Post");
        engine = new QueryEngine(prisma.schema(), new ValueCodec(prisma.schema()), capture,
                RelationLoadStrategy.query);
        compile(users, "findMany", TWO_LEVEL);
        if (!capture.last.sql().contains("_PostToTag")) {
            throw new IllegalStateException("the two-level include did not compile to one statement: " + capture.last);
        }
    }

    private Statement compile(ModelDelegate model, String operation, Map<String, Object> args) {
        Query q = model.parse(operation, args);
        engine.execute(q);
        return capture.last;
    }

    @Benchmark
    public Statement compileFindUnique() {
        return compile(users, "findUnique", ReadArgs.findUnique(42));
    }

    @Benchmark
    public Statement compileFindManyWhereOrderByTake() {
        return compile(posts, "findMany", ReadArgs.POSTS_WHERE_ORDER_TAKE);
    }

    @Benchmark
    public Statement compileTwoLevelInclude() {
        return compile(users, "findMany", TWO_LEVEL);
    }

    /** Argument validation alone (no SQL), to split the figure above. */
    @Benchmark
    public Query parseTwoLevelInclude() {
        return users.parse("findMany", TWO_LEVEL);
    }
}
