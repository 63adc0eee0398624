package dev.prismaspring.autoconfigure;

import liquibase.integration.spring.SpringLiquibase;

/**
 * The {@link SpringLiquibase} bean of a Prisma application: Boot's Liquibase auto-configuration backs off because it
 * exists, while Boot's database-initialization ordering (beans that use the database start after it) and
 * Liquibase's Actuator endpoint keep working. Its run is {@link PrismaMigrations}: Prisma's migrations, read from
 * {@code prisma.migrate.location}, through the same Liquibase runner the CLI uses, in the configured mode.
 */
public class PrismaSpringLiquibase extends SpringLiquibase {

    private final PrismaMigrations migrations;

    public PrismaSpringLiquibase(PrismaMigrations migrations) {
        this.migrations = migrations;
    }

    private boolean run = true;

    @Override
    public void setShouldRun(boolean shouldRun) {
        super.setShouldRun(shouldRun);
        this.run = shouldRun;
    }

    @Override
    public void afterPropertiesSet() {
        if (run) {
            migrations.run();
        }
    }

    /** The migrations this bean runs at startup. */
    public PrismaMigrations getMigrations() {
        return migrations;
    }
}
