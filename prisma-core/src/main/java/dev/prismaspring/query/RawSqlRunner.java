package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.JsonNode;

/**
 * Runs raw SQL ({@code $queryRaw}, {@code $executeRaw}): the text as given, every parameter bound, through
 * Spring's {@link JdbcTemplate} (so it joins a Spring-managed transaction). Parameters are bound by their Java
 * type as model values are (Instant as the dialect stores DateTime, JsonNode as Json, byte[] as Bytes, ...);
 * result columns become the same Java types as model reads where the column type is known from the JDBC
 * metadata ({@link SqlDialect#rawColumnType}). Failures are translated with {@code raw = true} (P2010 unless a
 * constraint or concurrency code applies).
 */
public final class RawSqlRunner {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final List<StatementListener> listeners;
    private final ErrorTranslator errors;
    private final ConnectionSetup setup;

    public RawSqlRunner(DataSource dataSource, QuerySchema schema, List<StatementListener> listeners,
                        ErrorTranslator errors, ConnectionSetup setup) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = schema.dialect();
        this.listeners = listeners;
        this.errors = errors;
        this.setup = setup;
    }

    /** The rows of a query, each a map from column label to value, in column order. */
    public List<Map<String, Object>> query(String sql, List<Object> params) {
        notifyListeners(sql, params);
        try {
            return jdbc.query(con -> prepare(con, sql, params), rs -> {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                ScalarType[] types = new ScalarType[n + 1];
                String[] labels = new String[n + 1];
                for (int i = 1; i <= n; i++) {
                    types[i] = dialect.rawColumnType(md, i);
                    labels[i] = md.getColumnLabel(i);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(labels[i], read(rs, i, types[i]));
                    }
                    rows.add(row);
                }
                return rows;
            });
        } catch (DataAccessException | TransactionException e) {
            throw errors.translate(e, true);
        }
    }

    /** The number of rows a statement changed. */
    public int execute(String sql, List<Object> params) {
        notifyListeners(sql, params);
        try {
            Integer count = jdbc.execute((org.springframework.jdbc.core.PreparedStatementCreator)
                    con -> prepare(con, sql, params), (PreparedStatement ps) -> ps.executeUpdate());
            return count == null ? 0 : count;
        } catch (DataAccessException | TransactionException e) {
            throw errors.translate(e, true);
        }
    }

    private void notifyListeners(String sql, List<Object> params) {
        if (!listeners.isEmpty()) {
            List<Object> values = java.util.Collections.unmodifiableList(new ArrayList<>(params));
            listeners.forEach(l -> l.onStatement(sql, values));
        }
    }

    private PreparedStatement prepare(java.sql.Connection con, String sql, List<Object> params) throws SQLException {
        setup.apply(con);
        PreparedStatement ps = con.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            bind(ps, i + 1, params.get(i));
        }
        return ps;
    }

    private void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            dialect.bindValue(ps, index, ScalarType.Int, ((Number) value).intValue());
        } else if (value instanceof Long l) {
            dialect.bindValue(ps, index, ScalarType.BigInt, l);
        } else if (value instanceof BigInteger b) {
            dialect.bindValue(ps, index, ScalarType.Decimal, new BigDecimal(b));
        } else if (value instanceof Double || value instanceof Float) {
            dialect.bindValue(ps, index, ScalarType.Float, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            dialect.bindValue(ps, index, ScalarType.Decimal, d);
        } else if (value instanceof Boolean b) {
            dialect.bindValue(ps, index, ScalarType.Boolean, b);
        } else if (value instanceof String s) {
            dialect.bindValue(ps, index, ScalarType.String, s);
        } else if (value instanceof Instant t) {
            dialect.bindValue(ps, index, ScalarType.DateTime, t);
        } else if (value instanceof OffsetDateTime t) {
            dialect.bindValue(ps, index, ScalarType.DateTime, t.toInstant());
        } else if (value instanceof ZonedDateTime t) {
            dialect.bindValue(ps, index, ScalarType.DateTime, t.toInstant());
        } else if (value instanceof java.util.Date d) {
            dialect.bindValue(ps, index, ScalarType.DateTime, d.toInstant());
        } else if (value instanceof JsonNode n) {
            dialect.bindValue(ps, index, ScalarType.Json, ArgumentParser.JSON.writeValueAsString(n));
        } else if (value instanceof byte[] b) {
            dialect.bindValue(ps, index, ScalarType.Bytes, b);
        } else if (value instanceof Enum<?> e) {
            dialect.bindValue(ps, index, ScalarType.String, e.name());
        } else {
            ps.setObject(index, value);
        }
    }

    private Object read(ResultSet rs, int index, ScalarType type) throws SQLException {
        if (type == null) {
            Object value = rs.getObject(index);
            if (value instanceof java.sql.Array a) {
                return Arrays.asList((Object[]) a.getArray());
            }
            return value;
        }
        Object raw = dialect.readRawValue(rs, index, type);
        return rs.wasNull() || raw == null ? null : ValueCodec.convert(raw, type);
    }
}
