package dev.prismaspring.cli;

import dev.prismaspring.generate.ClientGeneration;
import dev.prismaspring.generate.GeneratorException;
import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prisma generate}: writes the type-safe Java client of a schema (docs/typed-client.md). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the type-safe Java client: records, typed inputs, delegates and the Prisma class.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--schema", required = true, paramLabel = "F",
            description = "A schema.prisma file or a folder of .prisma files.")
    Path schema;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "The source folder to write into (the package's folders are created below it).")
    Path output;

    @Option(names = "--package", required = true, paramLabel = "P",
            description = "The Java package of the generated classes, e.g. com.example.db.")
    String packageName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ValidatedSchema validated = SchemaValidator.validate(SchemaLoader.load(schema).files());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!validated.isValid()) {
            err.print(new DiagnosticPrinter(Terminal.colors()).print(validated.files(),
                    validated.diagnostics().errors()));
            err.println();
            err.println("Validation Error Count: " + validated.diagnostics().errors().size());
            err.println("No client was generated: fix the schema first.");
            err.flush();
            return PrismaCli.USER_ERROR;
        }
        try {
            ClientGeneration.Outcome outcome = ClientGeneration.run(schema, output, packageName, true);
            out.println("Generated the Prisma client (" + outcome.models() + " models, " + outcome.files()
                    + " files) in package " + packageName + " into " + output + ".");
            out.flush();
            return PrismaCli.OK;
        } catch (GeneratorException e) {
            throw CliException.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            throw CliException.usage(e.getMessage() + ".");
        }
    }
}
