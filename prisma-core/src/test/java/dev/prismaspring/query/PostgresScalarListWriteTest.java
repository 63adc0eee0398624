package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Scalar list writes (PostgreSQL only): set on create and update, push of one value and of several. */
@ExtendWith(TestDatabaseExtension.class)
class PostgresScalarListWriteTest {

    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
            }

            enum Color {
              RED
              GREEN
            }

            model Item {
              id     Int     @id
              tags   String[]
              scores Int[]
              colors Color[]
            }
            """;

    @Test
    void setAndPush(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        Datamodel dm = SchemaValidator.validate(SCHEMA).datamodel();
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db.jdbcUrl(), true);
        try {
            PrismaClient prisma = PrismaClient.create(dm, ds);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            Map<String, Object> r = prisma.model("Item").create("""
                    {"data": {"id": 1, "tags": ["a"], "scores": {"set": [1, 2]}, "colors": ["RED"]}}""");
            assertThat(r).containsEntry("tags", List.of("a")).containsEntry("scores", List.of(1, 2))
                    .containsEntry("colors", List.of("RED"));
            prisma.model("Item").update("""
                    {"where": {"id": 1}, "data": {"tags": {"push": "b"}, "scores": {"push": [3, 4]},
                                                  "colors": {"set": ["GREEN", "RED"]}}}""");
            assertThat(jdbc.queryForObject("SELECT array_to_string(tags, ',') || '|' || array_to_string(scores, ',') "
                    + "|| '|' || array_to_string(colors, ',') FROM \"Item\"", String.class)).isEqualTo("a,b|1,2,3,4|GREEN,RED");
            prisma.model("Item").create("{\"data\": {\"id\": 2}}");
            prisma.model("Item").update("{\"where\": {\"id\": 2}, \"data\": {\"tags\": {\"push\": \"x\"}}}");
            assertThat(jdbc.queryForObject("SELECT array_to_string(tags, ',') FROM \"Item\" WHERE id = 2",
                    String.class)).isEqualTo("x");
            assertThatThrownBy(() -> prisma.model("Item").update("""
                    {"where": {"id": 1}, "data": {"tags": {"append": "c"}}}""")).isInstanceOf(
                    PrismaValidationException.class).hasMessageContaining("Unknown argument 'append' in data.tags").hasMessageContaining("set, push");
        } finally {
            ds.destroy();
        }
    }
}
