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
 * Query compilation only: Prisma Client arguments (a {@code Map}) → validated {@link Query}
 * ({@code ModelDelegate.parse}) → SQL text and bind values ({@link QueryEngine#compile}), no database. With the
 * {@code query} strategy, nested levels are only compiled once parent rows exist, so the two-level include is
 * measured with the {@code join} strategy (one statement holds the whole tree). Target: under 20 µs for a typical
 * query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBench {

    private ModelDelegate users;
    private ModelDelegate posts;
    private QueryEngine engine;

    private static final Map<String, Object> TWO_LEVEL = ReadArgs.twoLevelInclude("join");

    /** Never runs anything: compiling needs no database. */
    static final class NoDatabase implements StatementRunner {
        @Override
        public <T> List<T> query(Statement statement, RowMapper<T> mapper) {
            throw new UnsupportedOperationException("compile-only runner");
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
        engine = new QueryEngine(prisma.schema(), new ValueCodec(prisma.schema()), new NoDatabase(),
                RelationLoadStrategy.query);
        Statement twoLevel = compile(users, "findMany", TWO_LEVEL);
        if (!twoLevel.sql().contains("_PostToTag")) {
            throw new IllegalStateException("the two-level include did not compile to one statement: " + twoLevel);
        }
    }

    private Statement compile(ModelDelegate model, String operation, Map<String, Object> args) {
        return engine.compile(model.parse(operation, args));
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
