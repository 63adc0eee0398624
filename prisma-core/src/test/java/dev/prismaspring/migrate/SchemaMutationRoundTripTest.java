package dev.prismaspring.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.SchemaMutator;
import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.CanonicalForm;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Schema mutation suite for the calculator and the differ: valid schemas (the repository's fixtures and the corpus'
 * real-world schemas) get random structural edits ({@link SchemaMutator}). Every mutant validates without an
 * exception; a valid one gets an SQL schema for every provider it is valid for, and the differ's migration from the
 * original to the mutant, and the one back, apply on a fresh database on which the original was created: after
 * each, the introspected database equals the target's calculated schema ({@link CanonicalForm}). SQLite runs every
 * mutant, PostgreSQL a sample, both bounded in time. Sizes: {@code -Dprisma.fuzz.seed},
 * {@code -Dprisma.fuzz.schemaMutants}, {@code -Dprisma.fuzz.sqliteSeconds}, {@code -Dprisma.fuzz.postgresMutants},
 * {@code -Dprisma.fuzz.postgresSeconds}, {@code -Dprisma.fuzz.schemaOriginals} (docs/reliability.md).
 */
class SchemaMutationRoundTripTest {

    private static final long SEED = Long.getLong("prisma.fuzz.seed", 20261122L);
    private static final int SQLITE_MUTANTS = Integer.getInteger("prisma.fuzz.schemaMutants", 50);
    private static final int POSTGRES_MUTANTS = Integer.getInteger("prisma.fuzz.postgresMutants", 6);
    private static final long SQLITE_SECONDS = Long.getLong("prisma.fuzz.sqliteSeconds", 12);
    private static final int MAX_ORIGINALS = Integer.getInteger("prisma.fuzz.schemaOriginals", 6);
    private static final long POSTGRES_SECONDS = Long.getLong("prisma.fuzz.postgresSeconds", 10);

    /** A schema with every relation kind, an enum, compound keys, defaults and indexes. */
    static final String SHOP = """
            datasource db {
              provider = "postgresql"
            }

            model Customer {
              id        Int      @id @default(autoincrement())
              email     String   @unique
              name      String?
              tier      Tier     @default(BASIC)
              createdAt DateTime @default(now())
              orders    Order[]
              account   Account?
            }

            model Account {
              id         Int      @id @default(autoincrement())
              balance    Decimal  @default(0)
              customerId Int      @unique
              customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade)
            }

            model Order {
              id         Int         @id @default(autoincrement())
              number     String
              total      Float       @default(0)
              paid       Boolean     @default(false)
              customerId Int
              customer   Customer    @relation(fields: [customerId], references: [id])
              lines      OrderLine[]

              @@unique([customerId, number])
              @@index([paid])
            }

            model OrderLine {
              orderId   Int
              position  Int
              productId Int
              quantity  Int     @default(1)
              order     Order   @relation(fields: [orderId], references: [id])
              product   Product @relation(fields: [productId], references: [id])

              @@id([orderId, position])
            }

            model Product {
              id    Int         @id @default(autoincrement())
              sku   String      @unique
              title String
              lines OrderLine[]
              tags  Label[]
            }

            model Label {
              id       Int       @id @default(autoincrement())
              name     String    @unique
              products Product[]
            }

            enum Tier {
              BASIC
              GOLD
            }
            """;

    @Test
    void mutantsMigrateBothWaysOnSqlite() throws Exception {
        run(DbKind.SQLITE, SQLITE_MUTANTS, SQLITE_SECONDS * 1000);
    }

    @Test
    void sampleOfMutantsMigrateBothWaysOnPostgres() throws Exception {
        run(DbKind.POSTGRES, POSTGRES_MUTANTS, POSTGRES_SECONDS * 1000);
    }

    private void run(DbKind kind, int mutants, long budgetMs) throws Exception {
        TestDatabases.Availability a = TestDatabases.availability(kind);
        if (!a.available()) {
            System.out.println("[fuzz] skipping schema mutants on " + kind + ": " + a.reason());
            Assumptions.abort(kind + " not available: " + a.reason());
        }
        String provider = MigrateSchemas.provider(kind);
        Map<String, String> originals = originals(kind, provider);
        List<String> names = new ArrayList<>(originals.keySet());
        Random random = new Random(SEED ^ kind.ordinal());
        SchemaMutator mutator = new SchemaMutator(random);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.currentTimeMillis();
        int done = 0;
        for (int i = 0; i < mutants && System.currentTimeMillis() - started < budgetMs; i++) {
            String name = names.get(i % names.size());
            String original = originals.get(name);
            SchemaMutator.Mutant mutant = mutator.mutate(original, 2);
            done++;
            String problem;
            try {
                problem = check(kind, original, mutant, outcomes);
            } catch (Throwable t) {
                problem = "exception: " + t;
            }
            if (problem != null) {
                outcomes.merge("FAILED", 1, Integer::sum);
                failures.add("[fuzz] FAIL " + kind + " seed " + SEED + " mutant " + i + " of " + name + " "
                        + mutant.edits() + ": " + problem);
            }
        }
        System.out.println("[fuzz] schema mutants on " + kind + " (seed " + SEED + ", originals " + names
                + "): " + done + " in " + (System.currentTimeMillis() - started) + " ms: " + outcomes);
        failures.stream().limit(15).forEach(System.out::println);
        assertThat(failures).as("mutants that failed on " + kind).isEmpty();
        assertThat(done).isGreaterThan(0);
    }

    /** The valid originals whose own fresh database introspects as calculated (the baseline of the check). */
    private Map<String, String> originals(DbKind kind, String provider) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("blog", TestSchemas.blog(provider));
        out.put("shop", SHOP.replace("\"postgresql\"", "\"" + provider + "\""));
        TestSchemas.corpus().ifPresent(corpus -> {
            for (Path p : TestSchemas.prismaFiles(corpus.resolve("realworld"))) {
                String text = TestSchemas.read(p);
                if (kind == DbKind.SQLITE) {
                    // SQLite has no native types: any provider's schema without them will do, when it validates
                    text = text.replaceAll("provider(\\s*)= \"(postgresql|mysql|cockroachdb)\"", "provider$1= \"sqlite\"")
                            .replaceAll(" @db\\.\\w+(\\([^)]*\\))?", "");
                }
                // single-file schemas only: not the expected outputs, not the parts of multi-file schemas
                if (p.getParent().equals(corpus.resolve("realworld"))
                        && text.matches("(?s).*provider\\s*=\\s*\"" + provider + "\".*") && !text.contains("extensions")
                        && text.length() < 15_000) {
                    out.put(p.getFileName().toString(), text);
                }
            }
        });
        Map<String, String> usable = new LinkedHashMap<>();
        int attempts = 0;
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (usable.size() >= MAX_ORIGINALS || attempts++ >= (kind == DbKind.SQLITE ? 3 * MAX_ORIGINALS : 4)) {
                break;
            }
            ValidatedSchema v = SchemaValidator.validate(e.getValue());
            if (!v.isValid()) {
                System.out.println("[fuzz] " + e.getKey() + " is not valid for " + provider + " ("
                        + v.diagnostics().errors().size() + " errors); left out of the mutation suite");
                continue;
            }
            SqlSchema calculated = SqlSchemaCalculator.calculate(v.datamodel());
            try (TestDatabase db = TestDatabases.create(kind, "mutant_base")) {
                db.executeAll(kind.dialect().createSteps(calculated).statements());
                if (introspected(db, kind).equals(CanonicalForm.of(calculated, v.datamodel().provider()))) {
                    usable.put(e.getKey(), e.getValue());
                } else {
                    System.out.println("[fuzz] " + e.getKey() + " does not round-trip on " + kind + " unmutated; "
                            + "left out of the mutation suite");
                }
            } catch (Exception ex) {
                System.out.println("[fuzz] " + e.getKey() + " cannot be created on " + kind + " (" + ex.getMessage()
                        + "); left out of the mutation suite");
            }
        }
        return usable;
    }

    /** Validates, calculates and migrates one mutant; the failure, or null. */
    private String check(DbKind kind, String original, SchemaMutator.Mutant mutant, Map<String, Integer> outcomes)
            throws Exception {
        ValidatedSchema v = SchemaValidator.validate(mutant.text());
        if (!v.isValid()) {
            outcomes.merge("invalid (diagnostics)", 1, Integer::sum);
            return null;
        }
        for (Provider p : Provider.values()) {
            String other = mutant.text().replace("provider = \"" + MigrateSchemas.provider(kind) + "\"",
                    "provider = \"" + providerName(p) + "\"");
            ValidatedSchema ov = SchemaValidator.validate(other);
            if (ov.isValid()) {
                assertThat(SqlSchemaCalculator.calculate(ov.datamodel()).tables()).isNotNull();
            }
        }
        SqlSchema from = SqlSchemaCalculator.calculate(SchemaValidator.validate(original).datamodel());
        SqlSchema to = SqlSchemaCalculator.calculate(v.datamodel());
        Provider provider = v.datamodel().provider();
        MigrationScript forward = SchemaDiffer.script(from, to, kind.dialect());
        MigrationScript back = SchemaDiffer.script(to, from, kind.dialect());
        try (TestDatabase db = TestDatabases.create(kind, "mutant")) {
            db.executeAll(kind.dialect().createSteps(from).statements());
            String step = "forward";
            try {
                db.executeAll(forward.statements());
                String diff = differences(CanonicalForm.of(to, provider), introspected(db, kind));
                if (diff != null) {
                    return "after the forward migration the database differs from the mutant:\n" + diff
                            + "\n--- forward:\n" + forward.sql();
                }
                step = "back";
                db.executeAll(back.statements());
                diff = differences(CanonicalForm.of(from, provider), introspected(db, kind));
                if (diff != null) {
                    return "after the migration back the database differs from the original:\n" + diff
                            + "\n--- back:\n" + back.sql();
                }
            } catch (java.sql.SQLException e) {
                return "the " + step + " migration failed: " + e.getMessage() + "\n--- script:\n"
                        + (step.equals("forward") ? forward.sql() : back.sql());
            }
        }
        if (forward.isEmpty() && outcomes.getOrDefault("valid, no change", 0) < 3) {
            System.out.println("[fuzz] no SQL change for " + mutant.edits() + " of " + original.substring(0,
                    Math.min(80, original.length())).replace('\n', ' '));
        }
        outcomes.merge(forward.isEmpty() ? "valid, no change" : "valid, migrated both ways", 1, Integer::sum);
        return null;
    }

    private static SqlSchema columnsByName(SqlSchema s) {
        return new SqlSchema(s.namespaces(), s.enums(), s.tables().stream().map(t -> new dev.prismaspring.sql.Table(
                t.namespace(), t.name(), t.columns().stream()
                .sorted(java.util.Comparator.comparing(dev.prismaspring.sql.Column::name)).toList(),
                t.primaryKey(), t.indexes(), t.foreignKeys())).toList());
    }

    private static String providerName(Provider p) {
        return switch (p) {
            case POSTGRESQL -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    private static SqlSchema introspected(TestDatabase db, DbKind kind) throws Exception {
        Provider provider = Provider.valueOf(switch (kind) {
            case POSTGRES -> "POSTGRESQL";
            case MYSQL -> "MYSQL";
            case SQLITE -> "SQLITE";
        });
        try (Connection c = db.connect()) {
            return CanonicalForm.of(Introspector.forProvider(provider).introspect(c), provider);
        }
    }

    /**
     * The differences, column order ignored: like Prisma, the differ appends added columns at the end (see
     * {@link MigrationSeriesTest}).
     */
    private static String differences(SqlSchema expected, SqlSchema actual) {
        expected = columnsByName(expected);
        actual = columnsByName(actual);
        if (expected.equals(actual)) {
            return null;
        }
        List<String> e = dev.prismaspring.sql.SchemaLines.of(expected);
        List<String> a = dev.prismaspring.sql.SchemaLines.of(actual);
        List<String> missing = new ArrayList<>(e);
        missing.removeAll(a);
        List<String> extra = new ArrayList<>(a);
        extra.removeAll(e);
        return " expected only:\n  " + String.join("\n  ", missing) + "\n database only:\n  " + String.join("\n  ", extra);
    }
}
