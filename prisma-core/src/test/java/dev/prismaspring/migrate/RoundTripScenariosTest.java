package dev.prismaspring.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.testdb.Catalog;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Harder edits than the series, each applied forward and rolled back on every database that supports it: the
 * catalog must equal a fresh database's both ways (column order ignored, see {@link MigrationSeriesTest}).
 */
class RoundTripScenariosTest {

    private static final Set<DbKind> ALL = EnumSet.allOf(DbKind.class);
    private static final Set<DbKind> NATIVE = EnumSet.of(DbKind.POSTGRES, DbKind.MYSQL);
    private static final Set<DbKind> PG = EnumSet.of(DbKind.POSTGRES);

    private record Scenario(String name, Set<DbKind> kinds, String from, String to) {
    }

    private static final String USER_POST = """
            model User {
              id    Int    @id @default(autoincrement())
              posts Post[]
            }

            model Post {
              id       Int  @id @default(autoincrement())
              authorId Int
              author   User @relation(fields: [authorId], references: [id])
            }
            """;

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("referenced id changes type (Int to String), foreign key follows", ALL, USER_POST, """
                    model User {
                      id    String @id
                      posts Post[]
                    }

                    model Post {
                      id       Int    @id @default(autoincrement())
                      authorId String
                      author   User   @relation(fields: [authorId], references: [id])
                    }
                    """),
            new Scenario("index added on a foreign key column", ALL, USER_POST,
                    USER_POST.replace("references: [id])\n", "references: [id])\n\n  @@index([authorId])\n")),
            new Scenario("index dropped from a foreign key column", ALL,
                    USER_POST.replace("references: [id])\n", "references: [id])\n\n  @@index([authorId])\n"),
                    USER_POST),
            new Scenario("index renamed through map", ALL, """
                    model Post {
                      id    Int    @id
                      title String

                      @@index([title])
                    }
                    """, """
                    model Post {
                      id    Int    @id
                      title String

                      @@index([title], map: "post_title")
                    }
                    """),
            new Scenario("index and foreign key renamed through map", NATIVE, USER_POST.replace(
                    "  author   User @relation(fields: [authorId], references: [id])\n",
                    "  title    String\n  author   User @relation(fields: [authorId], references: [id])\n\n"
                            + "  @@index([title])\n"), USER_POST.replace(
                    "  author   User @relation(fields: [authorId], references: [id])\n",
                    "  title    String\n  author   User @relation(fields: [authorId], references: [id], "
                            + "map: \"post_author\")\n\n  @@index([title], map: \"post_title\")\n")),
            new Scenario("autoincrement removed", ALL, USER_POST,
                    USER_POST.replace("id    Int    @id @default(autoincrement())", "id    Int    @id")),
            new Scenario("one-to-one relation added (unique foreign key)", ALL, USER_POST, USER_POST
                    .replace("  posts Post[]\n", "  posts   Post[]\n  profile Profile?\n")
                    + "\nmodel Profile {\n  id     Int  @id\n  userId Int  @unique\n"
                    + "  user   User @relation(fields: [userId], references: [id])\n}\n"),
            new Scenario("self relation added", ALL, """
                    model Node {
                      id Int @id
                    }
                    """, """
                    model Node {
                      id       Int    @id
                      parentId Int?
                      parent   Node?  @relation("tree", fields: [parentId], references: [id])
                      children Node[] @relation("tree")
                    }
                    """),
            new Scenario("native string length widened and decimal precision changed", NATIVE, """
                    model Item {
                      id    Int     @id
                      code  String  @db.VarChar(10)
                      price Decimal @db.Decimal(10, 2)
                    }
                    """, """
                    model Item {
                      id    Int     @id
                      code  String  @db.VarChar(20)
                      price Decimal @db.Decimal(12, 4)
                    }
                    """),
            new Scenario("now() default added, unique made composite", ALL, """
                    model Event {
                      id   Int      @id
                      at   DateTime
                      name String   @unique
                      kind String
                    }
                    """, """
                    model Event {
                      id   Int      @id
                      at   DateTime @default(now())
                      name String
                      kind String

                      @@unique([name, kind])
                    }
                    """),
            new Scenario("enum used by a dropped column loses a value, another enum dropped", PG, """
                    model A {
                      id    Int   @id
                      color Color @default(RED)
                      size  Size
                      old   Color?
                    }

                    enum Color {
                      RED
                      GREEN
                      BLUE
                    }

                    enum Size {
                      S
                      M
                    }
                    """, """
                    model A {
                      id    Int   @id
                      color Color @default(BLUE)
                    }

                    enum Color {
                      RED
                      BLUE
                    }
                    """),
            new Scenario("scalar lists and list defaults", PG, """
                    model A {
                      id   Int      @id
                      tags String[]
                    }
                    """, """
                    model A {
                      id     Int      @id
                      tags   String[] @default(["a", "b"])
                      scores Int[]
                    }
                    """),
            new Scenario("models moved between schemas (namespaces)", PG, """
                    datasource db {
                      provider = "postgresql"
                      schemas  = ["public", "audit"]
                    }

                    model A {
                      id Int @id
                      @@schema("public")
                    }
                    """, """
                    datasource db {
                      provider = "postgresql"
                      schemas  = ["public", "audit"]
                    }

                    model A {
                      id Int @id
                      @@schema("public")
                    }

                    model Log {
                      id  Int    @id
                      msg String
                      @@schema("audit")
                    }
                    """),
            new Scenario("primary key moved to another column, referenced by a foreign key", ALL, """
                    model Team {
                      id      Int      @id
                      code    String   @unique
                      members Member[]
                    }

                    model Member {
                      id     Int  @id
                      teamId Int
                      team   Team @relation(fields: [teamId], references: [id])
                    }
                    """, """
                    model Team {
                      id      Int      @unique
                      code    String   @id
                      members Member[]
                    }

                    model Member {
                      id       Int    @id
                      teamCode String
                      team     Team   @relation(fields: [teamCode], references: [code])
                    }
                    """));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : SCENARIOS) {
            for (DbKind kind : s.kinds()) {
                out.add(Arguments.of(kind, s.name(), s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void forwardAndBack(DbKind kind, String name, Scenario s) throws SQLException {
        Assumptions.assumeTrue(TestDatabases.availability(kind).available(), "database not available");
        SqlSchema from = schema(kind, s.from());
        SqlSchema to = schema(kind, s.to());
        MigrationScript script = SchemaDiffer.script(from, to, kind.dialect());
        String freshTo;
        try (TestDatabase db = TestDatabases.create(kind, "scenario_to")) {
            db.executeAll(kind.dialect().createSteps(to).statements());
            freshTo = Catalog.dump(db, false);
        }
        try (TestDatabase db = TestDatabases.create(kind, "scenario")) {
            db.executeAll(kind.dialect().createSteps(from).statements());
            String freshFrom = Catalog.dump(db, false);
            run(db, script.statements(), script.sql());
            assertEquals(freshTo, Catalog.dump(db, false), name + " forward:\n" + script.sql());
            run(db, script.rollbackStatements(), script.rollbackSql());
            assertEquals(freshFrom, Catalog.dump(db, false), name + " rollback:\n" + script.rollbackSql());
        }
    }

    private static void run(TestDatabase db, List<String> statements, String sql) {
        try {
            db.executeAll(statements);
        } catch (SQLException e) {
            throw new AssertionError(e.getMessage() + "\n--- script:\n" + sql, e);
        }
    }

    private static SqlSchema schema(DbKind kind, String text) {
        if (text.startsWith("datasource")) {
            return MigrateSchemas.sql(text, kind);
        }
        return MigrateSchemas.models(MigrateSchemas.provider(kind), text);
    }
}
