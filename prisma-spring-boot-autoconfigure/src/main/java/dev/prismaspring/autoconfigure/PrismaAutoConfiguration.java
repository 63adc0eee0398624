package dev.prismaspring.autoconfigure;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaInterceptor;
import dev.prismaspring.schema.Datamodel;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Auto-configuration of Prisma for Spring Boot: loads the schema from {@code prisma.schema-location}, checks its
 * provider against the application's {@link DataSource}, and exposes the {@link Datamodel} and a
 * {@link PrismaClient} on that DataSource (statements join Spring-managed transactions, the application's
 * {@link PrismaInterceptor} beans wrap its operations in order); migrates the database at
 * startup as {@code prisma.migrate.mode} says, through a {@link PrismaSpringLiquibase} bean, so that Boot's own
 * Liquibase auto-configuration backs off and beans using the database (the {@code PrismaClient} included) start
 * after the migrations.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration")
@ConditionalOnClass({PrismaClient.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(PrismaProperties.class)
@Import({DatabaseInitializationDependencyConfigurer.class, TypedClientRegistrar.class})
public final class PrismaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PrismaSchema prismaSchema(PrismaProperties properties, ResourceLoader resourceLoader) {
        return new PrismaSchemaLoader(resourceLoader).load(properties.getSchemaLocation());
    }

    @Bean
    @ConditionalOnMissingBean
    Datamodel prismaDatamodel(PrismaSchema schema, DataSource dataSource) {
        ProviderCheck.check(schema, dataSource);
        return schema.datamodel();
    }

    /**
     * Prisma's migrations as the application's {@link SpringLiquibase}; absent when the user defines a
     * SpringLiquibase bean of their own (then that one migrates the database).
     */
    @Bean
    @ConditionalOnMissingBean(SpringLiquibase.class)
    PrismaSpringLiquibase prismaSpringLiquibase(PrismaSchema schema, DataSource dataSource,
            PrismaProperties properties, ResourceLoader resourceLoader) {
        PrismaProperties.Migrate migrate = properties.getMigrate();
        MigrationResources resources = new MigrationResources(resourceLoader);
        PrismaSpringLiquibase liquibase = new PrismaSpringLiquibase(new PrismaMigrations(schema, dataSource, migrate,
                () -> resources.read(migrate.getLocation())));
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(migrate.getLocation());
        liquibase.setShouldRun(migrate.getMode() != PrismaProperties.MigrateMode.NONE);
        return liquibase;
    }

    @Bean
    @ConditionalOnMissingBean
    PrismaClient prismaClient(Datamodel datamodel, DataSource dataSource, PrismaProperties properties,
            ObjectProvider<PrismaInterceptor> interceptors,
            ObjectProvider<PlatformTransactionManager> transactionManager) {
        PrismaClient.Builder builder = PrismaClient.builder(datamodel, dataSource)
                .relationLoadStrategy(properties.getClient().getRelationLoadStrategy())
                .logQueries(properties.getClient().isLogQueries());
        // the application's transaction manager, so prisma.transaction(...) and @Transactional share transactions
        transactionManager.ifUnique(builder::transactionManager);
        interceptors.orderedStream().forEach(builder::interceptor);
        return builder.build();
    }
}
