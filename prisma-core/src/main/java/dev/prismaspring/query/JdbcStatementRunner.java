package dev.prismaspring.query;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs statements through Spring's {@link JdbcTemplate}, so that they join a Spring-managed transaction
 * (connections come from {@code DataSourceUtils}); every value is a bind parameter.
 */
public final class JdbcStatementRunner implements StatementRunner {

    private final JdbcTemplate jdbc;
    private final ValueCodec codec;
    private final List<StatementListener> listeners;

    public JdbcStatementRunner(DataSource dataSource, ValueCodec codec, List<StatementListener> listeners) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.codec = codec;
        this.listeners = listeners;
    }

    @Override
    public <T> List<T> query(Statement statement, RowMapper<T> mapper) {
        String sql = statement.sql();
        List<TypedValue> params = statement.params();
        if (!listeners.isEmpty()) {
            List<Object> values = params.stream().map(TypedValue::value).toList();
            listeners.forEach(l -> l.onStatement(sql, values));
        }
        try {
            return jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                for (int i = 0; i < params.size(); i++) {
                    codec.bind(ps, i + 1, params.get(i));
                }
                return ps;
            }, rs -> {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            });
        } catch (DataAccessException e) {
            throw new PrismaException(code(e), "The query failed: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    @Override
    public int update(Statement statement) {
        String sql = statement.sql();
        List<TypedValue> params = statement.params();
        notify(sql, params);
        try {
            return jdbc.update(con -> prepare(con.prepareStatement(sql), params));
        } catch (DataAccessException e) {
            throw new PrismaException(code(e), "The query failed: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    @Override
    public Object insertForGeneratedKey(Statement statement) {
        String sql = statement.sql();
        List<TypedValue> params = statement.params();
        notify(sql, params);
        try {
            return jdbc.execute(con -> prepare(con.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS),
                    params), (PreparedStatement ps) -> {
                ps.executeUpdate();
                try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getObject(1) : null;
                }
            });
        } catch (DataAccessException e) {
            throw new PrismaException(code(e), "The query failed: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    private void notify(String sql, List<TypedValue> params) {
        if (!listeners.isEmpty()) {
            List<Object> values = params.stream().map(TypedValue::value).toList();
            listeners.forEach(l -> l.onStatement(sql, values));
        }
    }

    private PreparedStatement prepare(PreparedStatement ps, List<TypedValue> params) throws java.sql.SQLException {
        for (int i = 0; i < params.size(); i++) {
            codec.bind(ps, i + 1, params.get(i));
        }
        return ps;
    }

    /** Prisma's code for a database error, by SQLSTATE / vendor code where known, else by message. */
    static String code(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        String state = cause instanceof java.sql.SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        int vendor = cause instanceof java.sql.SQLException sql ? sql.getErrorCode() : 0;
        String msg = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (state.equals("42P01") || state.equals("42S02") || vendor == 1146 || msg.contains("no such table")) {
            return "P2021";
        }
        if (state.equals("42703") || state.equals("42S22") || vendor == 1054 || msg.contains("no such column")) {
            return "P2022";
        }
        if (state.equals("54000") || vendor == 1390 || msg.contains("too many sql variables")
                || msg.contains("too many bind") || msg.contains("too many parameters")) {
            return "P2035";
        }
        if (state.equals("22003") || vendor == 1264) {
            return "P2020";
        }
        return "P2010";
    }
}
