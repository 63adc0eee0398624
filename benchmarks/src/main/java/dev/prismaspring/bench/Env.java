package dev.prismaspring.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.client.PrismaClient;
import javax.sql.DataSource;

/** Where the benchmarks find their databases: system properties set by {@code run.sh} for every JMH fork. */
public final class Env {

    /** The seeded PostgreSQL database ({@code BenchDatabase create-postgres} prints it). */
    public static final String POSTGRES_URL = "bench.postgres.url";
    /** The seeded SQLite file ({@code BenchDatabase create-sqlite}). */
    public static final String SQLITE_FILE = "bench.sqlite.file";

    private Env() {
    }

    /** A small Hikari pool on the benchmark database of {@code provider}. */
    public static HikariDataSource dataSource(String provider) {
        HikariConfig cfg = new HikariConfig();
        if (provider.equals("postgresql")) {
            cfg.setJdbcUrl(required(POSTGRES_URL));
        } else {
            cfg.setJdbcUrl("jdbc:sqlite:" + required(SQLITE_FILE));
        }
        cfg.setMaximumPoolSize(2);
        cfg.setMinimumIdle(2);
        cfg.setPoolName("bench-" + provider);
        return new HikariDataSource(cfg);
    }

    /** A client on {@code dataSource} for the benchmark schema. */
    public static PrismaClient client(String provider, DataSource dataSource) {
        return PrismaClient.create(BenchSchema.datamodel(provider), dataSource);
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the benchmarks "
                    + "through benchmarks/run.sh, which creates the databases and passes their location");
        }
        return v;
    }
}
