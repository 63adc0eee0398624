package dev.prismaspring.autoconfigure;

import dev.prismaspring.psl.Diagnostic;
import dev.prismaspring.psl.DiagnosticPrinter;
import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads and validates the schema at a location: one {@code .prisma} file, or a folder of them (searched
 * recursively, in path order, leaving out a {@code migrations} sub-folder and its snapshots), on the classpath or the
 * file system. Missing files, bad encodings and schema errors become {@link PrismaStartupException}s.
 */
final class PrismaSchemaLoader {

    static final String PROPERTY = "prisma.schema-location";

    private final ResourcePatternResolver resolver;

    PrismaSchemaLoader(ResourceLoader resourceLoader) {
        this.resolver = resourceLoader instanceof ResourcePatternResolver r ? r
                : new PathMatchingResourcePatternResolver(resourceLoader);
    }

    PrismaSchema load(String location) {
        ValidatedSchema validated = SchemaValidator.validate(read(location));
        if (!validated.isValid()) {
            List<Diagnostic> errors = validated.diagnostics().errors();
            String printed = new DiagnosticPrinter(false).print(validated.files(), errors).stripTrailing();
            throw new PrismaStartupException("The Prisma schema at " + location + " has " + errors.size()
                    + " error" + (errors.size() == 1 ? "" : "s") + ":\n\n" + printed + "\n\nValidation Error Count: "
                    + errors.size(), "Fix the schema (or point " + PROPERTY + " at the right one) and start again.");
        }
        if (validated.datamodel().provider() == null) {
            throw new PrismaStartupException("The Prisma schema at " + location + " has no datasource block with a "
                    + "provider.", "Add a datasource block with provider = \"postgresql\", \"mysql\" or \"sqlite\".");
        }
        return new PrismaSchema(location, validated);
    }

    private SourceFiles read(String location) {
        Resource single = resolver.getResource(location);
        if (single.isReadable() && location.endsWith(".prisma")) {
            return new SourceFiles(List.of(new SourceFile(location, text(single, location))));
        }
        String folder = location.endsWith("/") ? location : location + "/";
        String base = uri(resolver.getResource(folder));
        List<Resource> found = new ArrayList<>();
        try {
            for (Resource r : resolver.getResources(folder + "**/*.prisma")) {
                String relative = relative(base, uri(r));
                // migration snapshots are schemas too, but not part of the application's schema
                if (r.isReadable() && !relative.startsWith("migrations/") && !relative.contains("/migrations/")) {
                    found.add(r);
                }
            }
        } catch (IOException e) {
            // a folder that does not exist: reported as "not found" below
        }
        if (found.isEmpty()) {
            throw new PrismaStartupException("No Prisma schema was found at " + location + " (" + PROPERTY
                    + "): it is neither a .prisma file nor a folder of .prisma files.",
                    "Put your schema at src/main/resources/prisma/schema.prisma, or set " + PROPERTY
                            + " to its location (classpath:... or a file path).");
        }
        found.sort(Comparator.comparing(PrismaSchemaLoader::uri));
        List<SourceFile> files = new ArrayList<>();
        for (Resource r : found) {
            String name = folder + relative(base, uri(r));
            files.add(new SourceFile(name, text(r, name)));
        }
        return new SourceFiles(files);
    }

    private static String relative(String base, String uri) {
        return uri.startsWith(base) ? uri.substring(base.length()) : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String uri(Resource r) {
        try {
            return r.getURI().toString();
        } catch (IOException e) {
            return r.getDescription();
        }
    }

    private static String text(Resource resource, String name) {
        try (InputStream in = resource.getInputStream()) {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new PrismaStartupException("The schema file " + name + " is not valid UTF-8.",
                    "Save it as UTF-8 and start again.");
        } catch (IOException e) {
            throw new PrismaStartupException("The schema file " + name + " could not be read: " + e.getMessage()
                    + ".", "Check the file and " + PROPERTY + ".", e);
        }
    }
}
