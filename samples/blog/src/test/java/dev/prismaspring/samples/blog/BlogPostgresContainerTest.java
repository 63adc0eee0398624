package dev.prismaspring.samples.blog;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The blog sample end to end on a PostgreSQL container ({@code @ServiceConnection}); skipped without Docker. */
@ExtendWith(DockerAvailable.class)
@Testcontainers
@ActiveProfiles("postgres")
class BlogPostgresContainerTest extends BlogEndpointsTestBase {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");
}
