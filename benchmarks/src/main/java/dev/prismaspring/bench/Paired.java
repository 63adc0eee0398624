package dev.prismaspring.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.client.ModelDelegate;
import dev.prismaspring.client.PrismaClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cross-check of the end-to-end ratios for loaded machines: PrismaClient and its baseline run in alternating
 * short slices (A B, B A, ...) in one JVM, so both see the same load, and the ratio reported is the median of the
 * per-round ratios. Not a replacement for JMH (one JVM, no forks): it tells whether a JMH ratio taken under load is
 * the code or the noise.
 *
 * <pre>
 * java -Dbench.postgres.url=... -Dbench.sqlite.file=... -cp benchmarks.jar dev.prismaspring.bench.Paired [ROUNDS]
 * </pre>
 */
public final class Paired {

    private Paired() {
    }

    private static long sink;
    private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of this thread per op in the last slice, µs. */
    private static double lastCpu;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        if (args.length > 1 && args[1].equals("writes")) {
            writes(rounds);
            return;
        }
        for (String db : List.of("postgresql", "sqlite")) {
            try (HikariDataSource ds = Env.dataSource(db)) {
                PrismaClient prisma = Env.client(db, ds);
                ModelDelegate users = prisma.model("User");
                ModelDelegate posts = prisma.model("Post");
                HandWritten jdbc = new HandWritten(ds, db);
                int[] id = {0};
                Map<String, Supplier<Object>[]> cases = new LinkedHashMap<>();
                cases.put("findUnique by id", pair(() -> users.findUnique(ReadArgs.findUnique(1 + id[0]++ % 1000)),
                        () -> jdbc.findUnique(1 + id[0]++ % 1000)));
                cases.put("findMany take 20", pair(() -> users.findMany(ReadArgs.TAKE_20), () -> jdbc.take(20)));
                cases.put("posts where/orderBy/take 20", pair(() -> posts.findMany(ReadArgs.POSTS_WHERE_ORDER_TAKE),
                        jdbc::postsWhereOrderTake));
                Map<String, Object> q20 = ReadArgs.take20WithPosts("query");
                Map<String, Object> j20 = ReadArgs.take20WithPosts("join");
                Map<String, Object> qAll = ReadArgs.allWithPosts("query");
                Map<String, Object> jAll = ReadArgs.allWithPosts("join");
                cases.put("take 20 include posts, query", pair(() -> users.findMany(q20),
                        () -> jdbc.withPostsTwoQueries(20)));
                cases.put("take 20 include posts, join", pair(() -> users.findMany(j20),
                        () -> jdbc.withPostsJsonAgg(20)));
                cases.put("1,000 users include posts, query", pair(() -> users.findMany(qAll),
                        () -> jdbc.withPostsTwoQueries(null)));
                cases.put("1,000 users include posts, join", pair(() -> users.findMany(jAll),
                        () -> jdbc.withPostsJsonAgg(null)));
                cases.put("1,000 users include posts, query vs LEFT JOIN", pair(() -> users.findMany(qAll),
                        () -> jdbc.withPostsLeftJoin(null)));
                for (Map.Entry<String, Supplier<Object>[]> e : cases.entrySet()) {
                    run(db, e.getKey(), e.getValue()[0], e.getValue()[1], rounds);
                }
            }
        }
        System.out.println(sink == 42 ? "" : "(medians over rounds: ratio PrismaClient / baseline, slices of 300 ms; client CPU/op = this JVM's benchmark"
                + " thread CPU time per operation, database server time excluded)");
    }

    /**
     * The {@link WriteBench} cases against their baselines, with the statements PrismaClient runs per operation.
     * deleteMany inserts its five rows inside the measured operation, on both sides alike.
     */
    private static void writes(int rounds) {
        for (String db : List.of("postgresql", "sqlite")) {
            WriteBench b = new WriteBench();
            b.db = db;
            b.setUp();
            try {
                WriteBench.Doomed doomed = new WriteBench.Doomed();
                Map<String, Supplier<Object>[]> cases = new LinkedHashMap<>();
                cases.put("create", pair(b::prismaCreate, b::jdbcCreate));
                cases.put("nested create (user + 3 posts)", pair(b::prismaNestedCreate, b::jdbcNestedCreate));
                cases.put("update with increment", pair(b::prismaUpdateIncrement, b::jdbcUpdateIncrement));
                cases.put("upsert", pair(b::prismaUpsert, b::jdbcUpsert));
                cases.put("deleteMany (5-row insert included)", pair(() -> {
                    doomed.insert(b);
                    return b.prismaDeleteMany(doomed);
                }, () -> {
                    doomed.insert(b);
                    return b.jdbcDeleteMany(doomed);
                }));
                int[] count = {0};
                dev.prismaspring.query.StatementListener counter = (sql, params) -> count[0]++;
                for (Map.Entry<String, Supplier<Object>[]> e : cases.entrySet()) {
                    b.prisma.addStatementListener(counter);
                    count[0] = 0;
                    for (int i = 0; i < 10; i++) {
                        e.getValue()[0].get();
                    }
                    b.prisma.removeStatementListener(counter);
                    System.out.printf("%-7s %-46s statements per PrismaClient op: %.1f%n", db, e.getKey(),
                            count[0] / 10.0);
                    run(db, e.getKey(), e.getValue()[0], e.getValue()[1], rounds);
                    b.cleanUp();
                }
            } finally {
                b.tearDown();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object>[] pair(Supplier<?> prisma, Supplier<?> baseline) {
        return new Supplier[] {prisma, baseline};
    }

    private static void run(String db, String name, Supplier<Object> a, Supplier<Object> b, int rounds) {
        slice(a, 2_000);
        slice(b, 2_000);
        double[] ratios = new double[rounds];
        double[] aRates = new double[rounds];
        double[] bRates = new double[rounds];
        double[] aCpu = new double[rounds];
        double[] bCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double ra;
            double rb;
            if (r % 2 == 0) {
                ra = slice(a, 300);
                aCpu[r] = lastCpu;
                rb = slice(b, 300);
                bCpu[r] = lastCpu;
            } else {
                rb = slice(b, 300);
                bCpu[r] = lastCpu;
                ra = slice(a, 300);
                aCpu[r] = lastCpu;
            }
            ratios[r] = ra / rb;
            aRates[r] = ra;
            bRates[r] = rb;
        }
        System.out.printf("%-7s %-46s prisma %9.1f ops/s  baseline %9.1f ops/s  ratio %.2f (IQR %.2f-%.2f)"
                + "  client CPU/op %8.1f vs %8.1f µs%n", db, name, median(aRates), median(bRates), median(ratios),
                quantile(ratios, 0.25), quantile(ratios, 0.75), median(aCpu), median(bCpu));
    }

    /** Ops per second over about {@code millis} (at least one op). */
    private static double slice(Supplier<Object> op, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long cpu0 = MX.getCurrentThreadCpuTime();
        long ops = 0;
        long now;
        do {
            sink += System.identityHashCode(op.get()) & 1;
            ops++;
            now = System.nanoTime();
        } while (now < end);
        lastCpu = (MX.getCurrentThreadCpuTime() - cpu0) / 1e3 / ops;
        return ops / ((now - start) / 1e9);
    }

    private static double median(double[] v) {
        return quantile(v, 0.5);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }
}
