package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The provider check against each kind of live database: every schema provider that differs from the database
 * behind {@code spring.datasource.url} stops startup with one sentence naming both; the matching one starts.
 * PostgreSQL and MariaDB cases are skipped (with the reason printed) when those servers do not answer.
 */
class ProviderMismatchTest {

    /** How the failure names each live database (written out here, not taken from the code under test). */
    private static final Map<DbKind, String> DATABASE_NAMES = Map.of(
            DbKind.POSTGRES, "PostgreSQL", DbKind.MYSQL, "MySQL/MariaDB", DbKind.SQLITE, "SQLite");

    @TempDir
    Path dir;

    static Stream<Arguments> mismatches() {
        return Stream.of(DbKind.values()).flatMap(live -> Stream.of(DbKind.values())
                .filter(schema -> schema != live)
                .map(schema -> Arguments.of(live, schema)));
    }

    @ParameterizedTest(name = "{1} schema on a {0} database")
    @MethodSource("mismatches")
    void mismatchStopsStartupNamingTheSchemaProviderAndTheDatabase(DbKind live, DbKind schemaKind) {
        try (TestDatabase db = TestDatabases.create(live, "mismatch_" + live)) {
            Path schema = Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(schemaKind));
            runner(db, schema).run(context -> {
                FailureAnalysis analysis = PrismaAutoConfigurationTest.analysis(context);
                assertThat(analysis.getDescription()).isEqualTo("The Prisma schema at file:" + schema
                        + " has provider \"" + Schemas.provider(schemaKind) + "\" but the DataSource"
                        + " (spring.datasource.url) is a " + DATABASE_NAMES.get(live) + " database.");
                assertThat(analysis.getAction()).contains("spring.datasource.url");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void matchingProviderStarts(DbKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "match_" + kind)) {
            Path schema = Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(kind));
            runner(db, schema).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(PrismaClient.class);
            });
        }
    }

    private static ApplicationContextRunner runner(TestDatabase db, Path schema) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "prisma.schema-location=file:" + schema, "prisma.migrate.mode=none");
    }
}
