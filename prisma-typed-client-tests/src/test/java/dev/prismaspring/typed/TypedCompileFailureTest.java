package dev.prismaspring.typed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.generate.JavaSourceCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code written against the generated blog client is checked by the compiler: a misspelt model field, relation or
 * argument and a value of the wrong type do not compile, and the error points at the offending line. A correct
 * snippet compiles without any diagnostic (the control).
 */
class TypedCompileFailureTest {

    @TempDir
    Path tmp;

    /** Compiles {@code body} as the body of a method that has {@code Prisma prisma} in scope. */
    JavaSourceCompiler.Result compile(String body) throws Exception {
        String source = """
                package snippet;

                import dev.prismaspring.client.typed.SortOrder;
                import dev.prismaspring.typed.blog.*;

                class Snippet {
                    Object run(Prisma prisma) {
                %s
                    }
                }
                """.formatted(body);
        Path file = tmp.resolve("src/snippet/Snippet.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return JavaSourceCompiler.compile(List.of(file), tmp.resolve("classes"), List.of());
    }

    /** The single error's line (1-based within the snippet body) and message. */
    static void assertOneErrorAt(JavaSourceCompiler.Result r, int bodyLine, String... messageParts) {
        assertThat(r.success()).as(r.report()).isFalse();
        List<Diagnostic<? extends javax.tools.JavaFileObject>> errors = r.raw().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        assertThat(errors).as(r.report()).hasSize(1);
        assertThat(errors.get(0).getLineNumber()).as(r.report()).isEqualTo(7 + bodyLine);
        assertThat(errors.get(0).getMessage(java.util.Locale.ROOT)).contains(messageParts);
    }

    @Test
    void correctCodeCompilesWithoutAnyDiagnostic() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        java.util.List<User> users = prisma.user().findMany(q -> q
                                .where(w -> w.email(f -> f.contains("a")).role(Role.ADMIN)
                                        .posts(p -> p.some(x -> x.published(true))))
                                .include(i -> i.posts(p -> p.orderBy(o -> o.title(SortOrder.ASC))))
                                .take(10));
                        return prisma.post().create(q -> q.data(d -> d.title("t").updatedAt(java.time.Instant.now())
                                .author(a -> a.connect(w -> w.email(users.get(0).email())))));
                """);
        assertThat(r.diagnostics()).as(r.report()).isEmpty();
        assertThat(r.success()).isTrue();
    }

    @Test
    void aMisspeltFieldInWhereDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.emial("ada@example.com")));
                """);
        assertOneErrorAt(r, 2, "cannot find symbol", "emial");
    }

    @Test
    void aMisspeltRelationInIncludeDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.user().findMany(q -> q
                                .include(i -> i.post()));
                """);
        assertOneErrorAt(r, 2, "cannot find symbol", "post()");
    }

    @Test
    void aMisspeltModelDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.users().findMany();
                """);
        assertOneErrorAt(r, 1, "cannot find symbol", "users()");
    }

    @Test
    void aWrongValueTypeInAFilterDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.email(42)));
                """);
        assertOneErrorAt(r, 2, "email");
        assertThat(r.report()).containsAnyOf("no suitable method found for email(int)", "incompatible types");
    }

    @Test
    void aStringWhereAnEnumBelongsDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.role("ADMIN")));
                """);
        assertOneErrorAt(r, 2, "role");
    }

    @Test
    void aWrongValueTypeInCreateDataDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.post().create(q -> q.data(d -> d.title("t")
                                .published("yes")));
                """);
        assertOneErrorAt(r, 2, "incompatible types", "java.lang.String cannot be converted to java.lang.Boolean");
    }

    @Test
    void anotherModelsFilterDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.post().findMany(q -> q
                                .where(new UserWhereInput().email("a")));
                """);
        assertOneErrorAt(r, 2, "UserWhereInput");
    }

    @Test
    void aFilterOperatorOfAnotherTypeDoesNotCompile() throws Exception {
        JavaSourceCompiler.Result r = compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.createdAt(f -> f.contains("2026"))));
                """);
        assertOneErrorAt(r, 2, "cannot find symbol", "contains");
    }

    @Test
    void nullTestsOnARequiredFieldDoNotCompile() throws Exception {
        // as Prisma's StringFilter (required) vs StringNullableFilter (optional): the engine rejects null on email
        assertOneErrorAt(compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.email(f -> f.isNull())));
                """), 2, "cannot find symbol", "isNull");
        assertOneErrorAt(compile("""
                        return prisma.post().findMany(q -> q
                                .where(w -> w.title(f -> f.startsWith("a").isNotNull())));
                """), 2, "cannot find symbol", "isNotNull");
        assertOneErrorAt(compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.id(f -> f.not(null))));
                """), 2, "ambiguous");
        // the control: an optional field has them
        JavaSourceCompiler.Result optional = compile("""
                        return prisma.user().findMany(q -> q
                                .where(w -> w.name(f -> f.isNull()).OR(new UserWhereInput().name(f -> f.isNotNull()))));
                """);
        assertThat(optional.success()).as(optional.report()).isTrue();
    }
}
