package dev.prismaspring.query.fuzz;

import dev.prismaspring.query.QuerySchema;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates Prisma Client argument trees for a family of operations (reads now; writes by one more implementation).
 * A generator builds a valid tree from the schema and calls {@link FuzzContext#faultHere()} at every point where it
 * could instead make the tree invalid; when that answers {@code true} it injects one fault there and describes it
 * with {@link FuzzContext#fault(String)}.
 */
public interface ArgumentTreeGenerator {

    /** The operations this generator builds arguments for. */
    List<String> operations();

    /** The arguments of {@code operation} on {@code model}. */
    ObjectNode arguments(FuzzContext c, QuerySchema.ModelInfo model, String operation);
}
