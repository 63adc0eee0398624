package dev.prismaspring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every migration fixture of the corpus ({@code migrations/**}, Prisma 6.19, corpus §4): the DDL we calculate for
 * its schema, applied to a fresh database, gives the same catalog as the fixture's expected SQL applied to another
 * fresh database (MySQL fixtures on MariaDB). The text must also equal what Prisma 7.10 prints, which differs from
 * the 6.19 text in the two ways the corpus lists: without {@code schemas} a leading
 * {@code CREATE SCHEMA IF NOT EXISTS "public"}; with {@code schemas} tables of {@code public} unqualified.
 */
class MigrationFixturesDdlTest {

    private static final String MARKER = "// Expected Migration:";
    private static final Set<String> IDENTICAL_619 = new ConcurrentSkipListSet<>();
    private static final Set<String> COMPARED = new ConcurrentSkipListSet<>();

    static List<String> fixtures() {
        Optional<Path> corpus = TestSchemas.corpus();
        if (corpus.isEmpty()) {
            return List.of("<corpus missing>");
        }
        Path root = corpus.get().resolve("migrations");
        return TestSchemas.prismaFiles(root).stream().map(p -> root.relativize(p).toString().replace('\\', '/'))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void sameCatalogAsPrisma(String fixture) throws Exception {
        DdlCorpus.expectedDir(); // aborts without the corpus
        Path file = TestSchemas.corpus().orElseThrow().resolve("migrations").resolve(fixture);
        String text = TestSchemas.read(file);
        String schemaText = text.substring(0, text.indexOf(MARKER));
        String expected619 = MigrationFixtures.expectedSql(fixture);
        ValidatedSchema schema = DdlCorpus.validate(schemaText, fixture);
        Datamodel datamodel = schema.datamodel();
        String ours = SqlSchemaCalculator.renderCreate(datamodel);
        assertThat(SqlSchemaCalculator.renderCreate(datamodel)).as("deterministic").isEqualTo(ours);

        COMPARED.add(fixture);
        if (ours.equals(expected619)) {
            IDENTICAL_619.add(fixture);
        }
        assertThat(ours).as("Prisma 7.10 text of " + fixture).isEqualTo(prisma710(datamodel, expected619));

        DbKind kind = switch (datamodel.provider()) {
            case POSTGRESQL -> DbKind.POSTGRES;
            case MYSQL -> DbKind.MYSQL;
            case SQLITE -> DbKind.SQLITE;
        };
        String owner = fixture.replaceAll(".*/", "").replace(".prisma", "");
        try (TestDatabase prismaDb = TestDatabases.create(kind, owner);
             TestDatabase ourDb = TestDatabases.create(kind, owner)) {
            prismaDb.execute(expected619);
            ourDb.execute(ours);
            String expectedCatalog = prismaDb.catalog();
            String actualCatalog = ourDb.catalog();
            assertThat(actualCatalog).as("catalog of " + fixture + "\nmissing: "
                    + DdlCorpus.missing(expectedCatalog, actualCatalog) + "\nextra: "
                    + DdlCorpus.missing(actualCatalog, expectedCatalog)).isEqualTo(expectedCatalog);
        }
    }

    /** The 6.19 expectation turned into 7.10's text (corpus §4). */
    static String prisma710(Datamodel datamodel, String expected619) {
        if (datamodel.provider() != Provider.POSTGRESQL) {
            return expected619;
        }
        if (datamodel.datasource().schemas().isEmpty()) {
            return "-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS \"public\";\n\n" + expected619;
        }
        return expected619.replace("\"public\".", "");
    }

    @AfterAll
    static void report() {
        if (!COMPARED.isEmpty()) {
            System.out.println("[ddl] migration fixtures: " + COMPARED.size() + " equal to Prisma 7.10's text and "
                    + "catalog; byte-identical to the 6.19 text as written: " + IDENTICAL_619.size() + " "
                    + IDENTICAL_619);
        }
    }
}
