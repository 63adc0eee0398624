package dev.prismaspring.cli;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.sql.Introspector;
import dev.prismaspring.sql.SqlSchema;
import dev.prismaspring.sql.pull.PslRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prisma db pull}: introspects a live database and writes its structure as a Prisma schema. When the schema
 * file exists, its datasource and generator blocks are kept and its names (models, fields, enums, relations) are
 * reused where they map to the same tables and columns, as Prisma's re-introspection does.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Write a schema.prisma from the structure of a live database.")
final class DbPullCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, paramLabel = "U", description = "JDBC URL of the database.")
    String url;

    @Option(names = "--schema", paramLabel = "F", defaultValue = "prisma/schema.prisma",
            description = "The schema file to write (default: ${DEFAULT-VALUE}).")
    Path schema;

    @Option(names = "--print", description = "Print the schema instead of writing it.")
    boolean print;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.isDirectory(schema)) {
            throw CliException.usage("db pull writes one file, and " + schema + " is a folder. Pass --schema with "
                    + "a file path, e.g. " + schema.resolve("schema.prisma") + ".");
        }
        String existing = null;
        if (Files.exists(schema)) {
            try {
                existing = Files.readString(schema, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.usage("Could not read " + schema + ": " + e.getMessage() + ".");
            }
        }
        Datamodel previous = null;
        if (existing != null) {
            ValidatedSchema v = SchemaValidator.validate(existing);
            previous = v.datamodel();
        }
        String configBlocks = existing == null ? null : configBlocks(existing);
        SqlSchema sql;
        Provider provider;
        try (Connection c = JdbcUrls.connect(url)) {
            provider = Introspector.providerOf(c);
            Provider written = previous == null || previous.datasource() == null ? null
                    : previous.datasource().provider();
            if (written != null && written != provider) {
                throw CliException.user("The datasource in " + schema + " uses provider \"" + name(written)
                        + "\", but the database at " + JdbcUrls.redact(url) + " is " + name(provider)
                        + ". Change the provider or pull from another database.");
            }
            if (written == null) {
                configBlocks = configBlocks == null ? null : dropDatasource(configBlocks);
            }
            List<String> schemas = previous != null && previous.datasource() != null
                    ? previous.datasource().schemas() : List.of();
            sql = Introspector.forProvider(provider).introspect(c, schemas);
        } catch (SQLException e) {
            throw CliException.usage("Could not read the structure of the database at " + JdbcUrls.redact(url)
                    + ": " + e.getMessage() + ".");
        }
        if (sql.tables().isEmpty() && sql.enums().isEmpty()) {
            throw CliException.user("The database at " + JdbcUrls.redact(url) + " is empty: there are no tables "
                    + "to introspect. Create some tables first, or use migrate to create them from a schema.");
        }
        String text = PslRenderer.render(sql, provider, previous, configBlocks);
        PrintWriter out = spec.commandLine().getOut();
        if (print) {
            out.print(text);
            out.flush();
            return PrismaCli.OK;
        }
        try {
            if (schema.toAbsolutePath().getParent() != null) {
                Files.createDirectories(schema.toAbsolutePath().getParent());
            }
            Files.writeString(schema, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("Could not write " + schema + ": " + e.getMessage() + ".");
        }
        long models = text.lines().filter(l -> l.startsWith("model ")).count();
        long enums = text.lines().filter(l -> l.startsWith("enum ")).count();
        out.println("Introspected " + models + (models == 1 ? " model" : " models")
                + (enums > 0 ? " and " + enums + (enums == 1 ? " enum" : " enums") : "") + " and wrote them into "
                + schema + ".");
        out.flush();
        return PrismaCli.OK;
    }

    private static String name(Provider p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    private static final Pattern BLOCK_START = Pattern.compile("(?m)^[ \\t]*(datasource|generator)\\s+\\w+\\s*\\{");

    /** The datasource and generator blocks of a schema text, in order, separated by blank lines. */
    static String configBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK_START.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int end = blockEnd(text, m.end());
            if (end < 0) {
                break;
            }
            blocks.add(text.substring(m.start(), end).strip());
            from = end;
        }
        return blocks.isEmpty() ? null : String.join("\n\n", blocks);
    }

    private static String dropDatasource(String blocks) {
        List<String> kept = new ArrayList<>();
        for (String block : blocks.split("\n\n")) {
            if (!block.stripLeading().startsWith("datasource")) {
                kept.add(block);
            }
        }
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }

    /** The index after the brace that closes the block opened before {@code start}, or -1. */
    private static int blockEnd(String text, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
