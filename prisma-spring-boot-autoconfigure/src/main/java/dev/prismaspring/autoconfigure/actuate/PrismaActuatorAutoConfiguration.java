package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.autoconfigure.PrismaAutoConfiguration;
import dev.prismaspring.autoconfigure.PrismaProperties;
import dev.prismaspring.autoconfigure.PrismaProperties.MigrateMode;
import dev.prismaspring.autoconfigure.PrismaSchema;
import dev.prismaspring.autoconfigure.PrismaSpringLiquibase;
import dev.prismaspring.migrate.files.Migration;
import dev.prismaspring.migrate.files.MigrationDirectory;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Operations for Prisma for Spring Boot, when Spring Boot Actuator is present: the {@code prisma} endpoint, the
 * {@code prisma} health indicator ({@code management.health.prisma.enabled}), gauges when Micrometer is present,
 * and an observation per client operation when an {@link ObservationRegistry} is.
 */
@AutoConfiguration(after = PrismaAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean({PrismaSchema.class, DataSource.class})
public class PrismaActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationFactsSource prismaMigrationFactsSource(PrismaProperties properties, ResourceLoader resourceLoader,
            ObjectProvider<PrismaSpringLiquibase> prismaLiquibase, DataSource dataSource) {
        if (properties.getMigrate().getMode() == MigrateMode.PUSH) {
            return MigrationFactsSource.NONE;
        }
        PrismaSpringLiquibase liquibase = prismaLiquibase.getIfAvailable();
        if (liquibase != null) {
            return new LiquibaseMigrationFactsSource(liquibase.getMigrations().migrator(), dataSource);
        }
        // the application runs Liquibase itself: the history table and a migrations folder on the file system
        String location = properties.getMigrate().getLocation();
        return new HistoryMigrationFactsSource(dataSource, () -> folder(resourceLoader, location));
    }

    private static List<Migration> folder(ResourceLoader resourceLoader, String location) {
        Resource resource = resourceLoader.getResource(location);
        try {
            return resource.exists() && resource.isFile()
                    ? MigrationDirectory.at(resource.getFile().toPath()).migrations() : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Bean
    @ConditionalOnMissingBean
    PrismaStatusInspector prismaStatusInspector(PrismaSchema schema, DataSource dataSource,
            MigrationFactsSource migrationFacts, PrismaProperties properties) {
        return new PrismaStatusInspector(schema, dataSource, migrationFacts,
                properties.getMigrate().getMode() != MigrateMode.PUSH, properties.getDrift().getIgnoreTables());
    }

    @Bean
    PrismaStartupCheck prismaStartupCheck(PrismaStatusInspector inspector, PrismaProperties properties) {
        MigrateMode mode = properties.getMigrate().getMode();
        return new PrismaStartupCheck(inspector, mode == MigrateMode.DEPLOY || mode == MigrateMode.DEV
                || mode == MigrateMode.PUSH);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    PrismaEndpoint prismaEndpoint(PrismaStatusInspector inspector) {
        return new PrismaEndpoint(inspector);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "prismaHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("prisma")
        PrismaHealthIndicator prismaHealthIndicator(PrismaStatusInspector inspector, PrismaProperties properties) {
            return new PrismaHealthIndicator(inspector, properties.getHealth().getDriftStatus());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        PrismaMetrics prismaMetrics(PrismaStatusInspector inspector) {
            return new PrismaMetrics(inspector);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class Observations {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(ObservationRegistry.class)
        PrismaObservationInterceptor prismaObservationInterceptor(ObservationRegistry registry) {
            return new PrismaObservationInterceptor(registry);
        }

        @Bean
        static MigrationObservations prismaMigrationObservations(ObjectProvider<ObservationRegistry> registry) {
            return new MigrationObservations(registry);
        }
    }
}
