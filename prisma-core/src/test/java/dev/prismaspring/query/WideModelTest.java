package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A related model with 60 columns: the join strategy's JSON object exceeds PostgreSQL's 100 arguments. */
@ExtendWith(TestDatabaseExtension.class)
class WideModelTest {

    @Test
    void wideRelatedRecordsLoadWithTheJoinStrategy(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        StringBuilder schema = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n}\n\n"
                + "model Owner {\n  id Int @id\n  wides Wide[]\n}\n\nmodel Wide {\n  id Int @id\n  ownerId Int\n"
                + "  owner Owner @relation(fields: [ownerId], references: [id])\n");
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            schema.append("  c").append(i).append(" Int\n");
            cols.append(", \"c").append(i).append('"');
            vals.append(", ").append(i);
        }
        schema.append("}\n");
        Datamodel dm = SchemaValidator.validate(schema.toString()).datamodel();
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        db.execute("INSERT INTO \"Owner\" VALUES (1); INSERT INTO \"Wide\" (id, \"ownerId\"" + cols + ") VALUES (1, 1"
                + vals + ")");
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db.jdbcUrl(), true);
        try {
            PrismaClient prisma = PrismaClient.create(dm, ds);
            Map<String, Object> viaJoin = prisma.model("Owner").findUnique(
                    "{\"where\":{\"id\":1},\"include\":{\"wides\":true},\"relationLoadStrategy\":\"join\"}");
            Map<String, Object> viaQuery = prisma.model("Owner").findUnique(
                    "{\"where\":{\"id\":1},\"include\":{\"wides\":true}}");
            assertThat(PrismaJson.render(viaJoin)).isEqualTo(PrismaJson.render(viaQuery)).contains("\"c60\":60}]}");
        } finally {
            ds.destroy();
        }
    }
}
