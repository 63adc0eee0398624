package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.query.RelationLoadStrategy;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Conditions, back-off and properties of {@link PrismaAutoConfiguration}, on a SQLite database (the provider
 * mismatch case also on PostgreSQL when it is available). The migrate modes are in {@link PrismaMigrateModesTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrismaAutoConfigurationTest {

    @TempDir
    Path dir;

    TestDatabase db;

    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        db = TestDatabases.create(DbKind.SQLITE, getClass().getSimpleName());
        Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(DbKind.SQLITE));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "prisma.schema-location=file:" + dir.resolve("schema.prisma"),
                        "prisma.migrate.mode=push");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void exposesSchemaDatamodelClientAndItsOwnSpringLiquibase() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(PrismaSchema.class).hasSingleBean(Datamodel.class)
                    .hasSingleBean(PrismaClient.class);
            // Boot's LiquibaseAutoConfiguration backed off: the only SpringLiquibase is Prisma's
            assertThat(context).hasSingleBean(SpringLiquibase.class);
            assertThat(context.getBean(SpringLiquibase.class)).isInstanceOf(PrismaSpringLiquibase.class);
            assertThat(context.getBean(Datamodel.class).models()).extracting(m -> m.name())
                    .containsExactly("User", "Post");
            assertThat(context.getBean(PrismaClient.class).relationLoadStrategy())
                    .isEqualTo(RelationLoadStrategy.query);
            // push mode created the tables, and the client reads them through the Boot DataSource
            assertThat(context.getBean(PrismaClient.class).model("User").findMany(java.util.Map.of())).isEmpty();
        });
    }

    @Test
    void beansUsingThePrismaClientStartAfterTheMigrations() {
        // the user's bean is created before the auto-configured ones, and reads a table in its constructor
        runner.withUserConfiguration(EarlyReader.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(EarlyReader.Reader.class).usersAtStartup).isZero();
        });
    }

    @Test
    void statusOfTheMigrationsIsAvailableToOtherBeans() {
        runner.withPropertyValues("prisma.migrate.mode=none").run(context -> {
            PrismaMigrations migrations = context.getBean(PrismaSpringLiquibase.class).getMigrations();
            assertThat(migrations.schema()).isSameAs(context.getBean(PrismaSchema.class));
            assertThat(migrations.migrator().status().needsAttention()).isFalse();
        });
    }

    @Test
    void logQueriesLogsEveryStatement(CapturedOutput output) {
        runner.withPropertyValues("prisma.client.log-queries=true").run(context -> {
            context.getBean(PrismaClient.class).model("User").findMany(java.util.Map.of("where",
                    java.util.Map.of("email", "ada@example.com")));
            assertThat(output).contains("prisma:query").contains("FROM").doesNotContain("ada@example.com");
        });
    }

    @Test
    void relationLoadStrategyProperty() {
        runner.withPropertyValues("prisma.client.relation-load-strategy=join").run(context ->
                assertThat(context.getBean(PrismaClient.class).relationLoadStrategy())
                        .isEqualTo(RelationLoadStrategy.join));
    }

    @Test
    void backsOffWhenTheUserDefinesAPrismaClient() {
        runner.withUserConfiguration(UserClient.class).run(context -> {
            assertThat(context).hasSingleBean(PrismaClient.class);
            assertThat(context.getBean(PrismaClient.class)).isSameAs(context.getBean(UserClient.class).client);
        });
    }

    @Test
    void backsOffWhenTheUserDefinesADatamodel() {
        runner.withUserConfiguration(UserDatamodel.class).run(context -> {
            assertThat(context).hasSingleBean(Datamodel.class);
            assertThat(context.getBean(Datamodel.class).models()).extracting(m -> m.name()).containsExactly("Note");
            assertThat(context.getBean(PrismaClient.class).schema().model("Note").name()).isEqualTo("Note");
        });
    }

    @Test
    void backsOffWhenTheUserDefinesASpringLiquibase() {
        runner.withUserConfiguration(UserLiquibase.class).run(context -> {
            assertThat(context).hasSingleBean(SpringLiquibase.class);
            assertThat(context).doesNotHaveBean(PrismaSpringLiquibase.class);
            assertThat(context).hasSingleBean(PrismaClient.class);
        });
    }

    @Test
    void nothingWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PrismaAutoConfiguration.class))
                .withPropertyValues("prisma.schema-location=file:" + dir.resolve("schema.prisma"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(PrismaClient.class).doesNotHaveBean(PrismaSchema.class);
                });
    }

    @Test
    void nothingWithTwoDataSourcesAndNoPrimary() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PrismaAutoConfiguration.class))
                .withUserConfiguration(TwoDataSources.class)
                .withPropertyValues("prisma.schema-location=file:" + dir.resolve("schema.prisma"),
                        "test.url=" + db.jdbcUrl())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(PrismaClient.class);
                });
    }

    @Test
    void usesThePrimaryOfTwoDataSources() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PrismaAutoConfiguration.class))
                .withUserConfiguration(TwoDataSources.class, PrimaryDataSource.class)
                .withPropertyValues("prisma.schema-location=file:" + dir.resolve("schema.prisma"),
                        "prisma.migrate.mode=none", "test.url=" + db.jdbcUrl())
                .run(context -> assertThat(context).hasSingleBean(PrismaClient.class));
    }

    @Test
    void invalidSchemaFailsWithPrismasDiagnostic() {
        Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(DbKind.SQLITE).replace("title    String",
                "title    Strin"));
        runner.run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription())
                    .startsWith("The Prisma schema at file:" + dir.resolve("schema.prisma") + " has 1 error:")
                    .contains("Type \"Strin\" is neither a built-in type, nor refers to another model")
                    .contains("title    Strin")
                    .contains("Validation Error Count: 1")
                    .doesNotContain("\u001b[");
            assertThat(analysis.getAction()).contains("prisma.schema-location");
        });
    }

    @Test
    void missingSchemaNamesTheLocationAndTheProperty() {
        runner.withPropertyValues("prisma.schema-location=classpath:nowhere/schema.prisma").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).contains("classpath:nowhere/schema.prisma")
                    .contains("prisma.schema-location");
        });
    }

    @Test
    void schemaFolderLoadsEveryFileButTheMigrationSnapshots() {
        Path folder = dir.resolve("multi");
        Schemas.write(folder.resolve("a_datasource.prisma"), "datasource db {\n  provider = \"sqlite\"\n}\n");
        Schemas.write(folder.resolve("models/note.prisma"), "model Note {\n  id Int @id\n}\n");
        Schemas.write(folder.resolve("migrations/20260101000000_init/schema.prisma"),
                "model Broken {\n  id Strin @id\n}\n");
        runner.withPropertyValues("prisma.schema-location=file:" + folder).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Datamodel.class).models()).extracting(m -> m.name()).containsExactly("Note");
            assertThat(context.getBean(PrismaSchema.class).validated().files().size()).isEqualTo(2);
        });
    }

    @Test
    void providerMismatchSaysWhichIsWhich() {
        Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(DbKind.POSTGRES));
        runner.run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).isEqualTo("The Prisma schema at file:" + dir.resolve("schema.prisma")
                    + " has provider \"postgresql\" but the DataSource (spring.datasource.url) is a SQLite database.");
        });
    }

    static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new PrismaStartupFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    static class EarlyReader {
        @Bean
        Reader reader(PrismaClient prisma) {
            return new Reader(prisma);
        }

        static class Reader {
            final int usersAtStartup;

            Reader(PrismaClient prisma) {
                this.usersAtStartup = prisma.model("User").findMany(java.util.Map.of()).size();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClient {
        final PrismaClient client;

        UserClient(DataSource dataSource) {
            this.client = PrismaClient.create(SchemaValidator.validate(
                    "datasource db {\n  provider = \"sqlite\"\n}\nmodel Thing {\n  id Int @id\n}\n").datamodel(),
                    dataSource);
        }

        @Bean
        PrismaClient userPrismaClient() {
            return client;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDatamodel {
        @Bean
        Datamodel userDatamodel() {
            return SchemaValidator.validate("datasource db {\n  provider = \"sqlite\"\n}\nmodel Note {\n  id Int @id\n}\n")
                    .datamodel();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLiquibase {
        @Bean
        SpringLiquibase userLiquibase(DataSource dataSource) {
            SpringLiquibase liquibase = new SpringLiquibase() {
                @Override
                public void afterPropertiesSet() {
                    // the user's own migrations would run here
                }
            };
            liquibase.setDataSource(dataSource);
            return liquibase;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource first(org.springframework.core.env.Environment env) {
            return DataSourceBuilder.create().url(env.getProperty("test.url")).build();
        }

        @Bean
        DataSource second(org.springframework.core.env.Environment env) {
            return DataSourceBuilder.create().url(env.getProperty("test.url")).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryDataSource {
        @Bean
        @Primary
        DataSource primary(org.springframework.core.env.Environment env) {
            return DataSourceBuilder.create().url(env.getProperty("test.url")).build();
        }
    }
}
