package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PrismaClient bean uses the Boot-managed DataSource and joins Spring transactions: inside a
 * {@code @Transactional} method it sees the transaction's uncommitted rows, and a rollback takes back what was
 * written in it. On SQLite, PostgreSQL and MariaDB.
 */
class PrismaTransactionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void prismaClientJoinsTransactional(DbKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "transactions")) {
            Schemas.write(dir.resolve("schema.prisma"), Schemas.blog(kind));
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                            PrismaAutoConfiguration.class))
                    .withUserConfiguration(ServiceConfig.class)
                    .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(),
                            "prisma.schema-location=file:" + dir.resolve("schema.prisma"), "prisma.migrate.mode=push")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        UserService service = context.getBean(UserService.class);
                        PrismaClient prisma = context.getBean(PrismaClient.class);
                        assertThatThrownBy(() -> service.insertAndFail("ada@example.com"))
                                .hasMessage("rolled back on purpose");
                        assertThat(service.seenInside()).isEqualTo(1);
                        assertThat(prisma.model("User").findMany(Map.of())).isEmpty();

                        service.insert("grace@example.com");
                        assertThat(prisma.model("User").findMany(Map.of())).extracting(u -> u.get("email"))
                                .containsExactly("grace@example.com");
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceConfig {
        @Bean
        UserService userService(PrismaClient prisma, DataSource dataSource) {
            return new UserService(prisma, new JdbcTemplate(dataSource));
        }
    }

    /** Writes through JdbcTemplate, reads through the PrismaClient, in one Spring transaction. */
    static class UserService {
        final PrismaClient prisma;
        final JdbcTemplate jdbc;
        volatile int seenInside = -1;

        UserService(PrismaClient prisma, JdbcTemplate jdbc) {
            this.prisma = prisma;
            this.jdbc = jdbc;
        }

        /** Read through a method: the bean is a proxy, its own fields are not the target's. */
        public int seenInside() {
            return seenInside;
        }

        @Transactional
        public void insertAndFail(String email) {
            insert(email);
            seenInside = prisma.model("User").findMany(Map.of("where", Map.of("email", email))).size();
            throw new IllegalStateException("rolled back on purpose");
        }

        @Transactional
        public void insert(String email) {
            jdbc.update("INSERT INTO " + quote("User") + " (" + quote("email") + ") VALUES (?)", email);
        }

        private String quote(String identifier) {
            return prisma.schema().dialect().quote(identifier);
        }
    }
}
