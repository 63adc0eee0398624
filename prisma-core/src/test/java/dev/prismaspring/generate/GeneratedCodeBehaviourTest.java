package dev.prismaspring.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the generated code does, on classes compiled from the edge-case fixture and a 300-field model: escaped
 * names, mapped enums, compound unique keys, argument trees, result mapping, and the class used instead of a
 * record when a model has more fields than a record may have components.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCodeBehaviourTest {

    ClassLoader loader;

    static Datamodel datamodel(String text) {
        ValidatedSchema v = SchemaValidator.validate(text);
        assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
        return v.datamodel();
    }

    static String wideSchema() {
        StringBuilder sb = new StringBuilder("datasource db {\n  provider = \"sqlite\"\n}\n\nmodel Wide {\n"
                + "  id Int @id\n");
        for (int i = 1; i < 300; i++) {
            sb.append("  f").append(i).append(" String?\n");
        }
        return sb.append("}\n").toString();
    }

    @BeforeAll
    void compile(@TempDir Path tmp) throws Exception {
        List<GeneratedSource> sources = new java.util.ArrayList<>(JavaClientGenerator.generate(
                datamodel(TestSchemas.read(Path.of("src/test/resources/generate/edge-names.prisma"))), "gen.edge"));
        sources.addAll(JavaClientGenerator.generate(datamodel(wideSchema()), "gen.wide"));
        List<Path> files = JavaSourceCompiler.write(sources, tmp.resolve("src"));
        JavaSourceCompiler.Result r = JavaSourceCompiler.compile(files, tmp.resolve("classes"), List.of());
        assertThat(r.diagnostics()).as(r.report()).isEmpty();
        loader = new URLClassLoader(new URL[] {tmp.resolve("classes").toUri().toURL()}, getClass().getClassLoader());
    }

    Class<?> type(String name) throws Exception {
        return Class.forName(name, true, loader);
    }

    Object call(Object target, String method, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length
                    && Arrays.stream(m.getParameterTypes()).noneMatch(java.util.function.Consumer.class::equals)
                    && matches(m.getParameterTypes(), args)) {
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(method + " on " + target.getClass());
    }

    static boolean matches(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            if (args[i] != null && !types[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void javaReservedNamesGetATrailingUnderscore() throws Exception {
        List<String> components = Arrays.stream(type("gen.edge.Thing").getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(components).contains("class_", "default_", "hashCode_", "toString_", "equals_", "dev_", "java_",
                "Owner", "größe", "tags", "levels", "parent", "children", "friends", "friendOf");
        assertThat(components).as("Unsupported and @ignore fields are left out").doesNotContain("secret", "hidden");
        assertThat(Arrays.stream(type("gen.edge.Owner").getRecordComponents()).map(RecordComponent::getName))
                .as("isEmpty() belongs to every generated input, so the field is isEmpty_ everywhere")
                .contains("Thing", "isEmpty_");
        assertThatThrownBy(() -> type("gen.edge.Legacy")).as("@@ignore models are left out")
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void mappedEnumsKeepSchemaAndDatabaseNames() throws Exception {
        Class<?> level = type("gen.edge.Level");
        Object pub = level.getField("public_").get(null);
        assertThat(call(pub, "prismaName")).isEqualTo("public");
        assertThat(call(pub, "dbName")).isEqualTo("PUBLIC");
        Object high = level.getMethod("fromPrismaName", String.class).invoke(null, "high");
        assertThat(call(high, "dbName")).isEqualTo("hi");
        assertThatThrownBy(() -> level.getMethod("fromPrismaName", String.class).invoke(null, "hi"))
                .hasRootCauseMessage("'hi' is not a value of enum Level.");
    }

    @Test
    void compoundUniqueKeysAndFiltersBuildPrismasArgumentTree() throws Exception {
        Object unique = type("gen.edge.ThingWhereUniqueInput").getConstructor().newInstance();
        call(unique, "class_default", "x", 7);
        call(unique, "devJava", "d", "j");
        assertThat(call(unique, "toPrismaArgs")).isEqualTo(Map.of(
                "class_default", Map.of("class", "x", "default", 7),
                "devJava", Map.of("dev", "d", "java", "j")));
        Object composite = type("gen.edge.CompositeWhereUniqueInput").getConstructor().newInstance();
        call(composite, "a_b", 1, "b");
        assertThat(call(composite, "toPrismaArgs")).isEqualTo(Map.of("a_b", Map.of("a", 1, "b", "b")));

        Object where = type("gen.edge.ThingWhereInput").getConstructor().newInstance();
        Instant when = Instant.parse("2026-01-02T03:04:05.678Z");
        call(where, "when", when);
        call(where, "blob", (Object) new byte[] {1, 2, 3});
        call(where, "level", type("gen.edge.Level").getField("high").get(null));
        call(where, "money", new BigDecimal("1.50"));
        assertThat(call(where, "toPrismaArgs")).isEqualTo(Map.of("when", "2026-01-02T03:04:05.678Z",
                "blob", "AQID", "level", "high", "money", new BigDecimal("1.50")));
    }

    @Test
    void resultMapsBecomeRecords() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("class", "c");
        row.put("level", "public");
        row.put("levels", List.of("low", "high"));
        row.put("tags", List.of("a", "b"));
        row.put("big", 9007199254740993L);
        row.put("größe", 1.5);
        row.put("parent", Map.of("id", 2, "class", "p", "level", "low"));
        row.put("children", List.of(Map.of("id", 3, "class", "k", "level", "low")));
        Object thing = type("gen.edge.Thing").getMethod("fromMap", Map.class).invoke(null, row);
        assertThat(call(thing, "class_")).isEqualTo("c");
        assertThat(call(call(thing, "level"), "dbName")).isEqualTo("PUBLIC");
        assertThat((List<?>) call(thing, "levels")).extracting(x -> x.toString()).containsExactly("low", "high");
        assertThat(call(thing, "tags")).isEqualTo(List.of("a", "b"));
        assertThat(call(thing, "big")).isEqualTo(9007199254740993L);
        assertThat(call(thing, "größe")).isEqualTo(1.5);
        assertThat(call(call(thing, "parent"), "class_")).isEqualTo("p");
        assertThat((List<?>) call(thing, "children")).hasSize(1);
        assertThat(call(thing, "friends")).as("a relation that was not read is null").isNull();
        assertThat(call(thing, "default_")).isNull();
    }

    @Test
    void aModelWithMoreFieldsThanARecordMayHaveIsAnImmutableClassWithTheSameAccessors() throws Exception {
        Class<?> wide = type("gen.wide.Wide");
        assertThat(wide.isRecord()).isFalse();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("f299", "last");
        Object a = wide.getMethod("fromMap", Map.class).invoke(null, row);
        Object b = wide.getMethod("fromMap", Map.class).invoke(null, new LinkedHashMap<>(row));
        assertThat(call(a, "id")).isEqualTo(1);
        assertThat(call(a, "f299")).isEqualTo("last");
        assertThat(call(a, "f1")).isNull();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).startsWith("Wide[id=1, f1=null").endsWith("f299=last]");
        row.put("f1", "x");
        assertThat(a).isNotEqualTo(wide.getMethod("fromMap", Map.class).invoke(null, row));
    }

    @Test
    void badPackagesAndClassNamesAreRefusedWithAFix() {
        Datamodel dm = datamodel("datasource db {\n  provider = \"sqlite\"\n}\nmodel record {\n  id Int @id\n}\n");
        assertThatThrownBy(() -> JavaClientGenerator.generate(dm, "com.example.db"))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("'record'").hasMessageContaining("@@map");
        assertThatThrownBy(() -> JavaClientGenerator.generate(datamodel(wideSchema()), "com.1bad"))
                .isInstanceOf(GeneratorException.class).hasMessageContaining("is not a Java package name");
    }
}
