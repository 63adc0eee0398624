package dev.prismaspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the JSON of {@code GET /actuator/prisma} (design.md, "Actuator"), field by field, on a database with one
 * applied migration, an index added by hand (drift) and a schema field no migration holds (unmigrated change).
 * Values that vary between runs (migration id, times, checksum, hash, folder) are replaced by their shape.
 */
class PrismaEndpointJsonTest {

    @TempDir
    Path dir;

    static final String EXPECTED = """
            {
              "status" : "DRIFTED",
              "schema" : {
                "location" : "file:<dir>/schema.prisma",
                "provider" : "sqlite",
                "models" : 3,
                "enums" : 1,
                "hash" : "sha256:<64 hex digits>"
              },
              "migrations" : {
                "applied" : [ {
                  "id" : "<yyyyMMddHHmmss>_dev",
                  "appliedAt" : "<yyyy-MM-ddTHH:mm:ss.SSSZ>",
                  "checksum" : "9:<32 hex digits>"
                } ],
                "pending" : [ ],
                "failed" : [ ],
                "modified" : [ ]
              },
              "unmigratedChanges" : [ {
                "kind" : "MissingColumn",
                "table" : "User",
                "column" : "age",
                "detail" : "The column `User.age` (INTEGER NULL) is in the schema but no migration creates it."
              } ],
              "drift" : [ {
                "kind" : "ExtraIndex",
                "table" : "Post",
                "column" : null,
                "index" : "Post_authorId_idx",
                "detail" : "The index `Post_authorId_idx` on `Post`[authorId] is in the database but not in the schema."
              } ]
            }""";

    @Test
    void theEndpointJsonHasDesignMdsShape() throws Exception {
        // status: the first of FAILED, DRIFTED, PENDING, UNMIGRATED_CHANGES, UP_TO_DATE that holds
        // schema: where the running schema was loaded from, its provider, model and enum counts, its SchemaHash
        // migrations: applied (id, time, Liquibase checksum), pending ids, failed (id, failedAt, error) and
        //             modified (id, appliedChecksum, currentChecksum) migrations
        // unmigratedChanges / drift: kind, table, column (null when not a column), index (only for index,
        //             foreign-key, primary-key and enum kinds), detail
        try (TestDatabase db = TestDatabases.create(DbKind.SQLITE, "endpoint_json")) {
            ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(DbKind.SQLITE));
            ActuatorFixture.runner(db.jdbcUrl(), dir.resolve("schema.prisma")).withPropertyValues(
                    "prisma.migrate.mode=dev", "prisma.migrate.dev-output-dir=" + dir.resolve("migrations"))
                    .run(context -> assertThat(context).hasNotFailed());
            db.execute("CREATE INDEX \"Post_authorId_idx\" ON \"Post\" (\"authorId\")");
            ActuatorFixture.writeSchema(dir, ActuatorFixture.schema(DbKind.SQLITE, "  age Int?\n"));
            ActuatorFixture.runner(db.jdbcUrl(), dir.resolve("schema.prisma")).withPropertyValues(
                    "prisma.migrate.mode=none", "prisma.migrate.location=file:" + dir.resolve("migrations"))
                    .run(context -> {
                        Object body = context.getBean(PrismaEndpoint.class).prisma();
                        String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                                .writeValueAsString(body);
                        assertThat(normalized(json, dir)).isEqualTo(EXPECTED);
                    });
        }
    }

    static String normalized(String json, Path dir) {
        return json.replace(dir.toAbsolutePath().toString(), "<dir>")
                .replaceAll("sha256:[0-9a-f]{64}", "sha256:<64 hex digits>")
                .replaceAll("\"\\d{14}_dev\"", "\"<yyyyMMddHHmmss>_dev\"")
                .replaceAll("\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"", "\"<yyyy-MM-ddTHH:mm:ss.SSSZ>\"")
                .replaceAll("\"9:[0-9a-f]{32}\"", "\"9:<32 hex digits>\"");
    }
}
