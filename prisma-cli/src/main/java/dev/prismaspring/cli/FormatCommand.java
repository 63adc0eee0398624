package dev.prismaspring.cli;

import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.schema.SchemaFormatter;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code prisma format}: formats a schema as {@code prisma format} does. Prints the result, writes
 * it back ({@code --write}) or only checks it ({@code --check}). As Prisma does, an invalid
 * result is reported and never written.
 */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = "Format a schema. Prints it, or writes it back with --write; --check exits 1 if it is not formatted.")
final class FormatCommand implements Callable<Integer> {

    @Option(names = "--schema", required = true, paramLabel = "F",
            description = "A schema.prisma file or a folder of .prisma files.")
    Path schema;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    /** --write and --check exclude each other. */
    static final class Mode {
        @Option(names = "--write", description = "Write the formatted schema back to its files.")
        boolean write;

        @Option(names = "--check", description = "Change nothing; exit 1 if any file is not formatted.")
        boolean check;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(schema);
        SourceFiles files = loaded.files();
        List<String> formatted = SchemaFormatter.format(files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<SourceFile> formattedFiles = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            formattedFiles.add(new SourceFile(files.get(i).name(), formatted.get(i)));
        }
        ValidatedSchema validated = SchemaValidator.validate(new SourceFiles(formattedFiles));
        if (!validated.isValid()) {
            DiagnosticPrinter printer = new DiagnosticPrinter(Terminal.colors());
            err.print(printer.print(validated.files(), validated.diagnostics().errors()));
            err.println();
            err.println("The schema has " + validated.diagnostics().errors().size()
                    + " validation error(s) and was not formatted. Fix them and run format again.");
            err.flush();
            return PrismaCli.USER_ERROR;
        }

        if (mode.check) {
            List<String> unformatted = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (!files.get(i).text().equals(formatted.get(i))) {
                    unformatted.add(files.get(i).name());
                }
            }
            if (unformatted.isEmpty()) {
                out.println("The schema at " + schema + " is formatted.");
                out.flush();
                return PrismaCli.OK;
            }
            err.println("Not formatted: " + String.join(", ", unformatted) + ". Run 'prisma format --schema "
                    + schema + " --write' to fix.");
            err.flush();
            return PrismaCli.USER_ERROR;
        }
        if (mode.write) {
            for (int i = 0; i < files.size(); i++) {
                if (!files.get(i).text().equals(formatted.get(i))) {
                    write(loaded.paths().get(i), formatted.get(i));
                }
            }
            out.println("Formatted " + schema + ".");
            out.flush();
            return PrismaCli.OK;
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.size() > 1) {
                out.println("// " + files.get(i).name());
            }
            out.print(formatted.get(i));
        }
        out.flush();
        return PrismaCli.OK;
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("Could not write " + path + ": " + e.getMessage() + ".");
        }
    }
}
