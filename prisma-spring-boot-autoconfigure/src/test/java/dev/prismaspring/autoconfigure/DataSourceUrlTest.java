package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** URLs in startup messages never show passwords. */
class DataSourceUrlTest {

    @Test
    void hidesPasswordsInParametersAndUserInfo() {
        assertThat(DataSourceUrl.redact("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
        assertThat(DataSourceUrl.redact("jdbc:mariadb://app:s3cret@db:3306/app"))
                .isEqualTo("jdbc:mariadb://app:***@db:3306/app");
        assertThat(DataSourceUrl.redact("jdbc:sqlserver://db;user=sa;password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=sa;password=***;encrypt=true");
        assertThat(DataSourceUrl.redact("jdbc:sqlite:/tmp/app.db")).isEqualTo("jdbc:sqlite:/tmp/app.db");
    }

    @Test
    void readsTheUrlOfAnyDataSourceWithAUrlProperty() {
        assertThat(DataSourceUrl.of(new DriverManagerDataSource("jdbc:postgresql://db/app?password=x")))
                .isEqualTo("jdbc:postgresql://db/app?password=***");
    }
}
