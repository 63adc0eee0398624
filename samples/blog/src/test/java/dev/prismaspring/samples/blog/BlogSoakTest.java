package dev.prismaspring.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.prismaspring.testdb.DbKind;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Soak test (Maven profile {@code soak}, not run by default; docs/reliability.md): the blog sample on a fresh
 * PostgreSQL database with a Hikari pool of 10, 32 client threads mixing reads and writes over HTTP on loopback for
 * {@code -Dsoak.duration} (ISO-8601, default PT2M) after a 20 s warm-up. Asserts no unexpected status (2xx, or 404
 * and 409 where concurrent deletes make them expected), no connection left active, and the heap after GC at the
 * end within 1.5 × + 64 MB of the heap after GC after warm-up. Prints requests, errors, p50/p99 and heap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.maximum-pool-size=10")
@ActiveProfiles("postgres")
@DirtiesContext
class BlogSoakTest {

    private static final int THREADS = 32;
    private static final int USERS = 50;
    private static final List<String> TAGS = List.of("java", "spring", "prisma", "sql", "jdbc", "boot", "maven",
            "postgres", "mariadb", "sqlite");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabaseProperties.register(DbKind.POSTGRES, registry);
    }

    @AfterAll
    static void drop() {
        TestDatabaseProperties.drop(DbKind.POSTGRES);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    HikariDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<Integer> postIds = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();

    @Test
    void mixedReadsAndWritesFrom32ThreadsStayHealthy() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT2M"));
        for (int u = 0; u < USERS; u++) {
            send("POST", "/users", "{\"email\":\"user" + u + "@example.com\",\"name\":\"User " + u + "\"}", Set.of(201));
        }
        for (String tag : TAGS) {
            createPost(1, List.of(tag));
        }
        assertThat(unexpected).as("unexpected answers while seeding").isEmpty();

        run(Duration.ofSeconds(20), new long[0][]);
        long heapAfterWarmUp = heapAfterGc();
        unexpected.clear();

        long[][] latencies = new long[THREADS][];
        long start = System.nanoTime();
        long requests = run(duration, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(500);
        int active = dataSource.getHikariPoolMXBean().getActiveConnections();
        long heapAtEnd = heapAfterGc();

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long errors = unexpected.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("SOAK RESULT: duration %.0f s, threads %d, pool %d, requests %d (%.0f/s), unexpected %d %s, "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms, heap after GC: warm-up %d MB, end %d MB, active "
                        + "connections at end %d%n", seconds, THREADS, dataSource.getMaximumPoolSize(), requests,
                requests / seconds, errors, unexpected, percentile(all, 50), percentile(all, 99),
                percentile(all, 100), heapAfterWarmUp >> 20, heapAtEnd >> 20, active);

        assertThat(unexpected).as("requests answered with an unexpected status").isEmpty();
        assertThat(requests).isPositive();
        assertThat(active).as("connections still active at the end").isZero();
        assertThat(heapAtEnd).as("heap after GC at the end (bytes)").isLessThan(heapAfterWarmUp * 3 / 2 + (64L << 20));
    }

    /** Runs the mix from {@link #THREADS} threads for {@code duration}; fills {@code latencies} (ns) when given. */
    private long run(Duration duration, long[][] latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                long[] times = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    step();
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = System.nanoTime() - before;
                }
                return Arrays.copyOf(times, n);
            }));
        }
        long total = 0;
        for (int t = 0; t < THREADS; t++) {
            long[] times = futures.get(t).get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            total += times.length;
            if (latencies.length > 0) {
                latencies[t] = times;
            }
        }
        pool.shutdown();
        return total;
    }

    /** One request of the mix: 45% list, 15% get one, 15% create, 10% comment, 8% update, 4% delete, 3% users. */
    private void step() throws Exception {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int dice = r.nextInt(100);
        int user = 1 + r.nextInt(USERS);
        if (dice < 45) {
            String filter = switch (r.nextInt(3)) {
                case 0 -> "";
                case 1 -> "&published=true";
                default -> "&tag=" + TAGS.get(r.nextInt(TAGS.size()));
            };
            send("GET", "/posts?take=20" + filter, null, Set.of(200));
        } else if (dice < 60) {
            send("GET", "/posts/" + somePost(), null, Set.of(200, 404));
        } else if (dice < 75) {
            createPost(user, List.of(TAGS.get(r.nextInt(TAGS.size())), TAGS.get(r.nextInt(TAGS.size()))));
        } else if (dice < 85) {
            // 404: the post is gone; 409 (P2003): another thread deleted it between the lookup and the insert
            send("POST", "/posts/" + somePost() + "/comments", "{\"authorId\":" + user + ",\"text\":\"Nice\"}",
                    Set.of(201, 404, 409));
        } else if (dice < 93) {
            send("PUT", "/posts/" + somePost(), "{\"published\":" + r.nextBoolean() + ",\"title\":\"Edited\"}",
                    Set.of(200, 404));
        } else if (dice < 97) {
            int id = somePost();
            if (send("DELETE", "/posts/" + id, null, Set.of(200, 404)) == 200) {
                postIds.remove(id);
            }
        } else {
            send("GET", "/users", null, Set.of(200));
        }
    }

    private void createPost(int user, List<String> tags) throws Exception {
        String body = "{\"title\":\"Soak\",\"content\":\"text\",\"published\":true,\"authorId\":" + user
                + ",\"tags\":[\"" + String.join("\",\"", tags) + "\"]}";
        HttpResponse<String> response = exchange("POST", "/posts", body);
        check("POST /posts", response, Set.of(201));
        if (response.statusCode() == 201) {
            String idField = response.body().replaceFirst("(?s)^.*?\"id\":(\\d+).*$", "$1");
            postIds.add(Integer.parseInt(idField));
        }
    }

    private int somePost() {
        Integer[] ids = postIds.toArray(new Integer[0]);
        return ids.length == 0 ? 1 : ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }

    private int send(String method, String path, String body, Set<Integer> expected) throws Exception {
        HttpResponse<String> response = exchange(method, path, body);
        check(method + " " + path.replaceAll("/\\d+", "/{id}").replaceAll("\\?.*", ""), response, expected);
        return response.statusCode();
    }

    private HttpResponse<String> exchange(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void check(String what, HttpResponse<String> response, Set<Integer> expected) {
        if (!expected.contains(response.statusCode())) {
            String key = what + " -> " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(160, response.body().length()));
            unexpected.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
