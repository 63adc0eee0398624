package dev.prismaspring.samples.blog;

import dev.prismaspring.client.PrismaClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posts: list (filter by published and tag), get one with its comments, create, update, delete, tag, comment.
 * Every call is one Prisma Client query; arguments are plain maps in Prisma's shape.
 */
@RestController
@RequestMapping("/posts")
class PostController {

    /** What a post comes back with. */
    private static final Map<String, Object> WITH_AUTHOR_AND_TAGS = Map.of(
            "author", Map.of("select", Map.of("id", true, "email", true, "name", true)),
            "tags", Map.of("select", Map.of("name", true), "orderBy", Map.of("name", "asc")));

    private final PrismaClient prisma;

    PostController(PrismaClient prisma) {
        this.prisma = prisma;
    }

    /** A new post: its author by id or e-mail, tags by name (created when new). */
    record NewPost(String title, String content, Boolean published, Integer authorId, String authorEmail,
            List<String> tags) {
    }

    /** The fields a post update may change. */
    record PostChanges(String title, String content, Boolean published) {
    }

    /** A tag to put on a post. */
    record NewTag(String name) {
    }

    /** A comment on a post. */
    record NewComment(Integer authorId, String text) {
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) Boolean published,
            @RequestParam(required = false) String tag, @RequestParam(defaultValue = "20") int take) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (published != null) {
            where.put("published", published);
        }
        if (tag != null) {
            where.put("tags", Map.of("some", Map.of("name", tag)));
        }
        return prisma.model("Post").findMany(Map.of(
                "where", where,
                "include", WITH_AUTHOR_AND_TAGS,
                "orderBy", List.of(Map.of("createdAt", "desc"), Map.of("id", "desc")),
                "take", take));
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable int id) {
        Map<String, Object> include = new LinkedHashMap<>(WITH_AUTHOR_AND_TAGS);
        include.put("comments", Map.of("include", Map.of("author", Map.of("select", Map.of("email", true))),
                "orderBy", List.of(Map.of("createdAt", "asc"), Map.of("id", "asc"))));
        Map<String, Object> post = prisma.model("Post").findUnique(Map.of("where", Map.of("id", id),
                "include", include));
        return post == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(post);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Object create(@RequestBody NewPost body) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", body.title());
        if (body.content() != null) {
            data.put("content", body.content());
        }
        if (body.published() != null) {
            data.put("published", body.published());
        }
        data.put("author", Map.of("connect", body.authorId() != null ? Map.of("id", body.authorId())
                : Map.of("email", String.valueOf(body.authorEmail()))));
        if (body.tags() != null && !body.tags().isEmpty()) {
            List<Map<String, Object>> tags = new ArrayList<>();
            for (String name : body.tags()) {
                tags.add(Map.of("where", Map.of("name", name), "create", Map.of("name", name)));
            }
            data.put("tags", Map.of("connectOrCreate", tags));
        }
        return prisma.model("Post").run("create", Map.of("data", data, "include", WITH_AUTHOR_AND_TAGS));
    }

    @PutMapping("/{id}")
    Object update(@PathVariable int id, @RequestBody PostChanges body) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (body.title() != null) {
            data.put("title", body.title());
        }
        if (body.content() != null) {
            data.put("content", body.content());
        }
        if (body.published() != null) {
            data.put("published", body.published());
        }
        return prisma.model("Post").run("update", Map.of("where", Map.of("id", id), "data", data,
                "include", WITH_AUTHOR_AND_TAGS));
    }

    @DeleteMapping("/{id}")
    Object delete(@PathVariable int id) {
        return prisma.model("Post").run("delete", Map.of("where", Map.of("id", id)));
    }

    @PostMapping("/{id}/tags")
    Object tag(@PathVariable int id, @RequestBody NewTag body) {
        return prisma.model("Post").run("update", Map.of("where", Map.of("id", id),
                "data", Map.of("tags", Map.of("connectOrCreate", Map.of("where", Map.of("name", body.name()),
                        "create", Map.of("name", body.name())))),
                "include", WITH_AUTHOR_AND_TAGS));
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Object comment(@PathVariable int id, @RequestBody NewComment body) {
        return prisma.model("Comment").run("create", Map.of("data", Map.of("text", String.valueOf(body.text()),
                "post", Map.of("connect", Map.of("id", id)),
                "author", Map.of("connect", Map.of("id", body.authorId() == null ? -1 : body.authorId())))));
    }
}
