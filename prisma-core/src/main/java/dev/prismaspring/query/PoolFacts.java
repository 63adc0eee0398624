package dev.prismaspring.query;

/**
 * What is known of the connection pool a client draws from, for the P2024 message: its name, its size (Prisma's
 * {@code connection_limit}) and how long a caller waits for a connection; any of them may be unknown (null).
 */
public record PoolFacts(String poolName, Integer connectionLimit, Long timeoutMillis) {

    /** Nothing known. */
    public static final PoolFacts UNKNOWN = new PoolFacts(null, null, null);

    /** The facts in Prisma's words, e.g. {@code (Current connection pool timeout: 1000 ms, connection limit: 2, pool: app)}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (timeoutMillis != null) {
            out.append("Current connection pool timeout: ").append(timeoutMillis).append(" ms");
        }
        if (connectionLimit != null) {
            out.append(out.isEmpty() ? "" : ", ").append("connection limit: ").append(connectionLimit);
        }
        if (poolName != null) {
            out.append(out.isEmpty() ? "" : ", ").append("pool: ").append(poolName);
        }
        return out.isEmpty() ? "" : "(" + out + ")";
    }
}
