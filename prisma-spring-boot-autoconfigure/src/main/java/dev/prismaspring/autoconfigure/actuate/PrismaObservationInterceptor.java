package dev.prismaspring.autoconfigure.actuate;

import dev.prismaspring.client.ExecutedStatement;
import dev.prismaspring.client.OperationContext;
import dev.prismaspring.client.PrismaInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.stream.Collectors;

/**
 * One Micrometer observation per client operation, {@value #NAME}: low-cardinality keys {@code model} (the
 * model's schema name, {@code none} for raw SQL), {@code operation} ({@code findMany}, {@code $queryRaw}, ...) and
 * {@code outcome} ({@code SUCCESS} or {@code ERROR}); the SQL run, statements separated by {@code ;\n}, as the
 * high-cardinality key {@code db.statement}. With a meter registry it is a timer; with a tracer, a span named
 * after the operation ({@code User.findMany}).
 */
public class PrismaObservationInterceptor implements PrismaInterceptor {

    /** The observation's name. */
    public static final String NAME = "prisma.client.operations";

    private final ObservationRegistry registry;

    public PrismaObservationInterceptor(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object intercept(OperationContext ctx, Chain chain) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName(ctx.name())
                .lowCardinalityKeyValue("model", ctx.model() == null ? "none" : ctx.model())
                .lowCardinalityKeyValue("operation", ctx.operation())
                .start();
        String outcome = OperationContext.Outcome.ERROR.name();
        try (Observation.Scope scope = observation.openScope()) {
            Object result = chain.proceed();
            outcome = OperationContext.Outcome.SUCCESS.name();
            return result;
        } catch (RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.lowCardinalityKeyValue("outcome", outcome);
            observation.highCardinalityKeyValue("db.statement", ctx.statements().stream()
                    .map(ExecutedStatement::sql).collect(Collectors.joining(";\n")));
            observation.stop();
        }
    }
}
