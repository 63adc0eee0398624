package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.schema.Datamodel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of the performance work give the same results as the general code they bypass: Map arguments
 * walked directly vs Jackson's {@code valueToTree}, DateTime text parsed without {@code parseBest}'s exception,
 * and the shared relation links.
 */
class HotPathEquivalenceTest {

    @Test
    void mapArgumentsGiveTheTreeJacksonGives() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("int", 7);
        nested.put("long", 7_000_000_000L);
        nested.put("bool", true);
        nested.put("null", null);
        nested.put("string", "ä \"quoted\"");
        nested.put("double", 1.5);
        nested.put("decimal", new BigDecimal("12.500"));
        nested.put("instant", Instant.parse("2026-01-02T03:04:05.678Z"));
        nested.put("list", Arrays.asList(1, "two", null, List.of(3L), Map.of("k", false)));
        Map<Object, Object> intKeys = new HashMap<>();
        intKeys.put(1, "one");
        nested.put("intKeys", intKeys);
        Map<String, Object> args = Map.of("where", nested, "take", 20);
        assertThat(ArgumentParser.toTree(args)).isEqualTo(ArgumentParser.JSON.valueToTree(args));
        assertThat(ArgumentParser.toTree(List.of(1, 2))).isEqualTo(ArgumentParser.JSON.valueToTree(List.of(1, 2)));
    }

    @Test
    void dateTimeTextParsesAsParseBestDid() {
        List<String> texts = new ArrayList<>(List.of("2026-01-01T00:00:01.5", "2026-01-01 00:00:01",
                "2026-01-01T00:00", "2026-01-01T10:00:00.123456789", "2026-01-01T10:00:00Z",
                "2026-01-01T10:00:00.25+02:00", "2026-01-01 10:00:00-0530", "2026-01-01T10:00:00+01",
                "  2026-12-31T23:59:59.999  ",
                // read by hand (simpleDateTime) when they have the usual form, else by the formatter
                "2026-01-01T00:00:00.1", "2026-01-01T00:00:00.12", "2026-01-01T00:00:00.1234",
                "2026-01-01T00:00:00.12345678", "2026-01-01 23:59", "2024-02-29T12:00:00", "2026-02-29T12:00:00",
                "2026-04-31 00:00:00", "2026-01-01T24:00", "0001-01-01T00:00:00", "9999-12-31 23:59:59.999999999",
                "2026-01-01 T10:00", "2026-01-0110:00", "2026-01-01T10:00.5", "12026-01-01T10:00:00",
                "2026-01-01T10:00:00.1234567890", "2026-01-01T10:00:0", "2026-01-01T10:60", "2026-1-01T10:00",
                "2026-01-01T10:00:00.", "2026-01-01x10:00"));
        for (String s : texts) {
            Instant parsed;
            try {
                parsed = oldParse(s.trim());
            } catch (java.time.DateTimeException e) {
                assertThatThrownBy(() -> ValueCodec.dateTime(s)).as(s).isInstanceOf(java.time.DateTimeException.class);
                continue;
            }
            assertThat(ValueCodec.dateTime(s)).as(s).isEqualTo(parsed);
        }
        assertThat(ValueCodec.dateTime("1767225601500")).isEqualTo(Instant.ofEpochMilli(1767225601500L));
        assertThat(ValueCodec.dateTime("-1000")).isEqualTo(Instant.ofEpochMilli(-1000));
        assertThatThrownBy(() -> ValueCodec.dateTime("2026-13-01T00:00:00"))
                .isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> ValueCodec.dateTime("-")).isInstanceOf(java.time.DateTimeException.class);
        for (String bad : List.of("2026-01-01T10:00:00.1234567890", "2026-01-01T10:00:0", "2026-01-01T10:60",
                "2026-1-01T10:00", "2026-01-01T10:00:00.", "2026-01-01x10:00")) {
            assertThat(ValueCodec.simpleDateTime(bad)).as(bad).isNull();
        }
        assertThat(ValueCodec.simpleDateTime("2026-01-01T10:00:00.123")).isNotNull();
        assertThatThrownBy(() -> ValueCodec.dateTime("2026-01-01"))
                .isInstanceOf(java.time.DateTimeException.class);
    }

    /** The parsing before the fast path: offset first, then local (UTC). */
    private static Instant oldParse(String s) {
        var f = new java.time.format.DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd[' ']['T']HH:mm[:ss]")
                .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
                .optionalEnd()
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .toFormatter();
        var parsed = f.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    @Test
    void relationLinksAreComputedOnceAndFieldNamesKeepSchemaOrder() {
        QuerySchema schema = new QuerySchema(ReadSuite.datamodel("postgresql"));
        for (QuerySchema.ModelInfo m : schema.models()) {
            for (Datamodel.RelationField rf : m.relations().values()) {
                assertThat(m.link(rf)).isSameAs(m.link(rf));
                assertThat(m.link(rf).field()).isSameAs(rf);
            }
            List<String> expected = m.model().fields().stream().map(Datamodel.Field::name)
                    .filter(n -> m.scalars().containsKey(n) || m.relations().containsKey(n)).toList();
            assertThat(m.fieldNames()).isEqualTo(expected);
            assertThatThrownBy(() -> m.fieldNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
