package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.SchemaValidator;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Error translation for message formats the test servers do not produce (MySQL 8's table-qualified key names,
 * pool timeouts), and the code → family mapping. The databases' own errors are covered by the runtime suites.
 */
class ErrorTranslatorTest {

    static ErrorTranslator translator(String provider) {
        return new ErrorTranslator(new QuerySchema(SchemaValidator.validate(TestSchemas.blog(provider)).datamodel()));
    }

    @Test
    void mysql8TableQualifiedKeyName() {
        PrismaException e = translator("mysql").translate(new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'a@b' for key 'User.User_email_key'", "23000", 1062), true);
        assertThat(e.code()).isEqualTo("P2002");
        assertThat(e.meta()).isEqualTo(Map.of("modelName", "User", "target", List.of("email")));
        assertThat(e.getCause()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void mariadbPrimaryKeyUsesTheRunningOperationsModel() {
        ErrorTranslator t = translator("mysql");
        SQLException duplicate = new SQLIntegrityConstraintViolationException(
                "(conn=7) Duplicate entry '1' for key 'PRIMARY'", "23000", 1062);
        PrismaException e = t.withModel("Tag", () -> t.translate(duplicate));
        assertThat(e.meta()).isEqualTo(Map.of("modelName", "Tag", "target", List.of("id")));
        assertThat(e.getMessage()).isEqualTo("Unique constraint failed on the fields: (`id`) on model `Tag`");
    }

    @Test
    void poolTimeoutIsP2024AndTransient() {
        PrismaException e = translator("postgresql").translate(new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms.", "08001"));
        assertThat(e).isInstanceOf(PrismaTimeoutException.class);
        assertThat(e.code()).isEqualTo("P2024");
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void factoryPicksTheFamily() {
        assertThat(PrismaException.of("P2002", "m")).isInstanceOf(PrismaConstraintViolationException.class);
        assertThat(PrismaException.of("P2025", "m")).isInstanceOf(PrismaNotFoundException.class);
        assertThat(PrismaException.of("P2034", "m")).isInstanceOf(PrismaTransactionException.class);
        assertThat(PrismaException.of("P1008", "m")).isInstanceOf(PrismaTimeoutException.class);
        assertThat(PrismaException.of("P2010", "m")).isInstanceOf(PrismaQueryFailedException.class);
        assertThat(PrismaException.of("P2009", "m")).isInstanceOf(PrismaValidationException.class);
        assertThat(PrismaException.of("P5000", "m").getClass()).isEqualTo(PrismaException.class);
        PrismaException plain = new PrismaException("P2026", "not yet");
        assertThat(plain).isInstanceOf(DataAccessException.class);
        assertThat(plain.meta()).isEmpty();
        assertThat(plain.getMessage()).isEqualTo("not yet");
    }
}
