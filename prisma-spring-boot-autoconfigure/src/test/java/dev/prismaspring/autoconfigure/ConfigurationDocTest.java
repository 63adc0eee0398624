package dev.prismaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/configuration.md cannot fall behind the properties: every property of the generated configuration metadata
 * has a row in its {@code prisma.*} table, with the metadata's default and every value of an enum type, and every
 * row names a property that exists.
 */
class ConfigurationDocTest {

    static Map<String, List<String>> rows;

    @BeforeAll
    static void readTheDoc() throws IOException {
        rows = propertyRows(Files.readString(docFile()));
    }

    @Test
    void everyPropertyHasARow() throws IOException {
        assertThat(rows.keySet()).as("properties in the table of docs/configuration.md")
                .containsAll(PrismaPropertiesBindingTest.metadataPropertyNames());
    }

    @Test
    void everyRowIsAProperty() throws IOException {
        assertThat(PrismaPropertiesBindingTest.metadataPropertyNames()).as("properties in the generated metadata")
                .containsAll(rows.keySet());
    }

    @Test
    void rowsShowTheDefaultsOfTheMetadata() throws IOException {
        for (JsonNode property : PrismaPropertiesBindingTest.prismaProperties()) {
            String name = property.get("name").asString();
            List<String> cells = rows.get(name);
            assertThat(cells).as("row of %s", name).isNotNull().hasSize(4);
            JsonNode defaultValue = property.get("defaultValue");
            if (defaultValue != null && !defaultValue.isNull()) {
                assertThat(cells.get(2)).as("default of %s", name).isEqualTo("`" + defaultValue.asString() + "`");
            } else {
                assertThat(cells.get(2)).as("default of %s (none in the metadata)", name).isIn("empty", "none");
            }
            assertThat(cells.get(1)).as("type of %s", name).isNotBlank();
            assertThat(cells.get(3)).as("effect of %s", name).hasSizeGreaterThan(20);
        }
    }

    @Test
    void enumRowsListEveryValue() throws Exception {
        for (JsonNode property : PrismaPropertiesBindingTest.prismaProperties()) {
            String type = property.get("type").asString();
            Class<?> cls = type.contains("<") ? null : Class.forName(type);
            if (cls == null || !cls.isEnum()) {
                continue;
            }
            String name = property.get("name").asString();
            for (Object constant : cls.getEnumConstants()) {
                String value = "`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "`";
                assertThat(rows.get(name).get(1)).as("values listed in the type of %s", name).contains(value);
            }
        }
    }

    @Test
    void theTableIsThere() {
        // guards the parser: an empty map would make the checks above vacuous
        assertThat(rows).containsKeys("prisma.schema-location", "prisma.migrate.mode");
    }

    /** Rows of Markdown tables whose first cell is a backticked {@code prisma.} property: name to cells. */
    static Map<String, List<String>> propertyRows(String markdown) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| `prisma.")) {
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.lastIndexOf('|')).split(" \\| ", -1)).stream()
                    .map(String::strip).toList();
            String name = cells.get(0).replace("`", "");
            if (cells.size() == 4 && name.matches("prisma\\.[a-z.-]+")) {
                assertThat(rows).as("one row per property: %s", name).doesNotContainKey(name);
                rows.put(name, cells);
            }
        }
        return rows;
    }

    /** docs/configuration.md of the checkout (tests run in the module's folder). */
    static Path docFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/configuration.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
    }
}
