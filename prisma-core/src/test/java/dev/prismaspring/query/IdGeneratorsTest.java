package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Formats, uniqueness and time parts of the client-side id generators. */
class IdGeneratorsTest {

    @Test
    void uuidV4AndV7() {
        UUID v4 = UUID.fromString(IdGenerators.uuid4());
        assertThat(v4.version()).isEqualTo(4);
        assertThat(v4.variant()).isEqualTo(2);
        long before = System.currentTimeMillis();
        String s = IdGenerators.uuid7();
        UUID v7 = UUID.fromString(s);
        assertThat(s).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(v7.version()).isEqualTo(7);
        assertThat(v7.variant()).isEqualTo(2);
        long ms = v7.getMostSignificantBits() >>> 16;
        assertThat(ms).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void cuidsNanoidsAndUlids() {
        assertThat(IdGenerators.cuid()).matches("c[0-9a-z]{24}");
        assertThat(IdGenerators.cuid2()).matches("[a-z][0-9a-z]{23}");
        assertThat(IdGenerators.nanoid(21)).matches("[A-Za-z0-9_-]{21}");
        assertThat(IdGenerators.nanoid(5)).hasSize(5);
        long before = System.currentTimeMillis();
        String ulid = IdGenerators.ulid();
        assertThat(ulid).matches("[0-9A-HJKMNP-TV-Z]{26}");
        long ms = 0;
        for (char c : ulid.substring(0, 10).toCharArray()) {
            ms = ms * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        }
        assertThat(ms).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void noCollisionsInManyIds() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(IdGenerators.cuid())).isTrue();
            assertThat(seen.add(IdGenerators.cuid2())).isTrue();
            assertThat(seen.add(IdGenerators.uuid7())).isTrue();
            assertThat(seen.add(IdGenerators.ulid())).isTrue();
            assertThat(seen.add(IdGenerators.nanoid(21))).isTrue();
        }
    }
}
