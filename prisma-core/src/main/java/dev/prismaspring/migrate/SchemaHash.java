package dev.prismaspring.migrate;

import dev.prismaspring.schema.Provider;
import dev.prismaspring.sql.CanonicalForm;
import dev.prismaspring.sql.SqlSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of a schema's database structure: {@code sha256:} and the hex SHA-256 of the provider and the
 * {@link CanonicalForm} of its {@link SqlSchema}.
 *
 * <p>Hashing the calculated structure rather than the schema text makes the hash stable over what does not change
 * the database: comments, formatting, field order, relation field names, documentation, generator blocks. Two
 * schemas with the same hash create the same tables. The canonical text is the records' string form, so a library
 * version that changes those records changes every hash; the hash is only ever compared to decide whether a full
 * drift check is needed, so such a change costs one introspection, never a wrong answer.
 */
public final class SchemaHash {

    private SchemaHash() {
    }

    /** The hash of {@code schema} as {@code provider}'s database keeps it. */
    public static String of(SqlSchema schema, Provider provider) {
        String canonical = provider.name() + "\n" + CanonicalForm.of(schema, provider);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
