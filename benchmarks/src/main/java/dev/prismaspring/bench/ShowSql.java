package dev.prismaspring.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.query.StatementListener;
import java.util.Map;

/**
 * Prints the statements PrismaClient runs for each read case, so that the hand-written baselines can be checked to
 * run the same ones ({@code run.sh} saves this next to the results), then checks that every PrismaClient case and
 * its baseline return equal results (it fails, and so does run.sh, when they differ).
 */
public final class ShowSql {

    private ShowSql() {
    }

    public static void main(String[] args) {
        String provider = args.length > 0 ? args[0] : "postgresql";
        try (HikariDataSource ds = Env.dataSource(provider)) {
            PrismaClient prisma = Env.client(provider, ds);
            StatementListener print = (sql, params) -> System.out.println("    " + sql + "   -- "
                    + (params.size() > 6 ? params.size() + " params" : params));
            prisma.addStatementListener(print);
            Map<String, Object> cases = new java.util.LinkedHashMap<>();
            cases.put("user.findUnique", ReadArgs.findUnique(7));
            cases.put("user.findMany take 20", ReadArgs.TAKE_20);
            cases.put("user.findMany take 20 include posts (query)", ReadArgs.take20WithPosts("query"));
            cases.put("user.findMany take 20 include posts (join)", ReadArgs.take20WithPosts("join"));
            cases.put("user.findMany include posts (query)", ReadArgs.allWithPosts("query"));
            cases.put("user.findMany include posts (join)", ReadArgs.allWithPosts("join"));
            cases.forEach((name, a) -> {
                System.out.println(provider + " " + name + ":");
                prisma.model("User").run(name.contains("findUnique") ? "findUnique" : "findMany", a);
            });
            System.out.println(provider + " post.findMany where/orderBy/take:");
            prisma.model("Post").findMany(ReadArgs.POSTS_WHERE_ORDER_TAKE);
            prisma.removeStatementListener(print);
            Checks.sameResults(prisma.model("User"), prisma.model("Post"), new HandWritten(ds, provider));
            System.out.println(provider + ": every PrismaClient case returns what its baseline returns");
        }
    }
}
