package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.migrate.DriftDifference;
import dev.prismaspring.migrate.DriftReport;
import dev.prismaspring.migrate.SchemaStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code /actuator/prisma} tells: the status, the schema, the migrations, the unmigrated changes and the
 * drift (with the time of the full check it comes from).
 *
 * @param status            the status, by {@link SchemaStatus}'s precedence
 * @param schema            facts of the running schema
 * @param migrations        the migration history against the folder
 * @param unmigratedChanges the schema's changes that no migration holds yet
 * @param drift             the differences of the live database from the structure its migrations lead to
 */
public record PrismaStatusReport(SchemaStatus status, SchemaFacts schema, MigrationFacts migrations,
        List<DriftDifference> unmigratedChanges, DriftReport drift) {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * Facts of the running schema.
     *
     * @param location where it was loaded from
     * @param provider {@code postgresql}, {@code mysql} or {@code sqlite}
     * @param models   the number of models
     * @param enums    the number of enums
     * @param hash     its {@link dev.prismaspring.migrate.SchemaHash}
     */
    public record SchemaFacts(String location, String provider, int models, int enums, String hash) {
    }

    public PrismaStatusReport {
        unmigratedChanges = List.copyOf(unmigratedChanges);
    }

    /** The endpoint's JSON (design.md, "Actuator"), as maps and lists in a fixed key order. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.name());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("location", schema.location());
        s.put("provider", schema.provider());
        s.put("models", schema.models());
        s.put("enums", schema.enums());
        s.put("hash", schema.hash());
        out.put("schema", s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applied", migrations.applied().stream().map(a -> map("id", a.id(), "appliedAt", time(a.appliedAt()),
                "checksum", a.checksum())).toList());
        m.put("pending", migrations.pending());
        m.put("failed", migrations.failed().stream().map(f -> map("id", f.id(), "failedAt", time(f.failedAt()),
                "error", f.error())).toList());
        m.put("modified", migrations.modified().stream().map(x -> map("id", x.id(), "appliedChecksum",
                x.appliedChecksum(), "currentChecksum", x.currentChecksum())).toList());
        out.put("migrations", m);
        out.put("unmigratedChanges", unmigratedChanges.stream().map(PrismaStatusReport::difference).toList());
        out.put("drift", drift.differences().stream().map(PrismaStatusReport::difference).toList());
        return out;
    }

    static Map<String, Object> difference(DriftDifference d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", d.kind().label());
        out.put("table", d.table());
        out.put("column", d.column());
        if (d.index() != null) {
            out.put("index", d.index());
        }
        out.put("detail", d.detail());
        return out;
    }

    /** An instant as design.md writes times: ISO-8601 UTC with milliseconds; {@code null} stays null. */
    static String time(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
