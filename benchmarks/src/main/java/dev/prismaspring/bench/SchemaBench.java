package dev.prismaspring.bench;

import dev.prismaspring.migrate.SchemaDiffer;
import dev.prismaspring.psl.PslParser;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaFormatter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.SqlDialect;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.SqlSchemaCalculator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The schema pipeline on real-world schemas from the shared corpus ({@code bench.corpus.dir}, default
 * {@code ../shared/corpus}): odoo.prisma (168 models) and the largest other real-world schema. No Java baseline
 * exists; the figures are absolute (average time per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SchemaBench {

    /** The largest real-world schema after odoo.prisma (104 KB, 81 models). */
    static final String LARGEST_OTHER = "triggerdotdev__trigger.dev.prisma";

    private String odoo;
    private String largest;
    private SqlSchema odooSql;
    private SqlSchema editedSql;
    private SqlDialect dialect;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path realworld = corpus().resolve("realworld");
        odoo = Files.readString(realworld.resolve("odoo.prisma"));
        largest = Files.readString(realworld.resolve(LARGEST_OTHER));
        Datamodel a = valid("odoo.prisma", odoo);
        Datamodel b = valid("odoo.prisma with edits", OdooEdits.apply(odoo));
        valid(LARGEST_OTHER, largest);
        odooSql = SqlSchemaCalculator.calculate(a);
        editedSql = SqlSchemaCalculator.calculate(b);
        dialect = SqlDialect.forProvider(a.provider());
        int changes = SchemaDiffer.diff(odooSql, editedSql, dialect).size();
        if (changes < OdooEdits.COUNT) {
            throw new IllegalStateException("the edited odoo schema gives " + changes + " changes, expected at least "
                    + OdooEdits.COUNT);
        }
    }

    static Path corpus() {
        Path dir = Path.of(System.getProperty("bench.corpus.dir", "../shared/corpus"));
        if (!Files.isDirectory(dir.resolve("realworld"))) {
            throw new IllegalStateException("the shared corpus is not at " + dir.toAbsolutePath()
                    + ": set -Dbench.corpus.dir (run.sh does) to the folder holding realworld/odoo.prisma");
        }
        return dir;
    }

    private static Datamodel valid(String name, String text) {
        ValidatedSchema v = SchemaValidator.validate(text);
        if (!v.isValid()) {
            throw new IllegalStateException(name + " does not validate: " + v.diagnostics().errors());
        }
        return v.datamodel();
    }

    @Benchmark
    public SqlSchema odooParseValidateCalculate() {
        return SqlSchemaCalculator.calculate(SchemaValidator.validate(odoo).datamodel());
    }

    /** The parse alone, to split the figure above. */
    @Benchmark
    public Object odooParseOnly() {
        return PslParser.parse(odoo);
    }

    /** Parse + validate, without the SqlSchema, to split the figure above. */
    @Benchmark
    public Object odooParseValidate() {
        return SchemaValidator.validate(odoo);
    }

    @Benchmark
    public SqlSchema largestParseValidateCalculate() {
        return SqlSchemaCalculator.calculate(SchemaValidator.validate(largest).datamodel());
    }

    @Benchmark
    public String odooFormat() {
        return SchemaFormatter.format(odoo);
    }

    /** Diff of two calculated SqlSchemas of odoo (a dozen edits) and the migration SQL rendered. */
    @Benchmark
    public List<String> odooDiff() {
        return SchemaDiffer.script(odooSql, editedSql, dialect).statements();
    }

    /** Twelve edits to odoo.prisma, made in code from the text: new columns, indexes and models. */
    static final class OdooEdits {

        static final int COUNT = 12;
        private static final Pattern MODEL = Pattern.compile("(?m)^model (\\w+) \\{\\n");

        private OdooEdits() {
        }

        static String apply(String text) {
            List<int[]> bodies = new ArrayList<>();
            Matcher m = MODEL.matcher(text);
            while (m.find() && bodies.size() < 6) {
                int close = text.indexOf("\n}", m.end());
                bodies.add(new int[] {m.end(), close});
            }
            StringBuilder out = new StringBuilder(text);
            // from the last edit to the first, so that earlier offsets stay valid
            for (int i = bodies.size() - 1; i >= 0; i--) {
                String added = "\n  bench_extra_" + i + " String? @db.VarChar(40)"
                        + (i % 2 == 0 ? "\n\n  @@index([bench_extra_" + i + "])" : "");
                out.insert(bodies.get(i)[1], added);
            }
            for (int i = 0; i < 3; i++) {
                out.append("\nmodel bench_new_").append(i).append(" {\n  id    Int    @id @default(autoincrement())\n")
                        .append("  label String @unique\n}\n");
            }
            return out.toString();
        }
    }
}
