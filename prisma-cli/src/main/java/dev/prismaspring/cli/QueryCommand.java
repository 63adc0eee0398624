package dev.prismaspring.cli;

import dev.prismaspring.client.ModelDelegate;
import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.PrismaJson;
import dev.prismaspring.client.PrismaOperation;
import dev.prismaspring.query.PrismaException;
import dev.prismaspring.query.RelationLoadStrategy;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code prisma query --schema F --url U --file STEPS.json}: runs client operations in order and prints one JSON
 * line per step, {@code {"step":i,"ok":true,"result":..}} or {@code {"step":i,"ok":false,"error":{"code":..,
 * "message":..}}} ({@code i} is the step's index in the file, from 0). A step
 * {@code {"operation":"$transaction","args":[step, ...]}} runs its inner steps in one transaction (rolled back when
 * one fails) and its result is the array of their results. A failing step does not stop the run; the exit code is
 * 0 once every step has been reported, 1 for an invalid schema, 2 for usage or connection problems.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run Prisma Client operations from a JSON file of steps; print one JSON line per step.")
final class QueryCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--schema", required = true, paramLabel = "F",
            description = "A schema.prisma file or a folder of .prisma files.")
    Path schema;

    @Option(names = "--url", required = true, paramLabel = "U", description = "The JDBC URL of the database.")
    String url;

    @Option(names = "--file", required = true, paramLabel = "STEPS.json",
            description = "A JSON array of steps: {\"model\":..,\"operation\":..,\"args\":{..}}.")
    Path file;

    @Option(names = "--relation-load-strategy", paramLabel = "S", defaultValue = "query",
            description = "The default relation load strategy: query or join (default: ${DEFAULT-VALUE}).")
    RelationLoadStrategy strategy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ValidatedSchema validated = SchemaValidator.validate(SchemaLoader.load(schema).files());
        if (!validated.isValid()) {
            throw CliException.user("The schema at " + schema + " is invalid (" + validated.diagnostics().errors()
                    .size() + " errors). Run 'prisma validate --schema " + schema + "' to see them.");
        }
        Datamodel datamodel = validated.datamodel();
        JsonNode steps = readSteps();
        checkProvider(datamodel);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(JdbcUrls.connect(url), true);
        PrintWriter out = spec.commandLine().getOut();
        try {
            PrismaClient prisma = PrismaClient.builder(datamodel, dataSource).relationLoadStrategy(strategy).build();
            int i = 0;
            for (JsonNode step : steps.values()) {
                ObjectNode line = JSON.createObjectNode();
                line.put("step", i++);
                try {
                    JsonNode result = run(prisma, step);
                    line.put("ok", true);
                    line.set("result", result);
                } catch (PrismaException e) {
                    line.put("ok", false);
                    ObjectNode error = line.putObject("error");
                    error.put("code", e.code());
                    error.put("message", e.getMessage());
                } catch (RuntimeException e) {
                    line.put("ok", false);
                    ObjectNode error = line.putObject("error");
                    error.put("code", "P2010");
                    error.put("message", String.valueOf(e.getMessage()));
                }
                out.println(JSON.writeValueAsString(line));
                out.flush();
            }
        } finally {
            dataSource.destroy();
        }
        return PrismaCli.OK;
    }

    /** The schema's provider and the URL's database must agree. */
    private void checkProvider(Datamodel datamodel) {
        Provider actual = JdbcUrls.provider(url);
        if (actual != datamodel.provider()) {
            throw CliException.usage("The schema's datasource provider is " + name(datamodel.provider())
                    + ", but --url points to a " + name(actual) + " database (" + JdbcUrls.redact(url) + ").");
        }
    }

    private static String name(Provider provider) {
        return provider.name().toLowerCase(java.util.Locale.ROOT);
    }

    private JsonNode readSteps() {
        JsonNode steps;
        try {
            steps = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw CliException.usage("Could not read " + file + ": " + e.getMessage() + ".");
        } catch (tools.jackson.core.JacksonException e) {
            throw CliException.user("The steps file " + file + " is not valid JSON: " + e.getOriginalMessage() + ".");
        }
        if (!steps.isArray()) {
            throw CliException.user("The steps file " + file + " must hold a JSON array of steps.");
        }
        return steps;
    }

    private static JsonNode run(PrismaClient prisma, JsonNode step) {
        String operation = operation(step);
        if (operation.equals("$transaction")) {
            JsonNode inner = step.path("args");
            if (!inner.isArray()) {
                throw new PrismaException("P2009", "$transaction takes an array of steps as args.");
            }
            List<PrismaOperation> operations = new ArrayList<>();
            for (JsonNode s : inner.values()) {
                if (operation(s).equals("$transaction")) {
                    throw new PrismaException("P2009", "A $transaction step cannot contain another $transaction.");
                }
                operations.add(PrismaOperation.of(model(s), operation(s), s.get("args")));
            }
            // one sequential transaction: every step validated first, all rolled back if one fails
            ArrayNode results = JSON.createArrayNode();
            prisma.transaction(operations).forEach(r -> results.add(PrismaJson.toTree(r)));
            return results;
        }
        ModelDelegate delegate = prisma.model(model(step));
        return PrismaJson.toTree(delegate.run(operation, step.get("args")));
    }

    private static String operation(JsonNode step) {
        if (!step.isObject()) {
            throw new PrismaException("P2009", "A step must be an object {\"model\":..,\"operation\":..,\"args\":..}.");
        }
        String operation = step.path("operation").asString("");
        if (operation.isEmpty()) {
            throw new PrismaException("P2009", "The step has no operation.");
        }
        return operation;
    }

    private static String model(JsonNode step) {
        String model = step.path("model").asString("");
        if (model.isEmpty()) {
            throw new PrismaException("P2009", "The step has no model.");
        }
        return model;
    }
}
