package dev.prismaspring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Turns the JMH results (and Prisma Node.js client's, when present) into {@code latest.json} and the Markdown
 * table {@code latest.md}: each figure, its baseline, the ratio and whether the target is met.
 *
 * <pre>
 * java -cp benchmarks.jar dev.prismaspring.bench.Report OUT_DIR HEADER_FILE NODE_JSON|- JMH_JSON...
 * </pre>
 *
 * {@code HEADER_FILE} holds the Markdown put above the table (machine, load, settings: run.sh writes it).
 */
public final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PKG = "dev.prismaspring.bench.";

    /** One measured figure. */
    record Figure(double score, double error, String unit, Double allocPerOp) {
    }

    private final Map<String, Figure> figures = new HashMap<>();
    private final Map<String, Double> node = new HashMap<>();
    private final StringBuilder md = new StringBuilder();

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: Report OUT_DIR HEADER_FILE NODE_JSON|- JMH_JSON...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Report r = new Report();
        ArrayNode merged = JSON.createArrayNode();
        for (int i = 3; i < args.length; i++) {
            JsonNode results = JSON.readTree(Files.readString(Path.of(args[i])));
            results.forEach(merged::add);
            results.forEach(r::add);
        }
        if (!args[2].equals("-") && Files.exists(Path.of(args[2]))) {
            JSON.readTree(Files.readString(Path.of(args[2]))).get("results")
                    .forEach(n -> r.node.put(n.get("benchmark").asString(), n.get("opsPerSec").asDouble()));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
        r.md.append(Files.readString(Path.of(args[1])));
        r.render();
        Files.writeString(out.resolve("latest.md"), r.md.toString());
        System.out.print(r.md);
    }

    private void add(JsonNode result) {
        String name = result.get("benchmark").asString().replace(PKG, "");
        JsonNode params = result.get("params");
        String key = params != null && params.has("db") ? name + "@" + params.get("db").asString() : name;
        JsonNode pm = result.get("primaryMetric");
        Double alloc = null;
        JsonNode secondary = result.get("secondaryMetrics");
        if (secondary != null) {
            for (Map.Entry<String, JsonNode> e : secondary.properties()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().get("score").asDouble();
                }
            }
        }
        double error = pm.get("scoreError").isNumber() ? pm.get("scoreError").asDouble() : Double.NaN;
        figures.put(key, new Figure(pm.get("score").asDouble(), error, pm.get("scoreUnit").asString(), alloc));
    }

    // ------------------------------------------------------------------------------------------ the table

    private void render() {
        md.append("\n### End to end: PrismaClient vs hand-written JDBC (target: ratio ≥ 0.85 on reads)\n\n");
        md.append("| case | db | PrismaClient ops/s | baseline | baseline ops/s | ratio | target | met | alloc/op Prisma / baseline |\n");
        md.append("| --- | --- | ---: | --- | ---: | ---: | --- | --- | ---: |\n");
        for (String db : List.of("postgresql", "sqlite")) {
            read(db, "findUnique by id", "ReadBench.prismaFindUnique", "ReadBench.jdbcFindUnique");
            read(db, "findMany take 20", "ReadBench.prismaFindManyTake20", "ReadBench.jdbcFindManyTake20");
            read(db, "posts where/orderBy/take 20", "ReadBench.prismaPostsWhereOrderTake",
                    "ReadBench.jdbcPostsWhereOrderTake");
            read(db, "take 20 include posts, `query`", "ReadBench.prismaTake20IncludePostsQuery",
                    "ReadBench.jdbcTake20WithPostsTwoQueries");
            read(db, "take 20 include posts, `join`", "ReadBench.prismaTake20IncludePostsJoin",
                    "ReadBench.jdbcTake20WithPostsJsonAgg");
            read(db, "1,000 users include posts, `query`", "ReadBench.prismaAllIncludePostsQuery",
                    "ReadBench.jdbcAllWithPostsTwoQueries");
            read(db, "1,000 users include posts, `join`", "ReadBench.prismaAllIncludePostsJoin",
                    "ReadBench.jdbcAllWithPostsJsonAgg");
        }
        md.append("\nThe `join` rows compare with the same statement written by hand (JSON aggregate, parsed with"
                + " Jackson's streaming parser). A flat `LEFT JOIN` grouped in memory is another statement, cheaper to"
                + " produce and to read; for reference, the one-statement cases against it (no target):\n\n");
        md.append("| case | db | PrismaClient ops/s | flat LEFT JOIN ops/s | ratio | same-statement JSON baseline"
                + " / flat LEFT JOIN |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (String db : List.of("postgresql", "sqlite")) {
            flatJoin(db, "take 20 include posts, `join`", "ReadBench.prismaTake20IncludePostsJoin",
                    "ReadBench.jdbcTake20WithPostsJsonAgg", "ReadBench.jdbcTake20WithPostsLeftJoin");
            flatJoin(db, "1,000 users include posts, `join`", "ReadBench.prismaAllIncludePostsJoin",
                    "ReadBench.jdbcAllWithPostsJsonAgg", "ReadBench.jdbcAllWithPostsLeftJoin");
        }
        md.append("\n### Wide include (1,000 users, 10,000 posts), `query` strategy vs the best hand-written version"
                + " (target: within 1.3x, i.e. ratio ≥ 0.77)\n\n");
        md.append("| db | PrismaClient ops/s | best baseline | baseline ops/s | ratio | met |\n");
        md.append("| --- | ---: | --- | ---: | ---: | --- |\n");
        for (String db : List.of("postgresql", "sqlite")) {
            Figure p = figures.get("ReadBench.prismaAllIncludePostsQuery@" + db);
            String best = null;
            for (String b : List.of("ReadBench.jdbcAllWithPostsTwoQueries", "ReadBench.jdbcAllWithPostsLeftJoin",
                    "ReadBench.jdbcAllWithPostsJsonAgg")) {
                Figure f = figures.get(b + "@" + db);
                if (f != null && (best == null || f.score() > figures.get(best + "@" + db).score())) {
                    best = b;
                }
            }
            if (p == null || best == null) {
                continue;
            }
            Figure b = figures.get(best + "@" + db);
            double ratio = p.score() / b.score();
            md.append("| %s | %s | %s | %s | %.2f | %s |\n".formatted(db, num(p.score()), method(best), num(b.score()),
                    ratio, met(ratio >= 1 / 1.3, ratio / (1 / 1.3))));
        }
        nodeTable();
        md.append("\n### Query compile only: arguments → SQL, no database (target: < 20 µs)\n\n");
        md.append("| case | µs/op | target | met | alloc/op |\n| --- | ---: | --- | --- | ---: |\n");
        compile("findUnique", "CompileBench.compileFindUnique", true);
        compile("findMany where/orderBy/take", "CompileBench.compileFindManyWhereOrderByTake", true);
        compile("two-level include (users → posts → tags, `join`)", "CompileBench.compileTwoLevelInclude", true);
        compile("  of which argument validation only", "CompileBench.parseTwoLevelInclude", false);
        md.append("\n### Schema pipeline (no Java baseline exists: absolute times; target: odoo parse + validate +"
                + " calculate < 50 ms warm)\n\n");
        md.append("| case | ms/op | target | met | alloc/op |\n| --- | ---: | --- | --- | ---: |\n");
        schema("odoo.prisma (168 models): parse + validate + calculate SqlSchema",
                "SchemaBench.odooParseValidateCalculate", 50.0);
        schema("  of which parse only", "SchemaBench.odooParseOnly", null);
        schema("  of which parse + validate", "SchemaBench.odooParseValidate", null);
        schema("trigger.dev (largest other, 81 models): parse + validate + calculate",
                "SchemaBench.largestParseValidateCalculate", null);
        schema("odoo.prisma: format", "SchemaBench.odooFormat", null);
        schema("odoo.prisma: diff two versions (12 edits) + render SQL", "SchemaBench.odooDiff", null);
        writes();
    }

    private void read(String db, String label, String prisma, String baseline) {
        Figure p = figures.get(prisma + "@" + db);
        Figure b = figures.get(baseline + "@" + db);
        if (p == null || b == null) {
            return;
        }
        double ratio = p.score() / b.score();
        md.append("| %s | %s | %s | %s | %s | %.2f | ≥ 0.85 | %s | %s / %s |\n".formatted(label, db,
                num(p.score()) + err(p), method(baseline), num(b.score()) + err(b), ratio, met(ratio >= 0.85,
                        ratio / 0.85), bytes(p.allocPerOp()), bytes(b.allocPerOp())));
    }

    private void flatJoin(String db, String label, String prisma, String json, String flat) {
        Figure p = figures.get(prisma + "@" + db);
        Figure j = figures.get(json + "@" + db);
        Figure f = figures.get(flat + "@" + db);
        if (p == null || j == null || f == null) {
            return;
        }
        md.append("| %s | %s | %s | %s | %.2f | %.2f |\n".formatted(label, db, num(p.score()), num(f.score()),
                p.score() / f.score(), j.score() / f.score()));
    }

    private void nodeTable() {
        md.append("\n### Against Prisma's own Node.js client, same PostgreSQL database and queries"
                + " (target: ≥ 2x its throughput)\n\n");
        if (node.isEmpty()) {
            md.append("Not measured in this run (node was not found, or the Node.js bench failed: see the run log).\n");
            return;
        }
        md.append("| case | PrismaClient (Java) ops/s | Prisma 7 Node.js ops/s | ratio | met |\n");
        md.append("| --- | ---: | ---: | ---: | --- |\n");
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("prismaFindUnique", "findUnique by id");
        labels.put("prismaFindManyTake20", "findMany take 20");
        labels.put("prismaPostsWhereOrderTake", "posts where/orderBy/take 20");
        labels.put("prismaTake20IncludePostsQuery", "take 20 include posts, `query`");
        labels.put("prismaTake20IncludePostsJoin", "take 20 include posts, `join`");
        labels.put("prismaAllIncludePostsQuery", "1,000 users include posts, `query`");
        labels.put("prismaAllIncludePostsJoin", "1,000 users include posts, `join`");
        labels.forEach((name, label) -> {
            Figure j = figures.get("ReadBench." + name + "@postgresql");
            Double n = node.get(name);
            if (j == null || n == null) {
                return;
            }
            double ratio = j.score() / n;
            md.append("| %s | %s | %s | %.2f | %s |\n".formatted(label, num(j.score()), num(n), ratio,
                    met(ratio >= 2, ratio / 2)));
        });
    }

    private void compile(String label, String name, boolean target) {
        Figure f = figures.get(name);
        if (f == null) {
            return;
        }
        md.append("| %s | %.2f | %s | %s | %s |\n".formatted(label, f.score(), target ? "< 20 µs" : "—",
                target ? met(f.score() < 20, 20 / f.score()) : "—", bytes(f.allocPerOp())));
    }

    private void schema(String label, String name, Double limit) {
        Figure f = figures.get(name);
        if (f == null) {
            return;
        }
        md.append("| %s | %.1f | %s | %s | %s |\n".formatted(label, f.score(), limit == null ? "—" : "< %.0f ms"
                .formatted(limit), limit == null ? "—" : met(f.score() < limit, limit / f.score()),
                bytes(f.allocPerOp())));
    }

    private void writes() {
        List<String> rows = new ArrayList<>();
        for (String db : List.of("postgresql", "sqlite")) {
            for (String op : List.of("Create", "NestedCreate", "UpdateIncrement", "Upsert", "DeleteMany")) {
                Figure p = figures.get("WriteBench.prisma" + op + "@" + db);
                Figure b = figures.get("WriteBench.jdbc" + op + "@" + db);
                if (p != null && b != null) {
                    double ratio = p.score() / b.score();
                    rows.add("| %s | %s | %s | %s | %.2f | ≥ 0.9 | %s |".formatted(op, db, num(p.score()),
                            num(b.score()), ratio, met(ratio >= 0.9, ratio / 0.9)));
                }
            }
        }
        md.append("\n### Writes (target: ratio ≥ 0.9)\n\n");
        if (rows.isEmpty()) {
            md.append("Not measured in this run (`run.sh --no-writes`, or `WriteBench` failed: see the run log).\n");
            return;
        }
        md.append("| case | db | PrismaClient ops/s | baseline ops/s | ratio | target | met |\n");
        md.append("| --- | --- | ---: | ---: | ---: | --- | --- |\n");
        rows.forEach(r -> md.append(r).append('\n'));
    }

    // ------------------------------------------------------------------------------------------ formatting

    private static String method(String name) {
        return "`" + name.substring(name.indexOf('.') + 1) + "`";
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String err(Figure f) {
        return Double.isNaN(f.error()) ? "" : " ± " + num(f.error());
    }

    /** "yes", or "no" with how far off the target is (the share of the target reached). */
    private static String met(boolean ok, double share) {
        return ok ? "yes" : "**no** (%.0f%% of target)".formatted(share * 100);
    }

    private static String bytes(Double b) {
        if (b == null) {
            return "—";
        }
        return b >= 1 << 20 ? "%.1f MB".formatted(b / (1 << 20)) : b >= 1024 ? "%.1f KB".formatted(b / 1024)
                : "%.0f B".formatted(b);
    }
}
