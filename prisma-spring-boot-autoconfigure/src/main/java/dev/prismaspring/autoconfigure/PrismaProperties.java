package dev.prismaspring.autoconfigure;

import dev.prismaspring.query.RelationLoadStrategy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Prisma for Spring Boot ({@code prisma.*}).
 */
@ConfigurationProperties("prisma")
public class PrismaProperties {

    /**
     * Where the schema is: a .prisma file or a folder of .prisma files, on the classpath ("classpath:") or the
     * file system ("file:" or a plain path).
     */
    private String schemaLocation = "classpath:prisma/schema.prisma";

    private final Migrate migrate = new Migrate();

    private final Client client = new Client();

    private final Health health = new Health();

    private final Drift drift = new Drift();

    public String getSchemaLocation() {
        return schemaLocation;
    }

    public void setSchemaLocation(String schemaLocation) {
        this.schemaLocation = schemaLocation;
    }

    public Migrate getMigrate() {
        return migrate;
    }

    public Client getClient() {
        return client;
    }

    public Health getHealth() {
        return health;
    }

    public Drift getDrift() {
        return drift;
    }

    /** What happens to the database at startup. */
    public enum MigrateMode {
        /** Apply pending migrations; refuse to start on a failed or modified migration. */
        DEPLOY,
        /** Write a migration for unmigrated schema changes into the dev output folder, then deploy. */
        DEV,
        /** Make the database match the schema directly, without migration files (as "prisma db push"). */
        PUSH,
        /** Change nothing; refuse to start when the database differs from the schema. */
        VALIDATE,
        /** Do nothing. */
        NONE
    }

    /** Migrations at startup ({@code prisma.migrate.*}). */
    public static class Migrate {

        /** What happens to the database at startup: deploy, dev, push, validate or none. */
        private MigrateMode mode = MigrateMode.DEPLOY;

        /** The migrations folder the application reads ("classpath:" or file system). */
        private String location = "classpath:prisma/migrations";

        /** The folder where dev mode writes new migrations (the source folder behind the location). */
        private String devOutputDir = "src/main/resources/prisma/migrations";

        /**
         * Whether dev and push modes may apply changes that can lose data (dropped tables or columns, narrowed
         * types, required columns without default on non-empty tables).
         */
        private boolean acceptDataLoss;

        public MigrateMode getMode() {
            return mode;
        }

        public void setMode(MigrateMode mode) {
            this.mode = mode;
        }

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }

        public String getDevOutputDir() {
            return devOutputDir;
        }

        public void setDevOutputDir(String devOutputDir) {
            this.devOutputDir = devOutputDir;
        }

        public boolean isAcceptDataLoss() {
            return acceptDataLoss;
        }

        public void setAcceptDataLoss(boolean acceptDataLoss) {
            this.acceptDataLoss = acceptDataLoss;
        }
    }

    /** The PrismaClient bean ({@code prisma.client.*}). */
    public static class Client {

        /** How relations are loaded by default: "query" (one statement per relation level) or "join". */
        private RelationLoadStrategy relationLoadStrategy = RelationLoadStrategy.query;

        /** Whether every statement the client runs is logged (logger dev.prismaspring.client, level INFO). */
        private boolean logQueries;

        /**
         * The package of the generated type-safe client (prisma-maven-plugin's packageName); when set, its Prisma
         * class is a bean built from the PrismaClient bean.
         */
        private String generatedPackage;

        public String getGeneratedPackage() {
            return generatedPackage;
        }

        public void setGeneratedPackage(String generatedPackage) {
            this.generatedPackage = generatedPackage;
        }

        public RelationLoadStrategy getRelationLoadStrategy() {
            return relationLoadStrategy;
        }

        public void setRelationLoadStrategy(RelationLoadStrategy relationLoadStrategy) {
            this.relationLoadStrategy = relationLoadStrategy;
        }

        public boolean isLogQueries() {
            return logQueries;
        }

        public void setLogQueries(boolean logQueries) {
            this.logQueries = logQueries;
        }
    }

    /** The prisma health indicator ({@code prisma.health.*}). */
    public static class Health {

        /** The status the health indicator reports when the database is not up to date with the schema. */
        private String driftStatus = "OUT_OF_SERVICE";

        public String getDriftStatus() {
            return driftStatus;
        }

        public void setDriftStatus(String driftStatus) {
            this.driftStatus = driftStatus;
        }
    }

    /** Drift detection ({@code prisma.drift.*}). */
    public static class Drift {

        /** Tables the drift check leaves out (besides Liquibase's own), e.g. tables managed by another tool. */
        private List<String> ignoreTables = new ArrayList<>();

        public List<String> getIgnoreTables() {
            return ignoreTables;
        }

        public void setIgnoreTables(List<String> ignoreTables) {
            this.ignoreTables = ignoreTables;
        }
    }
}
