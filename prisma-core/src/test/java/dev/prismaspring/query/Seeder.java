package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Inserts test rows with the client's own value conventions (bound through {@link ValueCodec}). */
final class Seeder {

    private final QuerySchema schema;
    private final ValueCodec codec;
    private final DataSource dataSource;

    Seeder(QuerySchema schema, DataSource dataSource) {
        this.schema = schema;
        this.codec = new ValueCodec(schema);
        this.dataSource = dataSource;
    }

    /** Inserts rows of a model; values by field name (enums by schema name). */
    void insert(String model, List<Map<String, Object>> rows) throws SQLException {
        QuerySchema.ModelInfo m = schema.model(model);
        try (Connection c = dataSource.getConnection()) {
            for (Map<String, Object> row : rows) {
                List<String> cols = new ArrayList<>();
                List<TypedValue> values = new ArrayList<>();
                row.forEach((k, v) -> {
                    Datamodel.ScalarField f = m.scalar(k);
                    cols.add(m.column(f));
                    values.add(typed(f, v));
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

    /** Inserts rows into an implicit m-n table. */
    void link(String table, int a, int b) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema.dialect().quote(table) + " ("
                     + schema.dialect().quote("A") + ", " + schema.dialect().quote("B") + ") VALUES (?, ?)")) {
            ps.setInt(1, a);
            ps.setInt(2, b);
            ps.executeUpdate();
        }
    }

    /** Many rows of (id, parent id) fast, in one batch. */
    void batch(String sql, List<int[]> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            for (int[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    ps.setInt(i + 1, r[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(auto);
        }
    }

    private TypedValue typed(Datamodel.ScalarField f, Object v) {
        if (f.type() instanceof Datamodel.EnumRef e) {
            String db = schema.datamodel().enumType(e.enumName()).orElseThrow().values().stream()
                    .filter(x -> x.name().equals(v)).findFirst().orElseThrow().dbName();
            return new TypedValue(db, null, e.enumName(), false);
        }
        return TypedValue.of(v, ((Datamodel.BuiltIn) f.type()).type());
    }
}
