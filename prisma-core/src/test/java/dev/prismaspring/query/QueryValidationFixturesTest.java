package dev.prismaspring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The corpus's query-validation fixtures ({@code query-validation/<schema>/<case>.query.json}, Prisma's JSON
 * protocol), translated to Prisma Client arguments: each is rejected before any SQL with Prisma's error kind and
 * code, the argument path, and (for unknown names) a suggestion.
 */
class QueryValidationFixturesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Optional<Path> corpus = TestSchemas.corpus();
        Assumptions.assumeTrue(corpus.isPresent(), "shared corpus absent: query-validation fixtures skipped");
        Path root = corpus.get().resolve("query-validation");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path q : files.filter(p -> p.toString().endsWith(".query.json")).sorted().toList()) {
                String name = q.getFileName().toString().replace(".query.json", "");
                Path expected = root.resolve(name + ".expected.json");
                tests.add(DynamicTest.dynamicTest(q.getParent().getFileName() + "/" + name,
                        () -> check(q, expected)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(14);
        return tests.stream();
    }

    private void check(Path queryFile, Path expectedFile) throws IOException {
        Datamodel dm = SchemaValidator.validate(Files.readString(queryFile.getParent().resolve("schema.prisma")))
                .datamodel();
        ArgumentParser parser = new ArgumentParser(new QuerySchema(dm));
        JsonNode request = JSON.readTree(queryFile.toFile());
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        String operation = switch (request.get("action").asString()) {
            case "createOne" -> "create";
            default -> request.get("action").asString();
        };
        ObjectNode args = translate(request.get("query"));
        PrismaValidationException e = catchThrowableOfType(PrismaValidationException.class,
                () -> parser.parse(request.get("modelName").asString(), operation, args));
        assertThat(e).as("rejected: " + args).isNotNull();
        System.out.println("[query-validation] " + queryFile.getFileName() + " -> " + e.code() + " " + e.kind() + " "
                + e.path() + ": " + e.getMessage());
        JsonNode meta = expected.get("meta");
        List<JsonNode> candidates = new ArrayList<>();
        flatten(meta, candidates);
        JsonNode match = candidates.stream().filter(c -> c.get("kind").asString().equals(e.kind())).findFirst()
                .orElse(null);
        assertThat(match).as("kind " + e.kind() + " (" + e.getMessage() + ") among " + meta.get("kind")).isNotNull();
        assertThat(e.code()).isEqualTo(expected.get("error_code").asString());
        if (match.has("argumentPath")) {
            assertThat(e.path()).isEqualTo(strings(match.get("argumentPath")));
        } else {
            List<String> selection = strings(match.get("selectionPath"));
            List<String> ours = e.path().stream().filter(p -> !p.equals("select")).toList();
            assertThat(ours).isEqualTo(selection.subList(1, selection.size()));
        }
        if (!e.path().isEmpty()) {
            assertThat(e.getMessage()).contains(e.path().get(e.path().size() - 1));
        }
        if (e.kind().startsWith("Unknown")) {
            assertThat(e.getMessage()).containsAnyOf("Did you mean", "Available options");
        }
    }

    private static void flatten(JsonNode meta, List<JsonNode> out) {
        out.add(meta);
        if (meta.has("errors")) {
            meta.get("errors").values().forEach(x -> flatten(x, out));
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    /** {@code {arguments, selection}} of the JSON protocol as client arguments ({@code select} or none). */
    static ObjectNode translate(JsonNode query) {
        ObjectNode args = query.has("arguments") ? (ObjectNode) query.get("arguments").deepCopy()
                : JSON.createObjectNode();
        JsonNode selection = query.get("selection");
        if (selection != null && !onlyScalars(selection)) {
            ObjectNode select = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : selection.properties()) {
                if (e.getKey().startsWith("$")) {
                    continue;
                }
                JsonNode v = e.getValue();
                if (v.isObject()) {
                    ObjectNode nested = translate(v);
                    select.set(e.getKey(), nested.isEmpty() ? JSON.getNodeFactory().booleanNode(true) : nested);
                } else {
                    select.set(e.getKey(), v);
                }
            }
            args.set("select", select);
        }
        return args;
    }

    private static boolean onlyScalars(JsonNode selection) {
        return selection.has("$scalars") && selection.propertyNames().stream().allMatch(k -> k.startsWith("$"));
    }
}
