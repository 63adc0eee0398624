package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.FreshDatabase;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Schemas with the awkward parts: {@code @map}/{@code @@map} names, a compound primary key referenced by a
 * compound foreign key, a 1-n self-relation and a many-to-many self-relation; reads with both strategies on every
 * database.
 */
@ExtendWith(TestDatabaseExtension.class)
class EdgeSchemaReadTest {

    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
            }

            model Person {
              id        Int      @id @map("person_id")
              fullName  String   @map("full_name")
              managerId Int?     @map("manager_id")
              manager   Person?  @relation("Reports", fields: [managerId], references: [id])
              reports   Person[] @relation("Reports")
              following Person[] @relation("Follows")
              followers Person[] @relation("Follows")
              shelves   Shelf[]

              @@map("people")
            }

            model Shelf {
              ownerId Int    @map("owner_id")
              slot    Int
              label   String
              owner   Person @relation(fields: [ownerId], references: [id])
              books   Book[]

              @@id([ownerId, slot])
              @@map("shelves")
            }

            model Book {
              id         Int    @id
              title      String
              shelfOwner Int
              shelfSlot  Int
              shelf      Shelf  @relation(fields: [shelfOwner, shelfSlot], references: [ownerId, slot])
            }
            """;

    @Test
    void postgres(@FreshDatabase(DbKind.POSTGRES) TestDatabase db) throws Exception {
        run(db, "postgresql");
    }

    @Test
    void mysql(@FreshDatabase(DbKind.MYSQL) TestDatabase db) throws Exception {
        run(db, "mysql");
    }

    @Test
    void sqlite(@FreshDatabase(DbKind.SQLITE) TestDatabase db) throws Exception {
        run(db, "sqlite");
    }

    private void run(TestDatabase db, String provider) throws Exception {
        ValidatedSchema v = SchemaValidator.validate(SCHEMA.replace("\"postgresql\"", "\"" + provider + "\""));
        assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
        Datamodel dm = v.datamodel();
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        var d = db.dialect();
        db.execute("INSERT INTO " + d.quote("people") + " VALUES (1, 'Boss', NULL);"
                + "INSERT INTO " + d.quote("people") + " VALUES (2, 'Ann', 1);"
                + "INSERT INTO " + d.quote("people") + " VALUES (3, 'Ben', 1);"
                + "INSERT INTO " + d.quote("shelves") + " VALUES (2, 1, 'top');"
                + "INSERT INTO " + d.quote("shelves") + " VALUES (2, 2, 'bottom');"
                + "INSERT INTO " + d.quote("Book") + " VALUES (10, 'Dune', 2, 1);"
                + "INSERT INTO " + d.quote("Book") + " VALUES (11, 'Emma', 2, 2);"
                + "INSERT INTO " + d.quote("Book") + " VALUES (12, 'Faust', 2, 2);"
                // Ann follows Boss and Ben (the field sorting first, "followers", is column A)
                + "INSERT INTO " + d.quote("_Follows") + " VALUES (1, 2);"
                + "INSERT INTO " + d.quote("_Follows") + " VALUES (3, 2);");
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db.jdbcUrl(), true);
        try {
            PrismaClient prisma = PrismaClient.create(dm, ds);
            String people = "{\"orderBy\":{\"id\":\"asc\"},\"select\":{\"fullName\":true,\"manager\":{\"select\":"
                    + "{\"fullName\":true}},\"reports\":{\"select\":{\"id\":true}},\"following\":{\"select\":{\"id\":true}},"
                    + "\"followers\":{\"select\":{\"id\":true}},\"_count\":{\"select\":{\"reports\":true}}}}";
            assertThat(both(prisma, "Person", people)).isEqualTo("[{\"fullName\":\"Boss\",\"manager\":null,"
                    + "\"reports\":[{\"id\":2},{\"id\":3}],\"following\":[],\"followers\":[{\"id\":2}],"
                    + "\"_count\":{\"reports\":2}},{\"fullName\":\"Ann\",\"manager\":{\"fullName\":\"Boss\"},"
                    + "\"reports\":[],\"following\":[{\"id\":1},{\"id\":3}],\"followers\":[],\"_count\":{\"reports\":0}},"
                    + "{\"fullName\":\"Ben\",\"manager\":{\"fullName\":\"Boss\"},\"reports\":[],\"following\":[],"
                    + "\"followers\":[{\"id\":2}],\"_count\":{\"reports\":0}}]");
            String shelves = "{\"where\":{\"ownerId_slot\":{\"ownerId\":2,\"slot\":2}},\"include\":{\"books\":"
                    + "{\"orderBy\":{\"title\":\"desc\"}},\"owner\":{\"select\":{\"fullName\":true}}}}";
            assertThat(bothUnique(prisma, "Shelf", shelves)).isEqualTo("{\"ownerId\":2,\"slot\":2,\"label\":\"bottom\","
                    + "\"owner\":{\"fullName\":\"Ann\"},\"books\":[{\"id\":12,\"title\":\"Faust\",\"shelfOwner\":2,"
                    + "\"shelfSlot\":2},{\"id\":11,\"title\":\"Emma\",\"shelfOwner\":2,\"shelfSlot\":2}]}");
            String books = "{\"where\":{\"shelf\":{\"label\":\"bottom\",\"owner\":{\"fullName\":\"Ann\"}}},"
                    + "\"orderBy\":{\"shelf\":{\"owner\":{\"fullName\":\"asc\"}}},\"select\":{\"title\":true,"
                    + "\"shelf\":{\"select\":{\"label\":true}}}}";
            assertThat(both(prisma, "Book", books)).isEqualTo("[{\"title\":\"Emma\",\"shelf\":{\"label\":\"bottom\"}},"
                    + "{\"title\":\"Faust\",\"shelf\":{\"label\":\"bottom\"}}]");
            assertThat(both(prisma, "Person", "{\"where\":{\"shelves\":{\"some\":{\"books\":{\"some\":{\"title\":"
                    + "\"Dune\"}}}}},\"select\":{\"id\":true}}")).isEqualTo("[{\"id\":2}]");
            assertThat(both(prisma, "Person", "{\"where\":{\"followers\":{\"some\":{\"fullName\":\"Ann\"}}},"
                    + "\"select\":{\"id\":true}}")).isEqualTo("[{\"id\":1},{\"id\":3}]");
            assertThat(both(prisma, "Person", "{\"cursor\":{\"id\":2},\"take\":-2,\"orderBy\":{\"fullName\":\"desc\"},"
                    + "\"select\":{\"id\":true}}")).isEqualTo("[{\"id\":3},{\"id\":2}]");
        } finally {
            ds.destroy();
        }
    }

    private static String both(PrismaClient prisma, String model, String args) {
        String q = PrismaJson.render(prisma.model(model).findMany(ReadSuite.withStrategy(args, "query")));
        String j = PrismaJson.render(prisma.model(model).findMany(ReadSuite.withStrategy(args, "join")));
        assertThat(j).isEqualTo(q);
        return q;
    }

    private static String bothUnique(PrismaClient prisma, String model, String args) {
        String q = PrismaJson.render(prisma.model(model).findUnique(ReadSuite.withStrategy(args, "query")));
        String j = PrismaJson.render(prisma.model(model).findUnique(ReadSuite.withStrategy(args, "join")));
        assertThat(j).isEqualTo(q);
        return q;
    }
}
