package dev.prismaspring.liquibase;

import dev.prismaspring.migrate.files.Migration;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.resource.AbstractResource;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Serves the {@code <id>/migration.sql} texts of a list of {@link Migration}s to Liquibase, from memory: the
 * migrations may come from a folder, from the classpath inside a jar, or from anywhere else the caller read them.
 * Uses only the {@link ResourceAccessor} methods Liquibase 4.33 and 5.x share.
 */
final class MigrationResourceAccessor implements ResourceAccessor {

    private final Map<String, String> texts = new LinkedHashMap<>();

    MigrationResourceAccessor(List<Migration> migrations) {
        for (Migration m : migrations) {
            texts.put(m.relativeSqlPath(), m.sqlText());
        }
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("classpath:")) {
            p = p.substring("classpath:".length());
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        String prefix = normalize(path);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        List<Resource> out = new ArrayList<>();
        for (var e : texts.entrySet()) {
            String rest = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : null;
            if (rest != null && (recursive || !rest.contains("/"))) {
                out.add(new TextResource(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    @Override
    public List<Resource> getAll(String path) {
        String text = texts.get(normalize(path));
        return text == null ? null : List.of(new TextResource(normalize(path), text));
    }

    @Override
    public List<String> describeLocations() {
        return List.of("the Prisma migrations (" + texts.size() + " migration.sql files)");
    }

    @Override
    public void close() {
    }

    /** One migration.sql, held in memory. */
    private final class TextResource extends AbstractResource {

        private final String text;

        TextResource(String path, String text) {
            super(path, URI.create("prisma-migration:/" + path));
            this.text = text;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public Resource resolve(String other) {
            return resource(resolvePath(other));
        }

        @Override
        public Resource resolveSibling(String other) {
            return resource(resolveSiblingPath(other));
        }

        private Resource resource(String path) {
            List<Resource> found = getAll(path);
            return found == null ? new ResourceAccessor.NotFoundResource(path, MigrationResourceAccessor.this)
                    : found.get(0);
        }
    }
}
