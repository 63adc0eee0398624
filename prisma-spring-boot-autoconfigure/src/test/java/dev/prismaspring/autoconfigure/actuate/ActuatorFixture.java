package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.autoconfigure.PrismaAutoConfiguration;
import dev.prismaspring.testdb.DbKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The schema and application context the actuator tests share. */
final class ActuatorFixture {

    private ActuatorFixture() {
    }

    static String provider(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    /** Three models and an enum; {@code User.name} has a native type where the provider has one. */
    static String schema(DbKind kind) {
        return schema(kind, "");
    }

    /** {@link #schema(DbKind)} with {@code extraUserFields} (lines ending in a newline) added to {@code User}. */
    static String schema(DbKind kind, String extraUserFields) {
        String nameType = kind == DbKind.SQLITE ? "" : " @db.VarChar(100)";
        return """
                datasource db {
                  provider = "%s"
                }

                model User {
                  id    Int     @id @default(autoincrement())
                  email String  @unique
                  name  String?%s
                  role  Role    @default(USER)
                %s  posts Post[]
                }

                model Post {
                  id       Int    @id @default(autoincrement())
                  title    String
                  author   User   @relation(fields: [authorId], references: [id])
                  authorId Int

                  @@index([title])
                }

                model Profile {
                  id  Int    @id
                  bio String
                }

                enum Role {
                  USER
                  ADMIN
                }
                """.formatted(provider(kind), nameType, extraUserFields);
    }

    static Path writeSchema(Path dir, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("schema.prisma"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context with the DataSource, Prisma and Prisma's actuator auto-configurations, the endpoint exposed. */
    static ApplicationContextRunner runner(String jdbcUrl, Path schemaFile) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, PrismaAutoConfiguration.class, EndpointAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class, PrismaActuatorAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + jdbcUrl,
                        "prisma.schema-location=file:" + schemaFile.toAbsolutePath(),
                        "management.endpoints.web.exposure.include=health,prisma");
    }
}
