package dev.prismaspring.client;

import dev.prismaspring.query.ArgumentParser;
import dev.prismaspring.query.Query;
import dev.prismaspring.query.QueryEngine;
import dev.prismaspring.query.WriteEngine;
import java.util.List;
import java.util.Map;

/**
 * The operations of one model. Arguments are Prisma Client's, given as a JSON string, a {@code Map} or a Jackson
 * {@code JsonNode} ({@code null} means no arguments). Invalid arguments throw
 * {@link dev.prismaspring.query.PrismaValidationException} before any SQL runs; other failures throw
 * {@link dev.prismaspring.query.PrismaException} with Prisma's code.
 */
public final class ModelDelegate {

    private final String model;
    private final ArgumentParser parser;
    private final QueryEngine engine;
    private final WriteEngine writes;

    ModelDelegate(String model, ArgumentParser parser, QueryEngine engine, WriteEngine writes) {
        this.model = model;
        this.parser = parser;
        this.engine = engine;
        this.writes = writes;
    }

    /** The model's schema name. */
    public String name() {
        return model;
    }

    /** Runs any operation by name (as the CLI does); the result is what the typed method returns. */
    public Object run(String operation, Object args) {
        Query q = parser.parse(model, operation, args);
        return q instanceof Query.Write w ? writes.execute(w) : engine.execute(q);
    }

    /** Validates arguments without running anything. */
    public Query parse(String operation, Object args) {
        return parser.parse(model, operation, args);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> findUnique(Object args) {
        return (Map<String, Object>) run("findUnique", args);
    }

    /** As findUnique, but P2025 when there is no such record. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> findUniqueOrThrow(Object args) {
        return (Map<String, Object>) run("findUniqueOrThrow", args);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> findFirst(Object args) {
        return (Map<String, Object>) run("findFirst", args);
    }

    /** As findFirst, but P2025 when there is no such record. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> findFirstOrThrow(Object args) {
        return (Map<String, Object>) run("findFirstOrThrow", args);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findMany(Object args) {
        return (List<Map<String, Object>>) run("findMany", args);
    }

    /** findMany with each record mapped to {@code type} by Jackson (DateTime, Decimal, ... converted as usual). */
    public <T> List<T> findMany(Object args, Class<T> type) {
        return findMany(args).stream().map(r -> PrismaJson.convert(r, type)).toList();
    }

    /** findUnique mapped to {@code type}, or {@code null}. */
    public <T> T findUnique(Object args, Class<T> type) {
        Map<String, Object> r = findUnique(args);
        return r == null ? null : PrismaJson.convert(r, type);
    }

    /** findFirst mapped to {@code type}, or {@code null}. */
    public <T> T findFirst(Object args, Class<T> type) {
        Map<String, Object> r = findFirst(args);
        return r == null ? null : PrismaJson.convert(r, type);
    }

    /** The number of records ({@code Integer}), or a map of counts with {@code select: {_all, field}}. */
    public Object count(Object args) {
        return run("count", args);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> aggregate(Object args) {
        return (Map<String, Object>) run("aggregate", args);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> groupBy(Object args) {
        return (List<Map<String, Object>>) run("groupBy", args);
    }

    // ------------------------------------------------------------------------------------------ writes

    /** Creates a record (with nested writes); returns it as {@code select}/{@code include}/{@code omit} ask. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> create(Object args) {
        return (Map<String, Object>) run("create", args);
    }

    /** Inserts records in one statement per chunk ({@code skipDuplicates} supported); returns {@code {count}}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> createMany(Object args) {
        return (Map<String, Object>) run("createMany", args);
    }

    /** As createMany, returning the created records (PostgreSQL and SQLite only, as in Prisma). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> createManyAndReturn(Object args) {
        return (List<Map<String, Object>>) run("createManyAndReturn", args);
    }

    /** Updates the record named by a unique {@code where}; P2025 when there is none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> update(Object args) {
        return (Map<String, Object>) run("update", args);
    }

    /** Updates every record matching {@code where} (at most {@code limit}); returns {@code {count}}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> updateMany(Object args) {
        return (Map<String, Object>) run("updateMany", args);
    }

    /** As updateMany, returning the updated records (PostgreSQL and SQLite only, as in Prisma). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> updateManyAndReturn(Object args) {
        return (List<Map<String, Object>>) run("updateManyAndReturn", args);
    }

    /** Updates the record named by {@code where}, or creates it from {@code create}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> upsert(Object args) {
        return (Map<String, Object>) run("upsert", args);
    }

    /**
     * Bulk upsert (an extension of this client): {@code {data: [...], where?: "uniqueCriterion", update?: {...}}}
     * in one {@code INSERT ... ON CONFLICT} / {@code ON DUPLICATE KEY UPDATE} per chunk; returns {@code {count}}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> upsertMany(Object args) {
        return (Map<String, Object>) run("upsertMany", args);
    }

    /** Deletes the record named by a unique {@code where} and returns it; P2025 when there is none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> delete(Object args) {
        return (Map<String, Object>) run("delete", args);
    }

    /** Deletes every record matching {@code where} (at most {@code limit}); returns {@code {count}}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> deleteMany(Object args) {
        return (Map<String, Object>) run("deleteMany", args);
    }
}
