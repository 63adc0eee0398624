package dev.prismaspring.samples.blog;

import dev.prismaspring.testdb.DbKind;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The blog sample end to end on a fresh POSTGRES database (profile "postgres"). */
@ActiveProfiles("postgres")
class BlogPostgresTest extends BlogEndpointsTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabaseProperties.register(DbKind.POSTGRES, registry);
    }

    @AfterAll
    static void drop() {
        TestDatabaseProperties.drop(DbKind.POSTGRES);
    }
}
