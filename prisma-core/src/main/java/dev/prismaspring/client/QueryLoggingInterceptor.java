package dev.prismaspring.client;

import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs every operation's statements after it ran, one line per statement, as Prisma's {@code log: ['query']}:
 * {@code prisma:query User.findMany 1.42 ms SELECT ...}, and failures as
 * {@code prisma:error User.create 0.91 ms P2002 Unique constraint failed ...}. Bound values are logged only when
 * asked for ({@code -- params [..]}), since they may hold personal data.
 *
 * <p>Logs at INFO through Commons Logging (which Spring routes to the application's logging system) under the
 * logger name {@value #LOGGER_NAME}; {@code prisma.client.log-queries=true} registers it in Spring Boot.
 */
public final class QueryLoggingInterceptor implements PrismaInterceptor {

    /** The logger name. */
    public static final String LOGGER_NAME = "dev.prismaspring.query";

    private final Consumer<String> sink;
    private final boolean logParams;

    /** Logs to {@value #LOGGER_NAME} at INFO, without bound values. */
    public QueryLoggingInterceptor() {
        this(false);
    }

    /** Logs to {@value #LOGGER_NAME} at INFO; with {@code logParams}, bound values too. */
    public QueryLoggingInterceptor(boolean logParams) {
        this(infoLog(), logParams);
    }

    /** Logs each line to {@code sink}. */
    public QueryLoggingInterceptor(Consumer<String> sink, boolean logParams) {
        this.sink = sink;
        this.logParams = logParams;
    }

    private static Consumer<String> infoLog() {
        Log log = LogFactory.getLog(LOGGER_NAME);
        return line -> {
            if (log.isInfoEnabled()) {
                log.info(line);
            }
        };
    }

    @Override
    public Object intercept(OperationContext ctx, Chain chain) {
        try {
            Object result = chain.proceed();
            log(ctx, null);
            return result;
        } catch (RuntimeException | Error e) {
            log(ctx, e);
            throw e;
        }
    }

    private void log(OperationContext ctx, Throwable error) {
        String head = ctx.name() + " " + String.format(Locale.ROOT, "%.2f ms", ctx.duration().toNanos() / 1e6);
        for (ExecutedStatement s : ctx.statements()) {
            sink.accept("prisma:query " + head + " " + s.sql() + (logParams ? " -- params " + s.params() : ""));
        }
        if (error != null) {
            String code = error instanceof dev.prismaspring.query.PrismaException p ? p.code() + " " : "";
            sink.accept("prisma:error " + head + " " + code + error.getMessage());
        }
    }
}
