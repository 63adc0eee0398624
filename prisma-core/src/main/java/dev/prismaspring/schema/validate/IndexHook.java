package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.Provider;
import java.util.List;

/**
 * Where the PostgreSQL index checks plug in: index algorithm ({@code type: Gin}) against the field
 * types, and operator classes ({@code ops: ...}) against algorithm and native types.
 * The validator already rejects non-BTree index types on other connectors.
 *
 * <p>TODO(postgres-indexes): wire the operator class / index type checks in here.
 */
final class IndexHook {

    private IndexHook() {
    }

    /**
     * Validates one index definition.
     *
     * @param provider      the datasource provider (may be {@code null})
     * @param type          the index algorithm as written, or {@code null}
     * @param fields        the indexed fields with their arguments
     * @param attributeName {@code @@index}, {@code @@unique}, ...
     * @param span          the attribute
     * @param d             where to report
     */
    static void check(Provider provider, String type, List<Model.IdxField> fields, String attributeName, Span span,
                      Diagnostics d) {
        // intentionally empty until the PostgreSQL index work lands
    }
}
