package dev.prismaspring.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The precedence of {@link SchemaStatus}: failed, drifted, pending, unmigrated changes, up to date. */
class SchemaStatusTest {

    @Test
    void theFirstFactInPrecedenceOrderIsTheStatus() {
        assertThat(SchemaStatus.of(false, false, false, false)).isEqualTo(SchemaStatus.UP_TO_DATE);
        assertThat(SchemaStatus.of(false, false, false, true)).isEqualTo(SchemaStatus.UNMIGRATED_CHANGES);
        assertThat(SchemaStatus.of(false, false, true, true)).isEqualTo(SchemaStatus.PENDING);
        assertThat(SchemaStatus.of(false, true, true, true)).isEqualTo(SchemaStatus.DRIFTED);
        assertThat(SchemaStatus.of(true, true, true, true)).isEqualTo(SchemaStatus.FAILED);
        assertThat(SchemaStatus.of(true, false, false, false)).isEqualTo(SchemaStatus.FAILED);
        assertThat(SchemaStatus.of(false, true, false, false)).isEqualTo(SchemaStatus.DRIFTED);
    }
}
