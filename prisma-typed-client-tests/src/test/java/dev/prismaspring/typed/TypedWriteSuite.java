package dev.prismaspring.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.typed.BatchPayload;
import dev.prismaspring.client.typed.SortOrder;
import dev.prismaspring.query.PrismaException;
import dev.prismaspring.query.PrismaValidationException;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import dev.prismaspring.typed.blog.Post;
import dev.prismaspring.typed.blog.PostCreateInput;
import dev.prismaspring.typed.blog.Prisma;
import dev.prismaspring.typed.blog.Role;
import dev.prismaspring.typed.blog.Tag;
import dev.prismaspring.typed.blog.TagCreateInput;
import dev.prismaspring.typed.blog.TagWhereUniqueInput;
import dev.prismaspring.typed.blog.User;
import dev.prismaspring.typed.blog.UserCreateInput;
import dev.prismaspring.typed.blog.UserWhereInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Writes and nested writes through the generated blog client on a fresh database of each kind: every result is
 * read back (typed) from the database, so the test sees what was stored, not only what was returned. Each test
 * writes its own rows (own e-mails, titles, tag names), so the tests do not depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TypedWriteSuite {

    abstract DbKind kind();

    TestDatabase db;
    SingleConnectionDataSource dataSource;
    PrismaClient client;
    Prisma prisma;

    @BeforeAll
    void setUp() throws Exception {
        TestDatabases.Availability a = TestDatabases.availability(kind());
        Assumptions.assumeTrue(a.available(), () -> kind() + " not available: " + a.reason());
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        Datamodel dm = BlogFixture.datamodel(kind());
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        dataSource = new SingleConnectionDataSource(db.jdbcUrl(), true);
        client = PrismaClient.create(dm, dataSource);
        prisma = new Prisma(client);
        BlogFixture.seed(dm, dataSource);
    }

    @AfterAll
    void tearDown() {
        if (dataSource != null) {
            dataSource.destroy();
        }
        if (db != null) {
            db.close();
        }
    }

    User reload(String email) {
        return prisma.user().findUniqueOrThrow(q -> q.where(w -> w.email(email))
                .include(i -> i.posts(p -> p.orderBy(o -> o.title(SortOrder.ASC)).include(pi -> pi.tags(t -> t
                        .orderBy(o -> o.name(SortOrder.ASC))))).profile()));
    }

    @Test
    void createWithDefaultsEnumMapAndDateTime() {
        Instant at = Instant.parse("2026-05-04T03:02:01.123Z");
        User u = prisma.user().create(q -> q.data(d -> d.email("dora@example.com").role(Role.ADMIN).createdAt(at)));
        assertThat(u.id()).isPositive();
        assertThat(u.role()).isEqualTo(Role.ADMIN);
        assertThat(u.createdAt()).isEqualTo(at);
        assertThat(u.name()).isNull();
        User defaults = prisma.user().create(q -> q.data(d -> d.email("eve@example.com")));
        assertThat(defaults.role()).as("@default(USER)").isEqualTo(Role.USER);
        assertThat(defaults.createdAt()).as("@default(now())").isNotNull();
        assertThat(reload("dora@example.com").role()).as("ADMIN is stored as its @map value and read back")
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void createWithNestedCreatesOnToManyToOneAndManyToMany() {
        User u = prisma.user().create(q -> q
                .data(d -> d.email("fay@example.com").name("Fay")
                        .profile(p -> p.create(c -> c.bio("Fay bio")))
                        .posts(p -> p.create(
                                new PostCreateInput().title("Fay 1").published(true).updatedAt(BlogFixture.JAN)
                                        .tags(t -> t.create(new TagCreateInput().name("fay-tag"))),
                                new PostCreateInput().title("Fay 2").updatedAt(BlogFixture.FEB)
                                        .tags(t -> t.connect(new TagWhereUniqueInput().name("java"))))))
                .include(i -> i.posts(p -> p.orderBy(o -> o.title(SortOrder.ASC))).profile()));
        assertThat(u.profile().bio()).isEqualTo("Fay bio");
        assertThat(u.posts()).extracting(Post::title).containsExactly("Fay 1", "Fay 2");
        assertThat(u.posts().get(0).id()).as("@default(uuid(7))").hasSize(36);
        User stored = reload("fay@example.com");
        assertThat(stored.posts().get(0).tags()).extracting(Tag::name).containsExactly("fay-tag");
        assertThat(stored.posts().get(1).tags()).extracting(Tag::name).containsExactly("java");
        assertThat(stored.posts().get(1).published()).isFalse();
    }

    @Test
    void createPostConnectingItsAuthorAndConnectOrCreateTags() {
        Post p = prisma.post().create(q -> q.data(d -> d.title("Connected").updatedAt(BlogFixture.MAR)
                        .author(a -> a.connect(w -> w.email("bob@example.com")))
                        .tags(t -> t.connectOrCreate(new TagWhereUniqueInput().name("sql"), new TagCreateInput()
                                .name("sql")).connectOrCreate(new TagWhereUniqueInput().name("fresh"),
                                new TagCreateInput().name("fresh"))))
                .include(i -> i.author().tags(t -> t.orderBy(o -> o.name(SortOrder.ASC)))));
        assertThat(p.author().email()).isEqualTo("bob@example.com");
        assertThat(p.authorId()).isEqualTo(2);
        assertThat(p.tags()).extracting(Tag::name).containsExactly("fresh", "sql");
        assertThat(prisma.tag().count(q -> q.where(w -> w.name("sql")))).as("sql was connected, not created again")
                .isEqualTo(1);
    }

    @Test
    void createWithAForeignKeyScalar() {
        Post p = prisma.post().create(q -> q.data(d -> d.title("By id").authorId(3).updatedAt(BlogFixture.JAN)));
        assertThat(prisma.post().findUnique(q -> q.where(w -> w.id(p.id())).include(i -> i.author())).author()
                .email()).isEqualTo("carol@example.com");
    }

    @Test
    void updateScalarsAndNestedWrites() {
        prisma.user().create(q -> q.data(d -> d.email("gus@example.com").name("Gus")
                .posts(p -> p.create(new PostCreateInput().title("Gus draft").updatedAt(BlogFixture.JAN),
                        new PostCreateInput().title("Gus old").updatedAt(BlogFixture.JAN)))));
        User updated = prisma.user().update(q -> q.where(w -> w.email("gus@example.com"))
                .data(d -> d.name("Gustav").role(Role.ADMIN)
                        .posts(p -> p.updateMany(new dev.prismaspring.typed.blog.PostWhereInput()
                                .title(f -> f.startsWith("Gus")), new dev.prismaspring.typed.blog.PostUpdateInput()
                                .published(true)))));
        assertThat(updated.name()).isEqualTo("Gustav");
        assertThat(updated.role()).isEqualTo(Role.ADMIN);
        assertThat(reload("gus@example.com").posts()).extracting(Post::published).containsExactly(true, true);

        prisma.user().update(q -> q.where(w -> w.email("gus@example.com"))
                .data(d -> d.posts(p -> p.deleteMany(new dev.prismaspring.typed.blog.PostWhereInput()
                        .title("Gus old")))));
        assertThat(reload("gus@example.com").posts()).extracting(Post::title).containsExactly("Gus draft");

        prisma.user().update(q -> q.where(w -> w.email("gus@example.com"))
                .data(d -> d.profile(p -> p.upsert(new dev.prismaspring.typed.blog.ProfileCreateInput().bio("new"),
                        new dev.prismaspring.typed.blog.ProfileUpdateInput().bio("changed")))));
        assertThat(reload("gus@example.com").profile().bio()).as("upsert created").isEqualTo("new");
        prisma.user().update(q -> q.where(w -> w.email("gus@example.com"))
                .data(d -> d.profile(p -> p.upsert(new dev.prismaspring.typed.blog.ProfileCreateInput().bio("new"),
                        new dev.prismaspring.typed.blog.ProfileUpdateInput().bio("changed")))));
        assertThat(reload("gus@example.com").profile().bio()).as("upsert updated").isEqualTo("changed");
        prisma.user().update(q -> q.where(w -> w.email("gus@example.com")).data(d -> d.profile(p -> p.delete())));
        assertThat(reload("gus@example.com").profile()).isNull();
    }

    @Test
    void severalNestedOperationsOnOneToManyRelation() {
        prisma.user().create(q -> q.data(d -> d.email("kim@example.com")
                .posts(p -> p.create(new PostCreateInput().title("Kim old").updatedAt(BlogFixture.JAN)))));
        User kim = prisma.user().update(q -> q.where(w -> w.email("kim@example.com"))
                .data(d -> d.posts(p -> p
                        .deleteMany(new dev.prismaspring.typed.blog.PostWhereInput().title("Kim old"))
                        .create(new PostCreateInput().title("Kim new").updatedAt(BlogFixture.FEB))))
                .include(i -> i.posts()));
        assertThat(kim.posts()).extracting(Post::title).containsExactly("Kim new");
    }

    @Test
    void updateManyToManyWithSetAndDisconnect() {
        Post p = prisma.post().create(q -> q.data(d -> d.title("Tagged").updatedAt(BlogFixture.JAN)
                .author(a -> a.connect(w -> w.id(1)))
                .tags(t -> t.connect(new TagWhereUniqueInput().name("java"), new TagWhereUniqueInput().name("sql")))));
        Post afterSet = prisma.post().update(q -> q.where(w -> w.id(p.id()))
                .data(d -> d.tags(t -> t.set(new TagWhereUniqueInput().name("unused"))))
                .include(i -> i.tags()));
        assertThat(afterSet.tags()).extracting(Tag::name).containsExactly("unused");
        Post afterDisconnect = prisma.post().update(q -> q.where(w -> w.id(p.id()))
                .data(d -> d.tags(t -> t.disconnect(new TagWhereUniqueInput().name("unused"))))
                .include(i -> i.tags()));
        assertThat(afterDisconnect.tags()).isEmpty();
    }

    @Test
    void upsertCreatesThenUpdates() {
        User created = prisma.user().upsert(q -> q.where(w -> w.email("hal@example.com"))
                .create(c -> c.email("hal@example.com").name("Hal"))
                .update(u -> u.name("Hal 2")));
        assertThat(created.name()).isEqualTo("Hal");
        User updated = prisma.user().upsert(q -> q.where(w -> w.email("hal@example.com"))
                .create(c -> c.email("hal@example.com").name("Hal"))
                .update(u -> u.name("Hal 2")));
        assertThat(updated.name()).isEqualTo("Hal 2");
        assertThat(updated.id()).isEqualTo(created.id());
    }

    @Test
    void createManyUpdateManyDeleteManyGiveCounts() {
        BatchPayload made = prisma.user().createMany(q -> q.data(new UserCreateInput().email("m1@batch.test"),
                new UserCreateInput().email("m2@batch.test"), new UserCreateInput().email("m3@batch.test")));
        assertThat(made.count()).isEqualTo(3);
        BatchPayload renamed = prisma.user().updateMany(q -> q.where(w -> w.email(f -> f.endsWith("@batch.test")))
                .data(d -> d.name("batch")));
        assertThat(renamed.count()).isEqualTo(3);
        assertThat(prisma.user().count(q -> q.where(w -> w.name("batch")))).isEqualTo(3);
        BatchPayload removed = prisma.user().deleteMany(q -> q.where(w -> w.name("batch")));
        assertThat(removed.count()).isEqualTo(3);
        assertThat(prisma.user().count(q -> q.where(w -> w.email(f -> f.endsWith("@batch.test"))))).isZero();
    }

    @Test
    void createManyAndReturnWhereTheDatabaseCanReturnRows() {
        if (!client.schema().dialect().supportsReturning()) {
            assertThatThrownBy(() -> prisma.tag().createManyAndReturn(q -> q.data(new TagCreateInput().name("r1"))))
                    .isInstanceOf(PrismaValidationException.class);
            return;
        }
        List<Tag> tags = prisma.tag().createManyAndReturn(q -> q.data(List.of(new TagCreateInput().name("r1"),
                new TagCreateInput().name("r2"))));
        assertThat(tags).extracting(Tag::name).containsExactly("r1", "r2");
        assertThat(tags).allSatisfy(t -> assertThat(t.id()).isPositive());
    }

    @Test
    void deleteReturnsTheRecordAndMissingIsP2025() {
        User u = prisma.user().create(q -> q.data(d -> d.email("ivy@example.com")));
        User deleted = prisma.user().delete(q -> q.where(w -> w.id(u.id())));
        assertThat(deleted.email()).isEqualTo("ivy@example.com");
        assertThat(prisma.user().findUnique(q -> q.where(w -> w.id(u.id())))).isNull();
        assertThatThrownBy(() -> prisma.user().delete(q -> q.where(w -> w.id(u.id()))))
                .isInstanceOf(PrismaException.class).extracting(e -> ((PrismaException) e).code()).isEqualTo("P2025");
    }

    @Test
    void uniqueViolationIsAPrismaException() {
        // the P-code (P2002) is the runtime branch's error mapping; here the typed call surfaces the engine's error
        assertThatThrownBy(() -> prisma.user().create(q -> q.data(d -> d.email("alice@example.com"))))
                .isInstanceOf(PrismaException.class);
        assertThat(prisma.user().count(q -> q.where(w -> w.email("alice@example.com")))).isEqualTo(1);
    }

    @Test
    void transactionsCommitOrRollBackTypedWrites() {
        assertThatThrownBy(() -> prisma.transaction(tx -> {
            tx.user().create(q -> q.data(d -> d.email("tx@example.com")));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(prisma.user().count(q -> q.where(new UserWhereInput().email("tx@example.com")))).isZero();
        long made = prisma.transaction(tx -> {
            tx.user().create(q -> q.data(d -> d.email("tx1@example.com")));
            tx.user().create(q -> q.data(d -> d.email("tx2@example.com")));
            return tx.user().count(q -> q.where(w -> w.email(f -> f.startsWith("tx"))));
        });
        assertThat(made).isEqualTo(2);
        assertThat(prisma.user().count(q -> q.where(w -> w.email(f -> f.startsWith("tx"))))).isEqualTo(2);
    }

    @Test
    void theWriteArgumentTreeIsPrismas() {
        Map<String, Object> tree = new dev.prismaspring.typed.blog.UserCreateArgs()
                .data(d -> d.email("x@example.com").posts(p -> p.create(c -> c.title("t"))
                        .connect(w -> w.id("p1"))))
                .select(s -> s.id())
                .toPrismaArgs();
        assertThat(tree).isEqualTo(Map.of(
                "data", Map.of("email", "x@example.com", "posts", Map.of(
                        "create", List.of(Map.of("title", "t")),
                        "connect", List.of(Map.of("id", "p1")))),
                "select", Map.of("id", true)));
    }
}
