package dev.prismaspring.client;

import dev.prismaspring.query.ArgumentParser;
import dev.prismaspring.query.Query;
import dev.prismaspring.query.QueryEngine;
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
    private final PrismaClient client;

    ModelDelegate(String model, ArgumentParser parser, QueryEngine engine, PrismaClient client) {
        this.model = model;
        this.parser = parser;
        this.engine = engine;
        this.client = client;
    }

    /** The model's schema name. */
    public String name() {
        return model;
    }

    /**
     * Runs any operation by name (as the CLI does); the result is what the typed method returns. The operation
     * passes the client's interceptors; database errors become {@link dev.prismaspring.query.PrismaException}s.
     */
    public Object run(String operation, Object args) {
        return client.intercepted(model, operation, args, false, a -> engine.execute(parser.parse(model, operation, a)));
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
}
