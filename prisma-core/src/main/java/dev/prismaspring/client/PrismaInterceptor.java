package dev.prismaspring.client;

/**
 * Wraps every client operation (model operations such as {@code User.findMany}, and {@code $queryRaw} /
 * {@code $executeRaw}), like a servlet filter: it sees the {@link OperationContext} (model, operation, arguments),
 * calls {@link Chain#proceed()} to run the operation (and the interceptors after it), and returns its result,
 * or another. It may change the arguments first ({@link OperationContext#args(Object)}), return without
 * proceeding (short-circuit), or catch and replace errors. After {@code proceed} returns or throws, the context
 * holds the statements run, the duration and the outcome.
 *
 * <p>Interceptors run in the order they were registered on the {@link PrismaClient.Builder}, the first outermost.
 * Operations inside a sequential transaction are intercepted one by one.
 */
@FunctionalInterface
public interface PrismaInterceptor {

    Object intercept(OperationContext ctx, Chain chain);

    /** The rest of the chain: the next interceptors, then the operation itself. */
    @FunctionalInterface
    interface Chain {
        /** Runs the rest with the context's current arguments and returns the result. */
        Object proceed();
    }
}
