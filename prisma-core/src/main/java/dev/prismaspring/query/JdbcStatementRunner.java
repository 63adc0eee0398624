package dev.prismaspring.query;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs statements through Spring's {@link JdbcTemplate}, so that they join a Spring-managed transaction
 * (connections come from {@code DataSourceUtils}, and a transaction's timeout becomes each statement's query
 * timeout); every value is a bind parameter. Database errors become {@link PrismaException}s through the
 * {@link ErrorTranslator}.
 */
public final class JdbcStatementRunner implements StatementRunner {

    private final JdbcTemplate jdbc;
    private final ValueCodec codec;
    private final List<StatementListener> listeners;
    private final ErrorTranslator errors;
    private final ConnectionSetup setup;

    public JdbcStatementRunner(DataSource dataSource, ValueCodec codec, List<StatementListener> listeners) {
        this(dataSource, codec, listeners, new ErrorTranslator(codec.schema()));
    }

    public JdbcStatementRunner(DataSource dataSource, ValueCodec codec, List<StatementListener> listeners,
                               ErrorTranslator errors) {
        this(dataSource, codec, listeners, errors, new ConnectionSetup(codec.schema().dialect()));
    }

    public JdbcStatementRunner(DataSource dataSource, ValueCodec codec, List<StatementListener> listeners,
                               ErrorTranslator errors, ConnectionSetup setup) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.codec = codec;
        this.listeners = listeners;
        this.errors = errors;
        this.setup = setup;
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
                setup.apply(con);
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
        } catch (PrismaException e) {
            throw e;
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            throw errors.translate(e);
        }
    }
}
