package dev.prismaspring.samples.blog;

import dev.prismaspring.testdb.DbKind;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The blog sample end to end on a fresh SQLITE database (the default profile). */

class BlogSqliteTest extends BlogEndpointsTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabaseProperties.register(DbKind.SQLITE, registry);
    }

    @AfterAll
    static void drop() {
        TestDatabaseProperties.drop(DbKind.SQLITE);
    }
}
