package dev.prismaspring.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prismaspring.client.PrismaClient;
import dev.prismaspring.client.typed.LoadStrategy;
import dev.prismaspring.client.typed.NullsOrder;
import dev.prismaspring.client.typed.SortOrder;
import dev.prismaspring.client.typed.StringNullableFilter;
import dev.prismaspring.query.PrismaException;
import dev.prismaspring.query.PrismaValidationException;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.sql.SqlSchemaCalculator;
import dev.prismaspring.testdb.DbKind;
import dev.prismaspring.testdb.TestDatabase;
import dev.prismaspring.testdb.TestDatabases;
import dev.prismaspring.typed.blog.Post;
import dev.prismaspring.typed.blog.PostFindManyArgs;
import dev.prismaspring.typed.blog.PostScalarFieldEnum;
import dev.prismaspring.typed.blog.Prisma;
import dev.prismaspring.typed.blog.Role;
import dev.prismaspring.typed.blog.Tag;
import dev.prismaspring.typed.blog.User;
import dev.prismaspring.typed.blog.UserFindManyArgs;
import dev.prismaspring.typed.blog.UserWhereInput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Reads and filters through the generated blog client, on a fresh database of each kind (one subclass per
 * {@link DbKind}): results are records with Java types, filters, relation filters, selection, ordering and paging
 * give exactly the seeded rows, and every read with relations agrees under both relation load strategies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TypedReadSuite {

    abstract DbKind kind();

    TestDatabase db;
    SingleConnectionDataSource dataSource;
    PrismaClient client;
    Prisma prisma;
    final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        TestDatabases.Availability a = TestDatabases.availability(kind());
        Assumptions.assumeTrue(a.available(), () -> kind() + " not available: " + a.reason());
        db = TestDatabases.create(kind(), getClass().getSimpleName());
        Datamodel dm = BlogFixture.datamodel(kind());
        db.execute(SqlSchemaCalculator.renderCreate(dm));
        dataSource = new SingleConnectionDataSource(db.jdbcUrl(), true);
        client = PrismaClient.builder(dm, dataSource).statementListener((sql, params) -> statements.add(sql)).build();
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

    @BeforeEach
    void clearStatements() {
        statements.clear();
    }

    static List<String> emails(List<User> users) {
        return users.stream().map(User::email).toList();
    }

    /** Runs a findMany with both relation load strategies; they must agree. */
    <T> List<T> both(Function<LoadStrategy, List<T>> query) {
        List<T> viaQuery = query.apply(LoadStrategy.QUERY);
        List<T> viaJoin = query.apply(LoadStrategy.JOIN);
        assertThat(viaJoin).as("join strategy agrees with query strategy").usingRecursiveComparison()
                .isEqualTo(viaQuery);
        return viaQuery;
    }

    @Test
    void findManyGivesRecordsWithJavaTypes() {
        List<User> users = prisma.user().findMany(q -> q.orderBy(o -> o.id(SortOrder.ASC)));
        assertThat(users).hasSize(3);
        User alice = users.get(0);
        assertThat(alice).isEqualTo(new User(1, "alice@example.com", "Alice", Role.ADMIN, null, null,
                BlogFixture.JAN));
        assertThat(users.get(2).name()).isNull();
        assertThat(users.get(1).role()).isSameAs(Role.USER);
        assertThat(prisma.user().findMany()).hasSize(3);
    }

    @Test
    void findUniqueByIdAndByUniqueField() {
        assertThat(prisma.user().findUnique(q -> q.where(w -> w.email("bob@example.com"))).id()).isEqualTo(2);
        assertThat(prisma.user().findUnique(q -> q.where(w -> w.id(3))).email()).isEqualTo("carol@example.com");
        assertThat(prisma.user().findUnique(q -> q.where(w -> w.email("nobody@example.com")))).isNull();
        assertThat(prisma.post().findUnique(q -> q.where(w -> w.id("p3"))).title()).isEqualTo("Bob's post");
        assertThatThrownBy(() -> prisma.user().findUniqueOrThrow(q -> q.where(w -> w.id(99))))
                .isInstanceOf(PrismaException.class).extracting(e -> ((PrismaException) e).code()).isEqualTo("P2025");
    }

    @Test
    void findFirstHonoursWhereAndOrder() {
        User newest = prisma.user().findFirst(q -> q.where(w -> w.role(Role.USER))
                .orderBy(o -> o.createdAt(SortOrder.DESC)));
        assertThat(newest.email()).isEqualTo("carol@example.com");
        assertThat(prisma.user().findFirst(q -> q.where(w -> w.email(f -> f.startsWith("zed"))))).isNull();
        assertThatThrownBy(() -> prisma.user().findFirstOrThrow(q -> q.where(w -> w.id(f -> f.gt(10)))))
                .isInstanceOf(PrismaException.class);
    }

    @Test
    void stringFilters() {
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.email(f -> f.contains("ob@"))))))
                .containsExactly("bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.email(f -> f.contains("c")))
                .orderBy(o -> o.id(SortOrder.ASC))))).containsExactly("alice@example.com", "bob@example.com",
                "carol@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.email(f -> f.startsWith("al"))))))
                .containsExactly("alice@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.name(f -> f.endsWith("ob"))))))
                .containsExactly("bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.name(f -> f.in("Alice", "Bob")))
                .orderBy(o -> o.id(SortOrder.DESC))))).containsExactly("bob@example.com", "alice@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.name(f -> f.notIn(List.of("Alice"))))
                .orderBy(o -> o.id(SortOrder.ASC))))).containsExactly("bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.name(f -> f.not("Alice")))
                .orderBy(o -> o.id(SortOrder.ASC))))).containsExactly("bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.name(new StringNullableFilter().gte("B").lt("C"))))))
                .containsExactly("bob@example.com");
    }

    @Test
    void nullFilters() {
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.name(f -> f.isNull())))))
                .containsExactly("carol@example.com");
        assertThat(prisma.user().count(q -> q.where(w -> w.name(f -> f.isNotNull())))).isEqualTo(2);
        assertThat(prisma.post().findMany(q -> q.where(w -> w.content(f -> f.isNull()))))
                .extracting(Post::id).containsExactly("p3");
    }

    @Test
    void insensitiveModeWhereTheDatabaseHasIt() {
        UserFindManyArgs args = new UserFindManyArgs().where(w -> w.email(f -> f.startsWith("ALICE").insensitive()));
        if (!client.schema().dialect().supportsInsensitiveMode()) {
            assertThatThrownBy(() -> prisma.user().findMany(args)).isInstanceOf(PrismaValidationException.class)
                    .hasMessageContaining("mode");
        } else {
            assertThat(emails(prisma.user().findMany(args))).containsExactly("alice@example.com");
        }
    }

    @Test
    void enumNumberBooleanAndDateTimeFilters() {
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.role(Role.ADMIN)))))
                .containsExactly("alice@example.com");
        assertThat(prisma.user().count(q -> q.where(w -> w.role(f -> f.in(Role.USER, Role.ADMIN))))).isEqualTo(3);
        assertThat(prisma.user().count(q -> q.where(w -> w.role(f -> f.not(Role.USER))))).isEqualTo(1);
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.id(f -> f.gt(1).lte(2))))))
                .containsExactly("bob@example.com");
        assertThat(prisma.post().findMany(q -> q.where(w -> w.published(false)))).extracting(Post::id)
                .containsExactly("p2");
        assertThat(prisma.post().count(q -> q.where(w -> w.published(f -> f.not(false))))).isEqualTo(2);
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.createdAt(f -> f.gte(BlogFixture.FEB)
                .lt(BlogFixture.MAR)))))).containsExactly("bob@example.com");
        assertThat(prisma.user().count(q -> q.where(w -> w.createdAt(BlogFixture.JAN)))).isEqualTo(1);
    }

    @Test
    void logicalCombinators() {
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.OR(new UserWhereInput().id(1),
                new UserWhereInput().name(f -> f.isNull()))).orderBy(o -> o.id(SortOrder.ASC)))))
                .containsExactly("alice@example.com", "carol@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.AND(new UserWhereInput().role(Role.USER),
                new UserWhereInput().email(f -> f.contains("b"))))))).containsExactly("bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.NOT(new UserWhereInput().role(Role.USER))))))
                .containsExactly("alice@example.com");
    }

    @Test
    void toManyRelationFilters() {
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.posts(p -> p.some(x -> x.published(true))))
                .orderBy(o -> o.id(SortOrder.ASC))))).containsExactly("alice@example.com", "bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.posts(p -> p.every(x -> x.published(true))))
                .orderBy(o -> o.id(SortOrder.ASC))))).containsExactly("bob@example.com", "carol@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.posts(p -> p.none(x -> x.id(f -> f.in("p1",
                "p3")))))))).containsExactly("carol@example.com");
        assertThat(prisma.tag().findMany(q -> q.where(w -> w.posts(p -> p.some(x -> x.author(a -> a.is(u -> u
                .role(Role.USER)))))))).extracting(Tag::name).containsExactly("sql");
    }

    @Test
    void toOneRelationFilters() {
        assertThat(prisma.post().findMany(q -> q.where(w -> w.author(new UserWhereInput().role(Role.ADMIN)))
                .orderBy(o -> o.id(SortOrder.ASC)))).extracting(Post::id).containsExactly("p1", "p2");
        assertThat(prisma.post().findMany(q -> q.where(w -> w.author(a -> a.isNot(u -> u.email("alice@example.com"))))))
                .extracting(Post::id).containsExactly("p3");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.profile(p -> p.isNull()))
                .orderBy(o -> o.id(SortOrder.ASC))))).containsExactly("bob@example.com", "carol@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.where(w -> w.profile(p -> p.is(x -> x.bio(f -> f
                .contains("bio")))))))).containsExactly("alice@example.com");
    }

    @Test
    void includeGivesNestedRecordsUnderBothStrategies() {
        List<User> users = both(s -> prisma.user().findMany(q -> q.relationLoadStrategy(s)
                .include(i -> i.posts(p -> p.orderBy(o -> o.title(SortOrder.ASC))).profile())
                .orderBy(o -> o.id(SortOrder.ASC))));
        User alice = users.get(0);
        assertThat(alice.posts()).extracting(Post::title).containsExactly("Draft", "Hello World");
        assertThat(alice.posts().get(0).author()).isNull();
        assertThat(alice.profile().bio()).isEqualTo("Alice bio");
        assertThat(users.get(1).profile()).isNull();
        assertThat(users.get(2).posts()).isEmpty();

        List<Post> posts = both(s -> prisma.post().findMany(q -> q.relationLoadStrategy(s)
                .include(i -> i.author().tags(t -> t.orderBy(o -> o.name(SortOrder.ASC))))
                .orderBy(o -> o.id(SortOrder.ASC))));
        assertThat(posts.get(0).author().email()).isEqualTo("alice@example.com");
        assertThat(posts.get(0).tags()).extracting(Tag::name).containsExactly("java", "sql");
        assertThat(posts.get(1).tags()).isEmpty();
        assertThat(posts.get(2).author().role()).isEqualTo(Role.USER);
    }

    @Test
    void nestedIncludeWithFilterAndNoNPlusOne() {
        List<User> users = prisma.user().findMany(q -> q.relationLoadStrategy(LoadStrategy.QUERY)
                .include(i -> i.posts(p -> p.where(w -> w.published(true)).include(pi -> pi.tags())))
                .orderBy(o -> o.id(SortOrder.ASC)));
        assertThat(users.get(0).posts()).extracting(Post::id).containsExactly("p1");
        assertThat(users.get(0).posts().get(0).tags()).extracting(Tag::name).containsExactlyInAnyOrder("java", "sql");
        assertThat(users.get(1).posts().get(0).tags()).extracting(Tag::name).containsExactly("sql");
        assertThat(statements).as("one statement per relation level").hasSize(3);
    }

    @Test
    void selectAndOmitLeaveOtherFieldsNull() {
        User bob = prisma.user().findUnique(q -> q.where(w -> w.id(2)).select(s -> s.email().posts(p -> p
                .select(ps -> ps.title()))));
        assertThat(bob.email()).isEqualTo("bob@example.com");
        assertThat(bob.id()).isNull();
        assertThat(bob.role()).isNull();
        assertThat(bob.posts()).hasSize(1);
        assertThat(bob.posts().get(0).title()).isEqualTo("Bob's post");
        assertThat(bob.posts().get(0).id()).isNull();

        User alice = prisma.user().findUnique(q -> q.where(w -> w.id(1)).omit(o -> o.email().createdAt()));
        assertThat(alice.email()).isNull();
        assertThat(alice.createdAt()).isNull();
        assertThat(alice.name()).isEqualTo("Alice");

        Post p = prisma.post().findUnique(q -> q.where(w -> w.id("p1")).select(s -> s.author(a -> a.select(as ->
                as.name()))));
        assertThat(p.author().name()).isEqualTo("Alice");
        assertThat(p.title()).isNull();
    }

    @Test
    void orderByRelationFieldsCountsAndNulls() {
        assertThat(prisma.post().findMany(q -> q.orderBy(o -> o.author(a -> a.email(SortOrder.DESC)))
                .orderBy(new dev.prismaspring.typed.blog.PostOrderByWithRelationInput().author(
                        new dev.prismaspring.typed.blog.UserOrderByWithRelationInput().email(SortOrder.DESC)),
                        new dev.prismaspring.typed.blog.PostOrderByWithRelationInput().id(SortOrder.ASC))))
                .extracting(Post::id).containsExactly("p3", "p1", "p2");
        assertThat(emails(prisma.user().findMany(q -> q.orderBy(
                new dev.prismaspring.typed.blog.UserOrderByWithRelationInput().posts(SortOrder.DESC),
                new dev.prismaspring.typed.blog.UserOrderByWithRelationInput().id(SortOrder.ASC)))))
                .containsExactly("alice@example.com", "bob@example.com", "carol@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.orderBy(o -> o.name(SortOrder.ASC, NullsOrder.FIRST)))))
                .containsExactly("carol@example.com", "alice@example.com", "bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.orderBy(o -> o.name(SortOrder.ASC, NullsOrder.LAST)))))
                .containsExactly("alice@example.com", "bob@example.com", "carol@example.com");
    }

    @Test
    void pagingCursorAndDistinct() {
        assertThat(emails(prisma.user().findMany(q -> q.orderBy(o -> o.id(SortOrder.ASC)).skip(1).take(1))))
                .containsExactly("bob@example.com");
        assertThat(emails(prisma.user().findMany(q -> q.orderBy(o -> o.id(SortOrder.ASC))
                .cursor(c -> c.email("bob@example.com")).take(5)))).containsExactly("bob@example.com",
                "carol@example.com");
        assertThat(prisma.post().findMany(q -> q.distinct(PostScalarFieldEnum.authorId)
                .orderBy(o -> o.authorId(SortOrder.ASC)).select(s -> s.authorId()))).extracting(Post::authorId)
                .containsExactly(1, 2);
    }

    @Test
    void countWithAndWithoutArguments() {
        assertThat(prisma.user().count()).isEqualTo(3);
        assertThat(prisma.post().count(q -> q.where(w -> w.author(a -> a.is(u -> u.id(1)))))).isEqualTo(2);
        assertThat(prisma.tag().count(q -> q.where(w -> w.posts(p -> p.none(x -> x.id(f -> f.not("no-such-id")))))))
                .isEqualTo(1);
    }

    @Test
    void theTypedArgumentTreeIsTheDynamicOne() {
        PostFindManyArgs typed = new PostFindManyArgs()
                .where(w -> w.published(true).title(f -> f.contains("o")).author(a -> a.is(u -> u.role(Role.USER))))
                .orderBy(o -> o.updatedAt(SortOrder.DESC))
                .include(i -> i.tags())
                .take(10);
        Map<String, Object> expected = Map.of(
                "where", Map.of("published", true, "title", Map.of("contains", "o"),
                        "author", Map.of("is", Map.of("role", "USER"))),
                "orderBy", List.of(Map.of("updatedAt", "desc")),
                "include", Map.of("tags", true),
                "take", 10);
        assertThat(typed.toPrismaArgs()).isEqualTo(expected);
        List<Post> viaTyped = prisma.post().findMany(typed);
        List<Post> viaDynamic = client.model("Post").findMany(expected).stream().map(Post::fromMap).toList();
        assertThat(viaTyped).usingRecursiveComparison().isEqualTo(viaDynamic);
        assertThat(viaTyped).extracting(Post::id).containsExactly("p3");
        assertThat(viaTyped.get(0).tags()).extracting(Tag::name).containsExactly("sql");
    }

    @Test
    void invalidArgumentsFailBeforeSqlWithTheEnginesMessage() {
        // what the types cannot rule out, the engine still rejects before any SQL runs
        assertThatThrownBy(() -> prisma.user().findMany(q -> q.skip(-1)))
                .isInstanceOf(PrismaValidationException.class).hasMessageContaining("skip");
        assertThatThrownBy(() -> prisma.user().findMany(q -> q.include(i -> i.posts(p -> p
                .relationLoadStrategy(LoadStrategy.JOIN))))).isInstanceOf(PrismaValidationException.class)
                .hasMessageContaining("relationLoadStrategy");
        assertThat(statements).isEmpty();
    }

    @Test
    void aClientOfAnotherSchemaIsRefusedWithOneSentence() {
        Datamodel other = dev.prismaspring.schema.SchemaValidator.validate("""
                datasource db {
                  provider = "%s"
                }
                model User {
                  id    Int    @id
                  email String @unique
                }
                """.formatted(BlogFixture.provider(kind()))).datamodel();
        PrismaClient otherClient = PrismaClient.create(other, dataSource);
        assertThatThrownBy(() -> new Prisma(otherClient)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match the schema").hasMessageContaining("Generate the client again");
    }
}
