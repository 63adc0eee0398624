package dev.prismaspring.cli;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code prisma validate}: checks a schema and prints Prisma's diagnostics. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a schema. Exit 0 when valid (warnings allowed), 1 when not.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--schema", required = true, paramLabel = "F",
            description = "A schema.prisma file or a folder of .prisma files.")
    Path schema;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(schema);
        ValidatedSchema result = SchemaValidator.validate(loaded.files());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(toJson(result));
            out.flush();
            return result.isValid() ? PrismaCli.OK : PrismaCli.USER_ERROR;
        }
        DiagnosticPrinter printer = new DiagnosticPrinter(Terminal.colors());
        if (!result.diagnostics().warnings().isEmpty()) {
            err.print(printer.print(result.files(), result.diagnostics().warnings()));
        }
        if (result.isValid()) {
            out.println("The schema at " + schema + " is valid \uD83D\uDE80");
            out.flush();
            err.flush();
            return PrismaCli.OK;
        }
        List<Diagnostic> errors = result.diagnostics().errors();
        err.print(printer.print(result.files(), errors));
        err.println();
        err.println("Validation Error Count: " + errors.size());
        err.flush();
        return PrismaCli.USER_ERROR;
    }

    static String toJson(ValidatedSchema result) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("ok", result.isValid());
        root.set("errors", diagnostics(mapper, result, result.diagnostics().errors()));
        root.set("warnings", diagnostics(mapper, result, result.diagnostics().warnings()));
        return mapper.writeValueAsString(root);
    }

    private static ArrayNode diagnostics(JsonMapper mapper, ValidatedSchema result, List<Diagnostic> list) {
        ArrayNode array = mapper.createArrayNode();
        for (Diagnostic d : list) {
            SourceFile file = result.files().fileOf(d.span());
            ObjectNode node = array.addObject();
            node.put("message", d.message());
            node.put("file", file.name());
            node.put("line", file.line(d.span().start()));
            node.put("column", file.column(d.span().start()));
            node.put("endLine", file.line(d.span().end()));
            node.put("endColumn", file.column(d.span().end()));
        }
        return array;
    }
}
