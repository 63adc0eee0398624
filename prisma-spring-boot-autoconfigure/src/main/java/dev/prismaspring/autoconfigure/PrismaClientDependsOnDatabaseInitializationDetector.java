package dev.prismaspring.autoconfigure;

import dev.prismaspring.client.PrismaClient;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * A {@link DependsOnDatabaseInitializationDetector} for {@link PrismaClient} beans: they are created after the
 * database initializers (Prisma's migrations, Liquibase, SQL scripts), and so are the beans that use them.
 */
class PrismaClientDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(PrismaClient.class);
    }
}
