package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.autoconfigure.typedtest.Post;
import dev.prismaspring.autoconfigure.typedtest.PostCreateInput;
import dev.prismaspring.autoconfigure.typedtest.Prisma;
import dev.prismaspring.autoconfigure.typedtest.User;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated type-safe client as a bean ({@code prisma.client.generated-package}), on SQLite, with the client
 * prisma-maven-plugin generates from {@code prisma/typed/schema.prisma} during this module's build.
 */
class TypedClientAutoConfigurationTest {

    TestDatabase db;

    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        db = TestDatabases.create(DbKind.SQLITE, getClass().getSimpleName());
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                        "prisma.schema-location=classpath:prisma/typed/schema.prisma",
                        "prisma.migrate.mode=push");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void generatedClientIsABeanOverThePrismaClientBean() {
        runner.withPropertyValues("prisma.client.generated-package=dev.prismaspring.autoconfigure.typedtest")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Prisma.class);
                    Prisma prisma = context.getBean(Prisma.class);
                    assertThat(prisma.prismaClient()).isSameAs(context.getBean(PrismaClient.class));
                    User ada = prisma.user().create(q -> q.data(d -> d.email("ada@example.com").name("Ada")
                            .posts(p -> p.create(new PostCreateInput().title("Hello")))));
                    // written through the typed bean, read back through the dynamic client: one database
                    assertThat(context.getBean(PrismaClient.class).model("Post").findMany(java.util.Map.of()))
                            .extracting(row -> row.get("title")).containsExactly("Hello");
                    assertThat(prisma.post().findMany(f -> f.where(w -> w.authorId(ada.id()))))
                            .extracting(Post::title).containsExactly("Hello");
                });
    }

    @Test
    void noBeanWithoutTheProperty() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(PrismaClient.class)
                .doesNotHaveBean(Prisma.class));
    }

    @Test
    void applicationBeanOfTheGeneratedClassWins() {
        runner.withPropertyValues("prisma.client.generated-package=dev.prismaspring.autoconfigure.typedtest")
                .withUserConfiguration(OwnTypedClient.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Prisma.class);
                    assertThat(context).getBean(Prisma.class).isSameAs(context.getBean("ownPrisma"));
                    assertThat(context).doesNotHaveBean(TypedClientRegistrar.BEAN_NAME);
                });
    }

    @Test
    void packageWithoutGeneratedClientFailsWithPropertyAndPluginNamed() {
        runner.withPropertyValues("prisma.client.generated-package=com.example.nothing.here")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new PrismaStartupFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("prisma.client.generated-package")
                            .contains("com.example.nothing.here.Prisma");
                    assertThat(analysis.getAction()).contains("prisma-maven-plugin").contains("<packageName>");
                });
    }

    @Test
    void clientGeneratedFromAnotherSchemaFailsWithTheMismatch(@TempDir Path dir) {
        // the generated client knows User.name; this schema has no such field
        Path schema = Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(DbKind.SQLITE).replace(
                "  name  String?\n", ""));
        runner.withPropertyValues("prisma.client.generated-package=dev.prismaspring.autoconfigure.typedtest",
                        "prisma.schema-location=file:" + schema)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new PrismaStartupFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("does not match the schema").contains("'name'");
                    assertThat(analysis.getAction()).contains("Generate the client again");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTypedClient {

        @Bean
        Prisma ownPrisma(PrismaClient client) {
            return Prisma.of(client);
        }
    }
}
