package dev.prismaspring.query;

/**
 * What the classes of the write path share for the life of a {@link WriteEngine}.
 *
 * @param bindLimit        the bind parameters one statement may carry (the smaller of the configured and the
 *                         dialect's limit)
 * @param emulateRelations whether referential actions are emulated ({@code relationMode = "prisma"})
 */
record WriteSupport(QuerySchema schema, StatementRunner runner, QueryEngine reads, Transactions transactions,
                    int bindLimit, boolean emulateRelations, RecordLookup lookup, WrittenRecords written) {
}
