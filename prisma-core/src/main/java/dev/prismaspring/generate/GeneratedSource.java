package dev.prismaspring.generate;

/**
 * One generated Java source file.
 *
 * @param path    the path below the output folder ({@code com/acme/db/User.java})
 * @param content the Java source
 */
public record GeneratedSource(String path, String content) {
}
