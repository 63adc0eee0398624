package dev.prismaspring.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.generate.ClientGeneration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal on real files: generation, the up-to-date check, regeneration on change, stale files, bad input. */
class GenerateMojoTest {

    @TempDir
    Path tmp;

    static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;

    GenerateMojo mojo(Path schema, Path out) {
        GenerateMojo m = new GenerateMojo();
        m.schema = schema.toFile();
        m.outputDirectory = out.toFile();
        m.packageName = "com.example.db";
        return m;
    }

    @Test
    void generatesThenSkipsUntilTheSchemaChanges() throws Exception {
        Path schema = tmp.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        Path out = tmp.resolve("out");
        Path user = out.resolve("com/example/db/User.java");

        mojo(schema, out).execute();
        assertThat(user).exists();
        assertThat(out.resolve("com/example/db/Prisma.java")).exists();
        assertThat(out.resolve(ClientGeneration.hashFile("com.example.db"))).exists();

        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(user, old);
        mojo(schema, out).execute();
        assertThat(Files.getLastModifiedTime(user)).as("unchanged schema: nothing written").isEqualTo(old);

        Files.writeString(schema, SCHEMA.replace("model User", "model Post {\n  id Int @id\n}\n\nmodel Person"));
        mojo(schema, out).execute();
        assertThat(out.resolve("com/example/db/Post.java")).exists();
        assertThat(out.resolve("com/example/db/Person.java")).exists();
        assertThat(user).as("a model that is gone loses its files").doesNotExist();
    }

    @Test
    void twoClientsShareAnOutputFolder() throws Exception {
        Path schema = tmp.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        Path out = tmp.resolve("out");
        mojo(schema, out).execute();
        GenerateMojo other = mojo(schema, out);
        other.packageName = "com.example.other";
        other.execute();
        Path first = out.resolve("com/example/db/User.java");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first, old);
        mojo(schema, out).execute();
        assertThat(first).as("the other package's run neither deleted nor invalidated this one").exists();
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(old);
        assertThat(out.resolve("com/example/other/User.java")).exists();
    }

    @Test
    void readsAFolderOfSchemaFiles() throws Exception {
        Path folder = tmp.resolve("prisma");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.prisma"), "datasource db {\n  provider = \"sqlite\"\n}\n");
        Files.writeString(folder.resolve("b.prisma"), "model Tag {\n  id Int @id\n}\n");
        Path out = tmp.resolve("out");
        mojo(folder, out).execute();
        assertThat(out.resolve("com/example/db/Tag.java")).exists();
    }

    @Test
    void anInvalidSchemaFailsTheBuildWithPrismasDiagnostic() throws Exception {
        Path schema = tmp.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA.replace("Int    @id", "Integer @id"));
        assertThatThrownBy(() -> mojo(schema, tmp.resolve("out")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is invalid")
                .hasMessageContaining("Integer");
    }

    @Test
    void aMissingSchemaOrABadPackageIsOneClearSentence() throws Exception {
        assertThatThrownBy(() -> mojo(tmp.resolve("nope.prisma"), tmp.resolve("out")).execute())
                .isInstanceOf(MojoFailureException.class).hasMessageStartingWith("No schema at");
        Path schema = tmp.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        GenerateMojo m = mojo(schema, tmp.resolve("out"));
        m.packageName = "com.example.class";
        assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not a Java package name");
    }
}
