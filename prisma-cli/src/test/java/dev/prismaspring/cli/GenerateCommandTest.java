package dev.prismaspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.generate.JavaSourceCompiler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code prisma generate}: writes a client that compiles; bad schemas, packages and paths give exit 1 or 2. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = PrismaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
            }

            /// Somebody.
            model Person {
              id    Int     @id @default(autoincrement())
              email String  @unique
              kind  Kind    @default(HUMAN)
              pets  Pet[]
            }

            model Pet {
              id      Int    @id
              ownerId Int
              owner   Person @relation(fields: [ownerId], references: [id])
            }

            enum Kind {
              HUMAN
              ROBOT @map("robot")
            }
            """;

    @Test
    void generatesACompilingClient() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        Path out = dir.resolve("gen");
        Run run = run("generate", "--schema", schema.toString(), "--output", out.toString(), "--package",
                "com.example.db");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 models").contains("com.example.db");
        Path pkg = out.resolve("com/example/db");
        assertThat(pkg.resolve("Person.java")).content().contains("public record Person(").contains("Somebody.");
        assertThat(pkg.resolve("Kind.java")).content().contains("ROBOT(\"ROBOT\", \"robot\")");
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaSourceCompiler.Result r = JavaSourceCompiler.compile(files, dir.resolve("classes"), List.of());
        assertThat(r.diagnostics()).as(r.report()).isEmpty();
    }

    @Test
    void anInvalidSchemaIsExitOneWithPrismasDiagnostics() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA.replace("Int     @id", "Integer @id"));
        Run run = run("generate", "--schema", schema.toString(), "--output", dir.resolve("gen").toString(),
                "--package", "com.example.db");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Type \"Integer\" is neither a built-in type").contains("No client was generated");
        assertThat(dir.resolve("gen")).doesNotExist();
    }

    @Test
    void aBadPackageOrAMissingSchemaIsExitTwoInOneSentence() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        Run bad = run("generate", "--schema", schema.toString(), "--output", dir.resolve("gen").toString(),
                "--package", "com.example.new");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'com.example.new' is not a Java package name").doesNotContain("Exception");
        Run missing = run("generate", "--schema", dir.resolve("nope.prisma").toString(), "--output",
                dir.resolve("gen").toString(), "--package", "com.example.db");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Schema not found");
    }
}
