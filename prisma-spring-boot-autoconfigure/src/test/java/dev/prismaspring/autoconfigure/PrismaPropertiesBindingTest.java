package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.query.RelationLoadStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code @ConfigurationProperties} binding of every {@code prisma.*} key: one property source sets each key to a
 * value other than its default, and every value arrives. The keys are checked against the generated configuration
 * metadata, so a new property without a binding case fails here.
 */
class PrismaPropertiesBindingTest {

    /** Every key, with a value that differs from its default. */
    static final Map<String, String> ALL_KEYS = Map.of(
            "prisma.schema-location", "file:/srv/app/schema",
            "prisma.migrate.mode", "validate",
            "prisma.migrate.location", "file:/srv/app/migrations",
            "prisma.migrate.dev-output-dir", "db/migrations",
            "prisma.migrate.accept-data-loss", "true",
            "prisma.client.relation-load-strategy", "join",
            "prisma.client.log-queries", "true",
            "prisma.client.generated-package", "com.example.db",
            "prisma.health.drift-status", "DOWN",
            "prisma.drift.ignore-tables", "audit_log,flyway_schema_history");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaults() {
        runner.run(context -> {
            PrismaProperties p = context.getBean(PrismaProperties.class);
            assertThat(p.getSchemaLocation()).isEqualTo("classpath:prisma/schema.prisma");
            assertThat(p.getMigrate().getMode()).isEqualTo(PrismaProperties.MigrateMode.DEPLOY);
            assertThat(p.getMigrate().getLocation()).isEqualTo("classpath:prisma/migrations");
            assertThat(p.getMigrate().getDevOutputDir()).isEqualTo("src/main/resources/prisma/migrations");
            assertThat(p.getMigrate().isAcceptDataLoss()).isFalse();
            assertThat(p.getClient().getRelationLoadStrategy()).isEqualTo(RelationLoadStrategy.query);
            assertThat(p.getClient().isLogQueries()).isFalse();
            assertThat(p.getHealth().getDriftStatus()).isEqualTo("OUT_OF_SERVICE");
            assertThat(p.getDrift().getIgnoreTables()).isEmpty();
        });
    }

    @Test
    void bindsEveryKey() {
        runner.withPropertyValues(ALL_KEYS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new)).run(context -> {
                    assertThat(context).hasNotFailed();
                    PrismaProperties p = context.getBean(PrismaProperties.class);
                    assertThat(p.getSchemaLocation()).isEqualTo("file:/srv/app/schema");
                    assertThat(p.getMigrate().getMode()).isEqualTo(PrismaProperties.MigrateMode.VALIDATE);
                    assertThat(p.getMigrate().getLocation()).isEqualTo("file:/srv/app/migrations");
                    assertThat(p.getMigrate().getDevOutputDir()).isEqualTo("db/migrations");
                    assertThat(p.getMigrate().isAcceptDataLoss()).isTrue();
                    assertThat(p.getClient().getRelationLoadStrategy()).isEqualTo(RelationLoadStrategy.join);
                    assertThat(p.getClient().isLogQueries()).isTrue();
                    assertThat(p.getClient().getGeneratedPackage()).isEqualTo("com.example.db");
                    assertThat(p.getHealth().getDriftStatus()).isEqualTo("DOWN");
                    assertThat(p.getDrift().getIgnoreTables()).containsExactly("audit_log", "flyway_schema_history");
                });
    }

    @Test
    void relaxedFormsBindToo() {
        // camel case, upper-case enum values and indexed lists, as Boot allows for every property
        runner.withPropertyValues("prisma.migrate.mode=PUSH", "prisma.client.relationLoadStrategy=JOIN",
                "prisma.drift.ignore-tables[0]=a", "prisma.drift.ignore-tables[1]=b")
                .run(context -> {
                    PrismaProperties p = context.getBean(PrismaProperties.class);
                    assertThat(p.getMigrate().getMode()).isEqualTo(PrismaProperties.MigrateMode.PUSH);
                    assertThat(p.getClient().getRelationLoadStrategy()).isEqualTo(RelationLoadStrategy.join);
                    assertThat(p.getDrift().getIgnoreTables()).containsExactly("a", "b");
                });
    }

    @Test
    void aBadValueStopsStartupNamingTheProperty() {
        runner.withPropertyValues("prisma.migrate.mode=deploi").run(context -> {
            assertThat(context).hasFailed();
            BindException bind = null;
            for (Throwable t = context.getStartupFailure(); t != null && bind == null; t = t.getCause()) {
                bind = t instanceof BindException b ? b : null;
            }
            assertThat(bind).as("a BindException in %s", context.getStartupFailure()).isNotNull();
            assertThat(bind.getName().toString()).isEqualTo("prisma.migrate.mode");
            assertThat(bind.getProperty().getValue()).isEqualTo("deploi");
        });
    }

    @Test
    void theBindingCasesCoverEveryPropertyOfTheMetadata() throws IOException {
        assertThat(new TreeSet<>(ALL_KEYS.keySet())).isEqualTo(metadataPropertyNames());
    }

    /**
     * The {@code prisma.*} property names of the generated {@code META-INF/spring-configuration-metadata.json}
     * (the processor also lists the endpoint's standard {@code management.endpoint.prisma.*} keys, which Boot
     * binds and documents).
     */
    static Set<String> metadataPropertyNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode property : prismaProperties()) {
            names.add(property.get("name").asString());
        }
        assertThat(names).as("properties in the generated metadata").isNotEmpty();
        return names;
    }

    /** The metadata's {@code prisma.*} properties. */
    static List<JsonNode> prismaProperties() throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode property : metadata().get("properties")) {
            if (property.get("name").asString().startsWith("prisma.")) {
                out.add(property);
            }
        }
        return out;
    }

    static JsonNode metadata() throws IOException {
        // the module's own classes folder (or jar), not the first such file on the class path
        URL classes = PrismaProperties.class.getProtectionDomain().getCodeSource().getLocation();
        Path file;
        try {
            file = Path.of(classes.toURI()).resolve("META-INF/spring-configuration-metadata.json");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertThat(file).as("the metadata spring-boot-configuration-processor generates").exists();
        try (InputStream in = Files.newInputStream(file)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PrismaProperties.class)
    static class PropertiesOnly {
    }
}
