package dev.prismaspring.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
        List<TypedValue> params = notify(statement);
        return translated(() -> jdbc.query(con -> prepare(con, statement.sql(), params), rs -> {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }));
    }

    @Override
    public int update(Statement statement) {
        List<TypedValue> params = notify(statement);
        return translated(() -> jdbc.update(con -> prepare(con, statement.sql(), params)));
    }

    @Override
    public Object insertForGeneratedKey(Statement statement) {
        List<TypedValue> params = notify(statement);
        return translated(() -> jdbc.execute(con -> {
            setup.apply(con);
            return bind(con.prepareStatement(statement.sql(), java.sql.Statement.RETURN_GENERATED_KEYS), params);
        }, (PreparedStatement ps) -> {
            ps.executeUpdate();
            try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getObject(1) : null;
            }
        }));
    }

    private <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (PrismaException e) {
            throw e;
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            throw errors.translate(e);
        }
    }

    private List<TypedValue> notify(Statement statement) {
        List<TypedValue> params = statement.params();
        if (!listeners.isEmpty()) {
            List<Object> values = params.stream().map(TypedValue::value).toList();
            listeners.forEach(l -> l.onStatement(statement.sql(), values));
        }
        return params;
    }

    private PreparedStatement prepare(Connection con, String sql, List<TypedValue> params) throws SQLException {
        setup.apply(con);
        return bind(con.prepareStatement(sql), params);
    }

    private PreparedStatement bind(PreparedStatement ps, List<TypedValue> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            codec.bind(ps, i + 1, params.get(i));
        }
        return ps;
    }
}
