package dev.prismaspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrate commands' errors that need no database server. */
class MigrateCliTest {

    @TempDir
    Path dir;

    @Test
    void connectionFailureExitsTwoNamingTheUrlWithoutPassword() {
        MigrationLifecycleTest.Run run = MigrationLifecycleTest.run("migrate", "status", "--url",
                "jdbc:postgresql://127.0.0.1:1/app?user=app&password=s3cret", "--migrations", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Could not connect to the database at "
                + "jdbc:postgresql://127.0.0.1:1/app?user=app&password=***").contains("Check that the database is running")
                .doesNotContain("s3cret").doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void unsupportedUrlAndMissingFolder() {
        MigrationLifecycleTest.Run odd = MigrationLifecycleTest.run("migrate", "deploy", "--url", "jdbc:oracle:thin:@x");
        assertThat(odd.exitCode()).isEqualTo(2);
        assertThat(odd.err()).contains("not a JDBC URL of a supported database");

        MigrationLifecycleTest.Run missing = MigrationLifecycleTest.run("migrate", "deploy", "--url",
                "jdbc:sqlite:" + dir.resolve("x.db"), "--migrations", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void redactsPasswords() {
        assertThat(JdbcUrls.redact("jdbc:mysql://root:pw@localhost/db")).isEqualTo("jdbc:mysql://root:***@localhost/db");
        assertThat(JdbcUrls.redact("jdbc:mariadb://h/db?user=a&password=b&x=1"))
                .isEqualTo("jdbc:mariadb://h/db?user=a&password=***&x=1");
    }
}
