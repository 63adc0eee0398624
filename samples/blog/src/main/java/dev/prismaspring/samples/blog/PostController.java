package dev.prismaspring.samples.blog;

import dev.prismaspring.client.typed.SortOrder;
import dev.prismaspring.samples.blog.db.Comment;
import dev.prismaspring.samples.blog.db.CommentCreateInput;
import dev.prismaspring.samples.blog.db.CommentOrderByWithRelationInput;
import dev.prismaspring.samples.blog.db.Post;
import dev.prismaspring.samples.blog.db.PostCreateInput;
import dev.prismaspring.samples.blog.db.PostInclude;
import dev.prismaspring.samples.blog.db.PostOrderByWithRelationInput;
import dev.prismaspring.samples.blog.db.PostUpdateInput;
import dev.prismaspring.samples.blog.db.PostWhereInput;
import dev.prismaspring.samples.blog.db.Prisma;
import dev.prismaspring.samples.blog.db.TagCreateInput;
import dev.prismaspring.samples.blog.db.TagWhereUniqueInput;
import java.util.List;
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
 * Every call is one query of the type-safe client generated from the schema ({@link Prisma}, package
 * {@code dev.prismaspring.samples.blog.db}, written by prisma-maven-plugin at build time); responses are its records.
 */
@RestController
@RequestMapping("/posts")
class PostController {

    private final Prisma prisma;

    PostController(Prisma prisma) {
        this.prisma = prisma;
    }

    /** What a post comes back with: its author (id, e-mail, name) and its tags by name. */
    private static PostInclude withAuthorAndTags() {
        return new PostInclude()
                .author(a -> a.select(s -> s.id().email().name()))
                .tags(t -> t.select(s -> s.name()).orderBy(o -> o.name(SortOrder.ASC)));
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
    List<Post> list(@RequestParam(required = false) Boolean published, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "20") int take) {
        PostWhereInput where = new PostWhereInput();
        if (published != null) {
            where.published(published);
        }
        if (tag != null) {
            where.tags(t -> t.some(w -> w.name(tag)));
        }
        return prisma.post().findMany(q -> q.where(where)
                .include(withAuthorAndTags())
                .orderBy(new PostOrderByWithRelationInput().createdAt(SortOrder.DESC),
                        new PostOrderByWithRelationInput().id(SortOrder.DESC))
                .take(take));
    }

    @GetMapping("/{id}")
    ResponseEntity<Post> get(@PathVariable int id) {
        Post post = prisma.post().findUnique(q -> q.where(w -> w.id(id))
                .include(withAuthorAndTags().comments(c -> c.include(i -> i.author(a -> a.select(s -> s.email())))
                        .orderBy(new CommentOrderByWithRelationInput().createdAt(SortOrder.ASC),
                                new CommentOrderByWithRelationInput().id(SortOrder.ASC)))));
        return post == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(post);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Post create(@RequestBody NewPost body) {
        PostCreateInput data = new PostCreateInput().title(body.title());
        if (body.content() != null) {
            data.content(body.content());
        }
        if (body.published() != null) {
            data.published(body.published());
        }
        data.author(a -> a.connect(u -> {
            if (body.authorId() != null) {
                u.id(body.authorId());
            } else {
                u.email(String.valueOf(body.authorEmail()));
            }
        }));
        if (body.tags() != null && !body.tags().isEmpty()) {
            data.tags(t -> body.tags().forEach(name -> t.connectOrCreate(new TagWhereUniqueInput().name(name),
                    new TagCreateInput().name(name))));
        }
        return prisma.post().create(q -> q.data(data).include(withAuthorAndTags()));
    }

    @PutMapping("/{id}")
    Post update(@PathVariable int id, @RequestBody PostChanges body) {
        PostUpdateInput data = new PostUpdateInput();
        if (body.title() != null) {
            data.title(body.title());
        }
        if (body.content() != null) {
            data.content(body.content());
        }
        if (body.published() != null) {
            data.published(body.published());
        }
        return prisma.post().update(q -> q.where(w -> w.id(id)).data(data).include(withAuthorAndTags()));
    }

    @DeleteMapping("/{id}")
    Post delete(@PathVariable int id) {
        return prisma.post().delete(q -> q.where(w -> w.id(id)));
    }

    @PostMapping("/{id}/tags")
    Post tag(@PathVariable int id, @RequestBody NewTag body) {
        return prisma.post().update(q -> q.where(w -> w.id(id))
                .data(d -> d.tags(t -> t.connectOrCreate(new TagWhereUniqueInput().name(body.name()),
                        new TagCreateInput().name(body.name()))))
                .include(withAuthorAndTags()));
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment comment(@PathVariable int id, @RequestBody NewComment body) {
        return prisma.comment().create(q -> q.data(new CommentCreateInput().text(String.valueOf(body.text()))
                .post(p -> p.connect(w -> w.id(id)))
                .author(a -> a.connect(w -> w.id(body.authorId() == null ? -1 : body.authorId())))));
    }
}
