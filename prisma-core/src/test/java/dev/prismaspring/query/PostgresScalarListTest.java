package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Scalar lists (PostgreSQL only): has, hasEvery, hasSome, isEmpty, equals; list results; both strategies. */
@ExtendWith(TestDatabaseExtension.class)
class PostgresScalarListTest {

    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
            }

            enum Color {
              RED
              GREEN
            }

            model Item {
              id     Int        @id
              tags   String[]
              scores Int[]
              colors Color[]
              seen   DateTime[]
              owner  Owner?     @relation(fields: [ownerId], references: [id])
              ownerId Int?
            }

            model Owner {
              id    Int    @id
              items Item[]
            }
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void scalarListFilters(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        Datamodel dm = SchemaValidator.validate(SCHEMA).datamodel();
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        db.execute("""
                INSERT INTO "Owner" (id) VALUES (1);
                INSERT INTO "Item" (id, tags, scores, colors, seen, "ownerId") VALUES
                  (1, ARRAY['a','b'], ARRAY[1,2,3], ARRAY['RED']::"Color"[], ARRAY['2026-01-01 10:00:00.5'::timestamp(3)], 1),
                  (2, ARRAY['b'], ARRAY[]::int[], ARRAY['RED','GREEN']::"Color"[], ARRAY[]::timestamp(3)[], 1),
                  (3, ARRAY[]::text[], ARRAY[5], ARRAY[]::"Color"[], ARRAY[]::timestamp(3)[], NULL);
                """);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db.jdbcUrl(), true);
        try {
            PrismaClient prisma = PrismaClient.create(dm, ds);
            assertThat(ids(prisma, "{\"tags\":{\"has\":\"b\"}}")).containsExactly(1, 2);
            assertThat(ids(prisma, "{\"tags\":{\"hasEvery\":[\"a\",\"b\"]}}")).containsExactly(1);
            assertThat(ids(prisma, "{\"tags\":{\"hasSome\":[\"a\",\"z\"]}}")).containsExactly(1);
            assertThat(ids(prisma, "{\"tags\":{\"isEmpty\":true}}")).containsExactly(3);
            assertThat(ids(prisma, "{\"scores\":{\"isEmpty\":false}}")).containsExactly(1, 3);
            assertThat(ids(prisma, "{\"scores\":{\"equals\":[1,2,3]}}")).containsExactly(1);
            assertThat(ids(prisma, "{\"scores\":{\"has\":5}}")).containsExactly(3);
            assertThat(ids(prisma, "{\"colors\":{\"has\":\"GREEN\"}}")).containsExactly(2);
            assertThat(ids(prisma, "{\"colors\":{\"hasEvery\":[\"RED\",\"GREEN\"]}}")).containsExactly(2);
            for (String strategy : List.of("query", "join")) {
                Map<String, Object> owner = prisma.model("Owner").findUnique("{\"where\":{\"id\":1},"
                        + "\"relationLoadStrategy\":\"" + strategy + "\",\"include\":{\"items\":{\"take\":1}}}");
                assertThat(PrismaJson.render(owner)).isEqualTo("{\"id\":1,\"items\":[{\"id\":1,\"tags\":[\"a\",\"b\"],"
                        + "\"scores\":[1,2,3],\"colors\":[\"RED\"],\"seen\":[\"2026-01-01T10:00:00.500Z\"],"
                        + "\"ownerId\":1}]}");
                @SuppressWarnings("unchecked")
                List<Object> seen = (List<Object>) ((List<Map<String, Object>>) owner.get("items")).get(0).get("seen");
                assertThat(seen).containsExactly(Instant.parse("2026-01-01T10:00:00.500Z"));
            }
            // statements join a Spring-managed transaction: a rolled-back insert is invisible afterwards,
            // visible inside (same connection through DataSourceUtils)
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            tx.executeWithoutResult(status -> {
                new org.springframework.jdbc.core.JdbcTemplate(ds).update("INSERT INTO \"Owner\" (id) VALUES (2)");
                assertThat(prisma.model("Owner").count(null)).isEqualTo(2);
                status.setRollbackOnly();
            });
            assertThat(prisma.model("Owner").count(null)).isEqualTo(1);
            assertThatThrownBy(() -> ids(prisma, "{\"tags\":{\"hasEvry\":[\"a\"]}}"))
                    .isInstanceOf(PrismaValidationException.class).hasMessageContaining("Did you mean 'hasEvery'?");
        } finally {
            ds.destroy();
        }
    }

    private static List<Object> ids(PrismaClient prisma, String where) {
        return prisma.model("Item").findMany("{\"where\":" + where + ",\"select\":{\"id\":true}}").stream()
                .map(m -> m.get("id")).toList();
    }
}
