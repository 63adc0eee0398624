package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code @ConditionalOnMissingBean} of {@link PrismaAutoConfiguration} backs off for a bean of the user's:
 * the list of cases is checked against the auto-configuration's bean methods, so a new overridable bean without a
 * case here fails {@link #everyConditionalBeanHasABackOffCase()}.
 */
class BackOffTest {

    /** The name every user configuration below gives its bean. */
    static final String USER_BEAN = "userBean";

    private static final String NOTE_SCHEMA = "datasource db {\n  provider = \"sqlite\"\n}\nmodel Note {\n  id Int @id\n}\n";

    /** Per type the auto-configuration backs off for: the auto-configured bean's name and the user's bean. */
    record Case(Class<?> type, String autoBeanName, Class<?> userConfiguration) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(PrismaSchema.class, "prismaSchema", UserSchema.class),
                new Case(Datamodel.class, "prismaDatamodel", UserDatamodel.class),
                new Case(SpringLiquibase.class, "prismaSpringLiquibase", UserLiquibase.class),
                new Case(PrismaClient.class, "prismaClient", UserClient.class));
    }

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
                        "prisma.schema-location=file:" + dir.resolve("schema.prisma"), "prisma.migrate.mode=push");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyConditionalBeanHasABackOffCase() {
        Map<Class<?>, String> conditional = conditionalBeans(PrismaAutoConfiguration.class);
        Map<Class<?>, String> covered = new LinkedHashMap<>();
        cases().forEach(c -> covered.put(c.type(), c.autoBeanName()));
        assertThat(covered).as("back-off cases (type -> auto-configured bean name)")
                .containsExactlyInAnyOrderEntriesOf(conditional);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backsOffForTheUsersBean(Case c) {
        runner.withUserConfiguration(c.userConfiguration()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(c.type());
            assertThat(context).doesNotHaveBean(c.autoBeanName());
            assertThat(context.getBean(c.type())).isSameAs(context.getBean(USER_BEAN));
            // the rest of the auto-configuration is still there
            assertThat(context).hasSingleBean(PrismaClient.class);
        });
    }

    @Test
    void autoConfiguredBeansWithoutUserBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            for (Case c : cases()) {
                assertThat(context).hasSingleBean(c.type());
                assertThat(context.getBean(c.type())).isSameAs(context.getBean(c.autoBeanName()));
            }
        });
    }

    @Test
    void theUsersSchemaIsUsedAndTheLocationIsNotRead() {
        // no file at the location: it would fail startup if it were read
        runner.withUserConfiguration(UserSchema.class)
                .withPropertyValues("prisma.schema-location=file:" + dir.resolve("nowhere.prisma"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Datamodel.class).models()).extracting(m -> m.name())
                            .containsExactly("Note");
                    // push mode made the user's schema's table
                    assertThat(context.getBean(PrismaClient.class).model("Note").findMany(Map.of())).isEmpty();
                });
    }

    @Test
    void bootsLiquibasePropertiesDoNotSwitchPrismasMigrationsOff() {
        // Boot's LiquibaseAutoConfiguration backs off for Prisma's SpringLiquibase, so its properties do nothing
        runner.withPropertyValues("spring.liquibase.enabled=false", "spring.liquibase.change-log=classpath:nowhere.xml")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(PrismaSpringLiquibase.class);
                    // push mode ran: the table exists
                    assertThat(context.getBean(PrismaClient.class).model("User").findMany(Map.of())).isEmpty();
                });
    }

    /** The types the bean methods of {@code configuration} (and its nested classes) back off for. */
    static Map<Class<?>, String> conditionalBeans(Class<?> configuration) {
        Map<Class<?>, String> types = new LinkedHashMap<>();
        List<Class<?>> classes = new ArrayList<>(List.of(configuration));
        classes.addAll(Arrays.asList(configuration.getDeclaredClasses()));
        for (Class<?> cls : classes) {
            for (Method m : cls.getDeclaredMethods()) {
                ConditionalOnMissingBean missing = m.getAnnotation(ConditionalOnMissingBean.class);
                if (m.isAnnotationPresent(Bean.class) && missing != null) {
                    assertThat(missing.type()).as("%s: back-off by type name is not covered here", m).isEmpty();
                    assertThat(missing.name()).as("%s: back-off by bean name is not covered here", m).isEmpty();
                    Stream.of(missing.value().length == 0 ? new Class<?>[] {m.getReturnType()} : missing.value())
                            .forEach(t -> types.put(t, m.getName()));
                }
            }
        }
        return types;
    }

    @Configuration(proxyBeanMethods = false)
    static class UserSchema {
        @Bean(USER_BEAN)
        PrismaSchema userSchema() {
            return new PrismaSchema("user-defined", SchemaValidator.validate(NOTE_SCHEMA));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDatamodel {
        @Bean(USER_BEAN)
        Datamodel userDatamodel() {
            return SchemaValidator.validate(NOTE_SCHEMA).datamodel();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLiquibase {
        @Bean(USER_BEAN)
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
    static class UserClient {
        @Bean(USER_BEAN)
        PrismaClient userClient(DataSource dataSource) {
            return PrismaClient.create(SchemaValidator.validate(NOTE_SCHEMA).datamodel(), dataSource);
        }
    }
}
