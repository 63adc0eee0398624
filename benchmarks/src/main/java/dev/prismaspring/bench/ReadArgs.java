package dev.prismaspring.bench;

import java.util.List;
import java.util.Map;

/** The Prisma Client arguments of the read cases, shared by the end-to-end and compile-only benchmarks. */
public final class ReadArgs {

    private ReadArgs() {
    }

    /** {@code user.findUnique({where: {id}})}. */
    public static Map<String, Object> findUnique(int id) {
        return Map.of("where", Map.of("id", id));
    }

    /** {@code user.findMany({take: 20})}. */
    public static final Map<String, Object> TAKE_20 = Map.of("take", 20);

    /** {@code post.findMany({where: {published: true, views: {gte: 10}}, orderBy: {createdAt: 'desc'}, take: 20})}. */
    public static final Map<String, Object> POSTS_WHERE_ORDER_TAKE = Map.of(
            "where", Map.of("published", true, "views", Map.of("gte", 10)),
            "orderBy", List.of(Map.of("createdAt", "desc")),
            "take", 20);

    /** {@code user.findMany({take: 20, include: {posts: true}, relationLoadStrategy})}. */
    public static Map<String, Object> take20WithPosts(String strategy) {
        return Map.of("take", 20, "include", Map.of("posts", true), "relationLoadStrategy", strategy);
    }

    /** {@code user.findMany({include: {posts: true}, relationLoadStrategy})}: all 1,000 users, 10,000 posts. */
    public static Map<String, Object> allWithPosts(String strategy) {
        return Map.of("include", Map.of("posts", true), "relationLoadStrategy", strategy);
    }

    /** {@code user.findMany({take: 20, include: {posts: {include: {tags: true}}}, relationLoadStrategy})}. */
    public static Map<String, Object> twoLevelInclude(String strategy) {
        return Map.of("take", 20, "include", Map.of("posts", Map.of("include", Map.of("tags", true))),
                "relationLoadStrategy", strategy);
    }
}
