package dev.prismaspring.typed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prismaspring.TestSchemas;
import dev.prismaspring.query.QuerySchema;
import dev.prismaspring.query.TypedValue;
import dev.prismaspring.query.ValueCodec;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.SchemaValidator;
import dev.prismaspring.schema.ValidatedSchema;
import dev.prismaspring.testdb.DbKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The blog schema the typed client was generated from (prisma-core's {@code blog.prisma}), for a provider, and
 * its seed rows, inserted with bound values through the client's own {@link ValueCodec}.
 */
final class BlogFixture {

    static final Path SCHEMA = Path.of("../prisma-core/src/test/resources/schemas/blog.prisma");

    static final Instant JAN = Instant.parse("2026-01-01T10:00:00.123Z");
    static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant MAR = Instant.parse("2026-03-01T12:30:00Z");

    private BlogFixture() {
    }

    static String provider(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case SQLITE -> "sqlite";
        };
    }

    /** The blog datamodel for the kind's provider (without native types on SQLite, as TestSchemas.blog does). */
    static Datamodel datamodel(DbKind kind) {
        String provider = provider(kind);
        String text = TestSchemas.read(SCHEMA).replace("provider = \"postgresql\"", "provider = \"" + provider + "\"");
        if (provider.equals("sqlite")) {
            text = text.replaceAll(" @db\\.\\w+(\\([^)]*\\))?", "");
        }
        ValidatedSchema v = SchemaValidator.validate(text);
        assertThat(v.isValid()).as(v.diagnostics().toString()).isTrue();
        return v.datamodel();
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * Users alice (ADMIN, profile, posts p1 published and p2 draft), bob (USER, post p3 published), carol (USER,
     * no name, no posts); tags java (p1), sql (p1, p3), unused.
     */
    static void seed(Datamodel dm, DataSource ds) throws SQLException {
        QuerySchema schema = new QuerySchema(dm);
        ValueCodec codec = new ValueCodec(schema);
        // autoincrement ids are left to the database (1, 2, 3 in insertion order on a fresh database), so that
        // later creates continue the sequences
        insert(schema, codec, ds, "User", List.of(
                row("email", "alice@example.com", "name", "Alice", "role", "ADMIN", "createdAt", JAN),
                row("email", "bob@example.com", "name", "Bob", "role", "USER", "createdAt", FEB),
                row("email", "carol@example.com", "role", "USER", "createdAt", MAR)));
        insert(schema, codec, ds, "Profile", List.of(row("bio", "Alice bio", "userId", 1)));
        insert(schema, codec, ds, "Post", List.of(
                row("id", "p1", "title", "Hello World", "content", "first", "published", true, "authorId", 1,
                        "updatedAt", JAN),
                row("id", "p2", "title", "Draft", "content", "later", "published", false, "authorId", 1,
                        "updatedAt", FEB),
                row("id", "p3", "title", "Bob's post", "published", true, "authorId", 2, "updatedAt", MAR)));
        insert(schema, codec, ds, "Tag", List.of(row("name", "java"), row("name", "sql"), row("name", "unused")));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + schema.dialect().quote("_PostToTag") + " (" + schema.dialect().quote("A") + ", "
                + schema.dialect().quote("B") + ") VALUES (?, ?)")) {
            for (Object[] link : new Object[][] {{"p1", 1}, {"p1", 2}, {"p3", 2}}) {
                ps.setString(1, (String) link[0]);
                ps.setInt(2, (Integer) link[1]);
                ps.executeUpdate();
            }
        }
    }

    private static void insert(QuerySchema schema, ValueCodec codec, DataSource ds, String model,
                               List<Map<String, Object>> rows) throws SQLException {
        QuerySchema.ModelInfo m = schema.model(model);
        try (Connection c = ds.getConnection()) {
            for (Map<String, Object> row : rows) {
                List<String> cols = new ArrayList<>();
                List<TypedValue> values = new ArrayList<>();
                row.forEach((k, v) -> {
                    Datamodel.ScalarField f = m.scalar(k);
                    cols.add(m.column(f));
                    values.add(f.type() instanceof Datamodel.EnumRef e
                            ? new TypedValue(dbName(schema, e.enumName(), (String) v), null, e.enumName(), false)
                            : TypedValue.of(v, ((Datamodel.BuiltIn) f.type()).type()));
                });
                String sql = "INSERT INTO " + m.table() + " (" + String.join(", ", cols) + ") VALUES ("
                        + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.size(); i++) {
                        codec.bind(ps, i + 1, values.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String dbName(QuerySchema schema, String enumName, String value) {
        return schema.datamodel().enumType(enumName).orElseThrow().values().stream()
                .filter(x -> x.name().equals(value)).findFirst().orElseThrow().dbName();
    }
}
