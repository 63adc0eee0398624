package dev.prismaspring.testdb;

import dev.prismaspring.sql.SqlDialect;

/** The database servers tests run against. */
public enum DbKind {
    POSTGRES("PRISMA_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
    MYSQL("PRISMA_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root"),
    SQLITE(null, null);

    private final String envVariable;
    private final String localDefault;

    DbKind(String envVariable, String localDefault) {
        this.envVariable = envVariable;
        this.localDefault = localDefault;
    }

    /** The environment variable that holds the server's JDBC URL ({@code null} for SQLite). */
    public String envVariable() {
        return envVariable;
    }

    /** The URL tried when the variable is unset. */
    public String localDefault() {
        return localDefault;
    }

    /** The dialect that renders DDL for this server. */
    public SqlDialect dialect() {
        return switch (this) {
            case POSTGRES -> SqlDialect.postgres();
            case MYSQL -> SqlDialect.mysql();
            case SQLITE -> SqlDialect.sqlite();
        };
    }
}
