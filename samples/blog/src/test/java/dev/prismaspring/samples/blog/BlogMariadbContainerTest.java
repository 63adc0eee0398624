package dev.prismaspring.samples.blog;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mariadb.MariaDBContainer;

/** The blog sample end to end on a MariaDB container ({@code @ServiceConnection}); skipped without Docker. */
@ExtendWith(DockerAvailable.class)
@Testcontainers
@ActiveProfiles("mariadb")
class BlogMariadbContainerTest extends BlogEndpointsTestBase {

    @Container
    @ServiceConnection
    static final MariaDBContainer MARIADB = new MariaDBContainer("mariadb:11");
}
