package dev.prismaspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the operations beans exist (SQLite, push mode): with Actuator on the classpath; not without it; the health
 * indicator off by {@code management.health.prisma.enabled=false}; the endpoint off when not exposed; gauges of the
 * last report; an observation per client operation and one around the startup migration.
 */
class PrismaActuatorAutoConfigurationTest {

    @TempDir
    Path dir;

    TestDatabase db;
    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        db = TestDatabases.create(DbKind.SQLITE, "actuator_conditions");
        runner = ActuatorFixture.runner(db.jdbcUrl(),
                ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(DbKind.SQLITE)))
                .withPropertyValues("prisma.migrate.mode=push");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void endpointHealthAndGaugesWithActuator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PrismaStatusInspector.class)
                    .hasSingleBean(PrismaEndpoint.class).hasBean("prismaHealthIndicator")
                    .hasSingleBean(PrismaMetrics.class).doesNotHaveBean(PrismaObservationInterceptor.class);
        });
    }

    @Test
    void backsOffWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(Endpoint.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PrismaClient.class)
                    .doesNotHaveBean(PrismaStatusInspector.class).doesNotHaveBean(PrismaEndpoint.class)
                    .doesNotHaveBean("prismaHealthIndicator");
        });
    }

    @Test
    void healthIndicatorDisabledByProperty() {
        runner.withPropertyValues("management.health.prisma.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("prismaHealthIndicator")
                    .hasSingleBean(PrismaEndpoint.class);
        });
    }

    @Test
    void endpointOnlyWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PrismaEndpoint.class)
                    .hasBean("prismaHealthIndicator");
        });
        runner.withPropertyValues("management.endpoint.prisma.access=NONE").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PrismaEndpoint.class);
        });
    }

    @Test
    void gaugesShowTheLastReportWithoutQueryingTheDatabase() {
        runner.run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(PrismaMetrics.class).bindTo(registry);
            assertThat(registry.get("prisma.drift.differences").gauge().value()).as("startup check").isZero();
            assertThat(registry.get("prisma.migrations.pending").gauge().value()).isZero();
            db.execute("CREATE TABLE extra_one (id INTEGER NOT NULL PRIMARY KEY)");
            db.execute("CREATE TABLE extra_two (id INTEGER NOT NULL PRIMARY KEY)");
            assertThat(registry.get("prisma.drift.differences").gauge().value()).as("not checked yet").isZero();
            context.getBean(PrismaEndpoint.class).check();
            assertThat(registry.get("prisma.drift.differences").gauge().value()).isEqualTo(2.0);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Test
    void anObservationPerClientOperationAndAroundTheStartupMigration() {
        runner.withUserConfiguration(Observations.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PrismaObservationInterceptor.class);
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo(MigrationObservations.NAME).that()
                    .hasLowCardinalityKeyValue("mode", "push").hasBeenStarted().hasBeenStopped();

            PrismaClient prisma = context.getBean(PrismaClient.class);
            db.execute("INSERT INTO \"User\" (\"email\") VALUES ('ada@example.com')");
            assertThat(prisma.model("User").findMany(Map.of("where", Map.of("email", "ada@example.com")))).hasSize(1);
            assertThat(prisma.model("Post").findMany(Map.of())).isEmpty();
            assertThatThrownBy(() -> prisma.model("User").findMany(Map.of("where", Map.of("emial", "x"))))
                    .isInstanceOf(RuntimeException.class);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo(PrismaObservationInterceptor.NAME, 3)
                    .hasAnObservation(o -> o.hasNameEqualTo(PrismaObservationInterceptor.NAME)
                            .hasContextualNameEqualTo("User.findMany")
                            .hasLowCardinalityKeyValue("model", "User")
                            .hasLowCardinalityKeyValue("operation", "findMany")
                            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                            .hasHighCardinalityKeyValueWithKey("db.statement"))
                    .hasAnObservation(o -> o.hasNameEqualTo(PrismaObservationInterceptor.NAME)
                            .hasLowCardinalityKeyValue("model", "Post")
                            .hasLowCardinalityKeyValue("outcome", "SUCCESS"))
                    .hasAnObservation(o -> o.hasNameEqualTo(PrismaObservationInterceptor.NAME)
                            .hasLowCardinalityKeyValue("model", "User")
                            .hasLowCardinalityKeyValue("outcome", "ERROR").hasError());
            assertThat(context.getBean(ObservationRegistry.class)).isSameAs(registry);
        });
    }
}
