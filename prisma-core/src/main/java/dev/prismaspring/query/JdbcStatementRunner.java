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

    private static String code(DataAccessException e) {
        String msg = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (msg.contains("too many") && (msg.contains("variables") || msg.contains("parameters")
                || msg.contains("bind"))) {
            return "P2035";
        }
        if (msg.contains("does not exist") && msg.contains("relation") || msg.contains("no such table")
                || msg.contains("doesn't exist")) {
            return "P2021";
        }
        if (msg.contains("column") && (msg.contains("does not exist") || msg.contains("no such column")
                || msg.contains("unknown column"))) {
            return "P2022";
        }
        return "P2010";
    }
}
