package dev.prismaspring.sql;

/** PostgreSQL index access methods ({@code @@index(type: ...)}). */
public enum IndexMethod {
    BTREE("BTREE"),
    HASH("HASH"),
    GIST("GIST"),
    GIN("GIN"),
    SPGIST("SPGIST"),
    BRIN("BRIN");

    private final String sql;

    IndexMethod(String sql) {
        this.sql = sql;
    }

    /** The keyword after {@code USING}. */
    public String sql() {
        return sql;
    }
}
