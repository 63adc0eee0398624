package dev.prismaspring.bench;

import dev.prismaspring.migrate.SchemaDiffer;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Creates, seeds and drops the benchmark databases. {@code run.sh} calls it once before the JMH run (so every fork
 * and Prisma's Node.js client read the same rows) and once after it:
 *
 * <pre>
 * java -cp benchmarks.jar dev.prismaspring.bench.BenchDatabase create-postgres SERVER_URL DBNAME
 * java -cp benchmarks.jar dev.prismaspring.bench.BenchDatabase drop-postgres SERVER_URL DBNAME
 * java -cp benchmarks.jar dev.prismaspring.bench.BenchDatabase create-sqlite FILE
 * java -cp benchmarks.jar dev.prismaspring.bench.BenchDatabase print-schema postgresql
 * java -cp benchmarks.jar dev.prismaspring.bench.BenchDatabase node-url JDBC_URL
 * </pre>
 *
 * Tables are created from the schema by prisma-core's own migration SQL (the tables Prisma Migrate creates).
 */
public final class BenchDatabase {

    /** A fixed instant, so that every run seeds the same values. */
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "create-postgres" -> {
                require(args, 3);
                admin(args[1], "CREATE DATABASE " + ident(args[2]));
                String url = withDatabase(args[1], args[2]);
                create(url, "postgresql");
                System.out.println(url);
            }
            case "drop-postgres" -> {
                require(args, 3);
                admin(args[1], "DROP DATABASE IF EXISTS " + ident(args[2]) + " WITH (FORCE)");
            }
            case "create-sqlite" -> {
                require(args, 2);
                Files.deleteIfExists(Path.of(args[1]));
                create("jdbc:sqlite:" + args[1], "sqlite");
            }
            case "pg-version" -> {
                require(args, 2);
                try (Connection c = DriverManager.getConnection(args[1]);
                     java.sql.ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
                    rs.next();
                    System.out.println(rs.getString(1));
                }
            }
            case "node-url" -> {
                require(args, 2);
                System.out.println(nodeUrl(args[1]));
            }
            case "print-schema" -> {
                require(args, 2);
                System.out.print(BenchSchema.text(args[1]));
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchDatabase create-postgres URL DBNAME | drop-postgres URL DBNAME | create-sqlite FILE"
                + " | print-schema PROVIDER"
                + " | node-url JDBC_URL | pg-version JDBC_URL");
        System.exit(2);
    }

    private static void require(String[] args, int n) {
        if (args.length != n) {
            usage();
        }
    }

    /** A database name made only of letters, digits and underscores (it is not a bind parameter). */
    private static String ident(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name '" + name + "' must match [a-z_][a-z0-9_]*");
        }
        return name;
    }

    private static void admin(String serverUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl)) {
            c.createStatement().execute(sql);
        }
    }

    /** {@code jdbc:postgresql://host:port/any?params} with the database replaced by {@code db}. */
    static String withDatabase(String serverUrl, String db) {
        String prefix = "jdbc:postgresql://";
        if (!serverUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("PRISMA_BENCH_POSTGRES_URL must start with " + prefix + ": " + serverUrl);
        }
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String params = q < 0 ? "" : serverUrl.substring(q);
        int slash = base.indexOf('/', prefix.length());
        String hostPort = slash < 0 ? base : base.substring(0, slash);
        return hostPort + "/" + ident(db) + params;
    }

    /** {@code jdbc:postgresql://host:port/db?user=u&password=p} as node-postgres wants it: {@code postgresql://u:p@host:port/db}. */
    static String nodeUrl(String jdbcUrl) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = null;
        String password = null;
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals("user")) {
                    user = p.length > 1 ? p[1] : "";
                } else if (p[0].equals("password")) {
                    password = p.length > 1 ? p[1] : "";
                }
            }
        }
        String auth = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
        return "postgresql://" + auth + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }

    /** Creates the tables and seeds {@link BenchSchema#USERS} users with their posts and tags. */
    static void create(String url, String provider) throws SQLException {
        Datamodel dm = BenchSchema.datamodel(provider);
        SqlSchema target = SqlSchemaCalculator.calculate(dm);
        List<String> ddl = SchemaDiffer.script(SqlSchema.empty(), target,
                dialectOf(provider)).statements();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String s : ddl) {
                c.createStatement().execute(s);
            }
            c.setAutoCommit(false);
            seed(c, provider);
            c.commit();
            c.setAutoCommit(true);
            if (provider.equals("postgresql")) {
                c.createStatement().execute("VACUUM ANALYZE");
            }
        }
    }

    private static SqlDialect dialectOf(String provider) {
        return SqlDialect.forProvider(BenchSchema.datamodel(provider).provider());
    }

    private static void seed(Connection c, String provider) throws SQLException {
        boolean pg = provider.equals("postgresql");
        String q = pg ? "\"" : "`";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q + "User" + q
                + " (id, email, name, role, " + q + "createdAt" + q + ") VALUES (?, ?, ?, ?" + (pg ? "::\"Role\"" : "")
                + ", ?)")) {
            for (int u = 1; u <= BenchSchema.USERS; u++) {
                ps.setInt(1, u);
                ps.setString(2, "user" + u + "@example.com");
                ps.setString(3, "User " + u);
                ps.setString(4, u % 10 == 0 ? "ADMIN" : "USER");
                dateTime(ps, 5, T0.plusSeconds(u), pg);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q + "Tag" + q + " (id, name) VALUES (?, ?)")) {
            for (int t = 1; t <= BenchSchema.TAGS; t++) {
                ps.setInt(1, t);
                ps.setString(2, "tag" + t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String content = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt "
                + "ut labore et dolore magna aliqua.";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q + "Post" + q
                + " (id, title, content, published, views, " + q + "authorId" + q + ", " + q + "createdAt" + q
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement link = c.prepareStatement("INSERT INTO " + q + "_PostToTag" + q
                     + " (" + q + "A" + q + ", " + q + "B" + q + ") VALUES (?, ?)")) {
            int id = 0;
            for (int u = 1; u <= BenchSchema.USERS; u++) {
                for (int k = 0; k < BenchSchema.POSTS_PER_USER; k++) {
                    id++;
                    ps.setInt(1, id);
                    ps.setString(2, "Post " + id + " by user " + u);
                    ps.setString(3, content);
                    ps.setBoolean(4, k % 2 == 0);
                    ps.setInt(5, id % 97);
                    ps.setInt(6, u);
                    dateTime(ps, 7, T0.plusSeconds(100_000L + id), pg);
                    ps.addBatch();
                    for (int t = 0; t < BenchSchema.TAGS_PER_POST; t++) {
                        link.setInt(1, id);
                        link.setInt(2, 1 + (id + t * 7) % BenchSchema.TAGS);
                        link.addBatch();
                    }
                }
            }
            ps.executeBatch();
            link.executeBatch();
        }
        if (pg) {
            // explicit ids were inserted: move the sequences past them so that creates get fresh ids
            for (String t : List.of("User", "Post", "Tag")) {
                c.createStatement().execute("SELECT setval(pg_get_serial_sequence('\"" + t + "\"', 'id'), "
                        + "(SELECT MAX(id) FROM \"" + t + "\"))");
            }
        }
    }

    /** A DateTime as each provider stores it: timestamp(3) in UTC on PostgreSQL, epoch milliseconds on SQLite. */
    private static void dateTime(PreparedStatement ps, int index, Instant value, boolean pg) throws SQLException {
        if (pg) {
            ps.setTimestamp(index, Timestamp.from(value),
                    java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), Locale.ROOT));
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }
}
