package dev.prismaspring.samples.blog;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One fresh database per kind for the end-to-end tests, dropped by {@link #drop(DbKind)}. */
final class TestDatabaseProperties {

    private static final Map<DbKind, TestDatabase> DATABASES = new EnumMap<>(DbKind.class);

    private TestDatabaseProperties() {
    }

    /** Points spring.datasource.url at a fresh database of {@code kind} (skips the class when the server is down). */
    static synchronized void register(DbKind kind, DynamicPropertyRegistry registry) {
        TestDatabase db = DATABASES.computeIfAbsent(kind, k -> TestDatabases.create(k, "blog_sample"));
        registry.add("spring.datasource.url", db::jdbcUrl);
    }

    static synchronized void drop(DbKind kind) {
        TestDatabase db = DATABASES.remove(kind);
        if (db != null) {
            db.close();
        }
    }
}
