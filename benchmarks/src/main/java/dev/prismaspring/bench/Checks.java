package dev.prismaspring.bench;

import dev.prismaspring.client.ModelDelegate;
import java.util.List;
import java.util.Map;

/**
 * Before measuring, checks that each PrismaClient case and its baseline return equal results, so that a baseline
 * cannot win by doing less work. Fails the trial (and so the run) when they differ.
 */
final class Checks {

    private Checks() {
    }

    static void sameResults(ModelDelegate users, ModelDelegate posts, HandWritten jdbc) {
        same("findUnique", users.findUnique(ReadArgs.findUnique(42)), jdbc.findUnique(42));
        same("findMany take 20", users.findMany(ReadArgs.TAKE_20), jdbc.take(20));
        same("posts where/orderBy/take", posts.findMany(ReadArgs.POSTS_WHERE_ORDER_TAKE), jdbc.postsWhereOrderTake());
        List<Map<String, Object>> twenty = jdbc.withPostsTwoQueries(20);
        same("take 20 include posts (left join)", jdbc.withPostsLeftJoin(20), twenty);
        same("take 20 include posts (json aggregate)", jdbc.withPostsJsonAgg(20), twenty);
        same("take 20 include posts (query)", users.findMany(ReadArgs.take20WithPosts("query")), twenty);
        same("take 20 include posts (join)", users.findMany(ReadArgs.take20WithPosts("join")), twenty);
        List<Map<String, Object>> all = jdbc.withPostsTwoQueries(null);
        if (all.size() != BenchSchema.USERS) {
            throw new IllegalStateException("the benchmark database holds " + all.size() + " users, expected "
                    + BenchSchema.USERS + ": recreate it with BenchDatabase");
        }
        same("all include posts (left join)", jdbc.withPostsLeftJoin(null), all);
        same("all include posts (json aggregate)", jdbc.withPostsJsonAgg(null), all);
        same("all include posts (query)", users.findMany(ReadArgs.allWithPosts("query")), all);
        same("all include posts (join)", users.findMany(ReadArgs.allWithPosts("join")), all);
    }

    private static void same(String what, Object prisma, Object baseline) {
        if (!java.util.Objects.equals(prisma, baseline)) {
            String p = String.valueOf(prisma);
            String b = String.valueOf(baseline);
            throw new IllegalStateException("case '" + what + "': PrismaClient and the baseline differ\n  prisma:   "
                    + p.substring(0, Math.min(400, p.length())) + "\n  baseline: "
                    + b.substring(0, Math.min(400, b.length())));
        }
    }
}
