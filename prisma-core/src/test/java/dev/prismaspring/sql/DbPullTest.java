package dev.prismaspring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.pull.PslRenderer;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code db pull} end to end: a database created from a schema (our DDL), introspected and rendered as PSL, gives
 * a schema that validates without errors and that, created on an empty database, recreates the same structure:
 * the catalog dump of both databases is equal (column order included).
 */
class DbPullTest {

    private static final Map<String, String> PRELUDE = Map.of(
            "documenso__documenso", "CREATE EXTENSION pg_trgm",
            "lukevella__rallly", "CREATE EXTENSION citext");

    static final Set<String> PASSED = new ConcurrentSkipListSet<>();

    static List<String> postgresSchemas() {
        return RealWorldDdlTest.postgresSchemas();
    }

    static List<String> sqliteSchemas() {
        return RealWorldDdlTest.sqliteSchemas();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresSchemas")
    void postgresRealWorld(String name) throws Exception {
        IntrospectionRoundTripTest.skipStackAuth(name);
        pull(name, IntrospectionRoundTripTest.realWorld(name), DbKind.POSTGRES, PRELUDE.get(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sqliteSchemas")
    void sqliteRealWorld(String name) throws Exception {
        pull(name, IntrospectionRoundTripTest.realWorld(name), DbKind.SQLITE, null);
    }

    @ParameterizedTest(name = "blog on {0}")
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void blog(String provider) throws Exception {
        DbKind kind = switch (provider) {
            case "postgresql" -> DbKind.POSTGRES;
            case "mysql" -> DbKind.MYSQL;
            default -> DbKind.SQLITE;
        };
        Datamodel blog = IntrospectionRoundTripTest.blogModel(provider);
        String pulled = pull("blog/" + provider, blog, kind, null, blog);
        assertThat(pulled.replaceAll("[ ]+", " ")).contains("model User {", "model Post {", "@@map(\"posts\")", "enum Role",
                "@relation(fields: [authorId], references: [id]", "@updatedAt");
    }

    /**
     * A first pull of the blog (no previous schema): valid, with Prisma's names from the tables. The model of
     * table {@code posts} is {@code posts}, which sorts after {@code Tag}, so recreating the many-to-many table
     * would swap its columns {@code A} and {@code B}, as it would with Prisma; the structure check therefore runs
     * on the re-introspection above, with the blog schema as the previous one.
     */
    @ParameterizedTest(name = "first pull of the blog on {0}")
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void blogFirstPull(String provider) throws Exception {
        DbKind kind = switch (provider) {
            case "postgresql" -> DbKind.POSTGRES;
            case "mysql" -> DbKind.MYSQL;
            default -> DbKind.SQLITE;
        };
        Datamodel dm = IntrospectionRoundTripTest.blogModel(provider);
        try (TestDatabase db = TestDatabases.create(kind, "blog_first_pull")) {
            db.execute(SqlSchemaCalculator.renderCreate(dm));
            String pulled;
            try (Connection c = db.connect()) {
                pulled = PslRenderer.render(Introspector.forProvider(dm.provider()).introspect(c), dm.provider());
            }
            assertThat(SchemaValidator.validate(pulled).diagnostics().errors()).as(pulled).isEmpty();
            assertThat(pulled.replaceAll("[ ]+", " ")).contains("model posts {", "Tag Tag[] @relation(\"PostToTag\")",
                    "posts posts[] @relation(\"PostToTag\")", "User User @relation(fields: [authorId], references: [id])",
                    "Profile Profile?");
        }
    }

    @org.junit.jupiter.api.Test
    void nativeTypesPostgres() throws Exception {
        String pulled = pull("native-types-postgres", IntrospectionRoundTripTest.fixture(
                "native-types-postgres.prisma"), DbKind.POSTGRES, null);
        System.out.println("[db pull] native-types-postgres:\n" + pulled);
    }

    @org.junit.jupiter.api.Test
    void nativeTypesMysql() throws Exception {
        String pulled = pull("native-types-mysql", IntrospectionRoundTripTest.fixture("native-types-mysql.prisma"),
                DbKind.MYSQL, null);
        System.out.println("[db pull] native-types-mysql:\n" + pulled);
    }

    /** dub on MariaDB ({@code relationMode = "prisma"}: no foreign keys, hence no relations in the pulled schema). */
    @org.junit.jupiter.api.Test
    void dubOnMariaDb() throws Exception {
        pull("dubinc__dub/mysql", IntrospectionRoundTripTest.realWorld("dubinc__dub"), DbKind.MYSQL, null);
    }

    static String pull(String what, Datamodel dm, DbKind kind, String prelude) throws Exception {
        return pull(what, dm, kind, prelude, null);
    }

    static String pull(String what, Datamodel dm, DbKind kind, String prelude, Datamodel previous)
            throws Exception {
        Provider provider = dm.provider();
        try (TestDatabase original = TestDatabases.create(kind, what);
                TestDatabase recreated = TestDatabases.create(kind, what + "_pulled")) {
            if (prelude != null) {
                original.execute(prelude);
                recreated.execute(prelude);
            }
            original.execute(SqlSchemaCalculator.renderCreate(dm));
            String pulled;
            try (Connection c = original.connect()) {
                pulled = PslRenderer.render(Introspector.forProvider(provider).introspect(c), provider, previous,
                        null);
            }
            ValidatedSchema schema = SchemaValidator.validate(pulled);
            assertThat(schema.diagnostics().errors()).as("errors of the pulled schema of " + what + ":\n"
                    + pulled).isEmpty();
            recreated.execute(SqlSchemaCalculator.renderCreate(schema.datamodel()));
            String expected = original.catalog();
            String actual = recreated.catalog();
            assertThat(actual).as("catalog of the database created from the pulled schema of " + what
                    + "\nmissing: " + DdlCorpus.missing(expected, actual)
                    + "\nextra: " + DdlCorpus.missing(actual, expected)).isEqualTo(expected);
            PASSED.add(kind + " " + what);
            java.nio.file.Path out = java.nio.file.Path.of("target/db-pull", kind + "-" + what.replace('/', '_')
                    + ".prisma");
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, pulled);
            return pulled;
        }
    }

    @AfterAll
    static void report() {
        System.out.println("[db pull] pulled schemas that recreate the same database: " + PASSED.size() + " "
                + PASSED);
    }
}
