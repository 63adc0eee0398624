package dev.prismaspring.autoconfigure;

import dev.prismaspring.testdb.DbKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Schemas the auto-configuration tests write to temporary folders. */
final class Schemas {

    private Schemas() {
    }

    static String provider(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    /** Users and posts; {@code extra} is added to the User model (e.g. a new column). */
    static String blog(DbKind kind, String extraUserFields) {
        return """
                datasource db {
                  provider = "%s"
                }

                model User {
                  id    Int     @id @default(autoincrement())
                  email String  @unique
                  name  String?
                %s  posts Post[]
                }

                model Post {
                  id       Int    @id @default(autoincrement())
                  title    String
                  authorId Int
                  author   User   @relation(fields: [authorId], references: [id])
                }
                """.formatted(provider(kind), extraUserFields);
    }

    static String blog(DbKind kind) {
        return blog(kind, "");
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
