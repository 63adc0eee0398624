package dev.prismaspring.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The baselines: the read cases as a careful engineer writes them directly on {@link JdbcTemplate}, the same
 * statements PrismaClient runs (see {@link ShowSql}), rows mapped by hand into maps of the same shape and value
 * types as PrismaClient's results (Integer, String, Boolean, Instant; the enum as its name).
 */
public final class HandWritten {

    static final String USER_COLUMNS = "u.\"id\", u.\"email\", u.\"name\", u.\"role\", u.\"createdAt\"";
    static final String POST_COLUMNS =
            "p.\"id\", p.\"title\", p.\"content\", p.\"published\", p.\"views\", p.\"authorId\", p.\"createdAt\"";

    private final JdbcTemplate jdbc;
    private final boolean sqlite;
    private final RowMapper<Map<String, Object>> userMapper;
    private final RowMapper<Map<String, Object>> postMapper;

    public HandWritten(DataSource dataSource, String provider) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sqlite = provider.equals("sqlite");
        this.userMapper = (rs, n) -> user(rs, 0);
        this.postMapper = (rs, n) -> post(rs, 0);
    }

    /** {@code SELECT ... FROM "User" WHERE id = ?}. */
    public Map<String, Object> findUnique(int id) {
        List<Map<String, Object>> rows = jdbc.query("SELECT " + USER_COLUMNS + " FROM \"User\" u WHERE u.\"id\" = ?",
                userMapper, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** {@code SELECT ... FROM "User" ORDER BY id LIMIT ?}. */
    public List<Map<String, Object>> take(int n) {
        return jdbc.query("SELECT " + USER_COLUMNS + " FROM \"User\" u ORDER BY u.\"id\" LIMIT ?", userMapper, n);
    }

    /** Posts filtered, ordered by createdAt desc, id, limited: the where/orderBy/take case. */
    public List<Map<String, Object>> postsWhereOrderTake() {
        return jdbc.query("SELECT " + POST_COLUMNS + " FROM \"Post\" p WHERE p.\"published\" = ? AND p.\"views\" >= ?"
                + " ORDER BY p.\"createdAt\" DESC, p.\"id\" LIMIT ?", postMapper, true, 10, 20);
    }

    /** Two statements: the users, then their posts by {@code authorId IN (...)}, stitched in memory. */
    public List<Map<String, Object>> withPostsTwoQueries(Integer limit) {
        List<Map<String, Object>> users = limit == null
                ? jdbc.query("SELECT " + USER_COLUMNS + " FROM \"User\" u ORDER BY u.\"id\"", userMapper)
                : take(limit);
        Map<Integer, List<Map<String, Object>>> byAuthor = new HashMap<>(users.size() * 2);
        List<Integer> ids = new ArrayList<>(users.size());
        for (Map<String, Object> u : users) {
            Integer id = (Integer) u.get("id");
            ids.add(id);
            List<Map<String, Object>> posts = new ArrayList<>();
            byAuthor.put(id, posts);
            u.put("posts", posts);
        }
        int chunk = sqlite ? 999 : 32_766;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<Integer> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            String in = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("SELECT " + POST_COLUMNS + " FROM \"Post\" p WHERE p.\"authorId\" IN (" + in
                    + ") ORDER BY p.\"id\"", (ResultSet rs) -> {
                        Map<String, Object> post = post(rs, 0);
                        byAuthor.get((Integer) post.get("authorId")).add(post);
                    }, part.toArray());
        }
        return users;
    }

    /** One statement: users (limited in a derived table) LEFT JOIN posts, flat rows grouped in memory. */
    public List<Map<String, Object>> withPostsLeftJoin(Integer limit) {
        String users = limit == null ? "\"User\"" : "(SELECT * FROM \"User\" ORDER BY \"id\" LIMIT ?)";
        Object[] args = limit == null ? new Object[0] : new Object[] {limit};
        List<Map<String, Object>> out = new ArrayList<>();
        jdbc.query("SELECT " + USER_COLUMNS + ", " + POST_COLUMNS + " FROM " + users + " u LEFT JOIN \"Post\" p"
                + " ON p.\"authorId\" = u.\"id\" ORDER BY u.\"id\", p.\"id\"", new org.springframework.jdbc.core
                .RowCallbackHandler() {
                    private Map<String, Object> current;
                    private List<Map<String, Object>> posts;

                    @Override
                    public void processRow(ResultSet rs) throws SQLException {
                        int id = rs.getInt(1);
                        if (current == null || !current.get("id").equals(id)) {
                            current = user(rs, 0);
                            posts = new ArrayList<>();
                            current.put("posts", posts);
                            out.add(current);
                        }
                        rs.getInt(6);
                        if (!rs.wasNull()) {
                            posts.add(post(rs, 5));
                        }
                    }
                }, args);
        return out;
    }

    /**
     * One statement, as PrismaClient's {@code join} strategy runs it: each user with its posts as one JSON array
     * (PostgreSQL: {@code LEFT JOIN LATERAL} + {@code json_agg}; SQLite: a correlated {@code json_group_array}),
     * the JSON read with Jackson's streaming parser straight into the post maps.
     */
    public List<Map<String, Object>> withPostsJsonAgg(Integer limit) {
        String posts = sqlite
                ? "(SELECT COALESCE(json_group_array(json_object(" + JSON_PAIRS + ") ORDER BY p.\"id\" ASC), '[]')"
                        + " FROM \"Post\" p WHERE p.\"authorId\" = u.\"id\")"
                : "l.\"posts\"";
        String lateral = sqlite ? "" : " LEFT JOIN LATERAL (SELECT (SELECT COALESCE(json_agg(json_build_object("
                + JSON_PAIRS + ") ORDER BY p.\"id\" ASC), '[]'::json) FROM \"Post\" p WHERE p.\"authorId\" = u.\"id\")"
                + " AS \"posts\") l ON true";
        String sql = "SELECT " + USER_COLUMNS + ", " + posts + " FROM \"User\" u" + lateral + " ORDER BY u.\"id\""
                + (limit == null ? "" : " LIMIT ?");
        Object[] args = limit == null ? new Object[0] : new Object[] {limit};
        return jdbc.query(sql, (rs, n) -> {
            Map<String, Object> user = user(rs, 0);
            user.put("posts", postsFromJson(rs.getString(6)));
            return user;
        }, args);
    }

    private static final String JSON_PAIRS = "'id', p.\"id\", 'title', p.\"title\", 'content', p.\"content\", "
            + "'published', p.\"published\", 'views', p.\"views\", 'authorId', p.\"authorId\", "
            + "'createdAt', p.\"createdAt\"";
    private static final JsonFactory JSON = new JsonFactory();

    private List<Map<String, Object>> postsFromJson(String json) {
        List<Map<String, Object>> posts = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            p.nextToken(); // [
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> m = new LinkedHashMap<>(10);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    Object v = switch (name) {
                        case "id", "views", "authorId" -> p.getIntValue();
                        case "published" -> sqlite ? p.getIntValue() != 0 : p.getBooleanValue();
                        // SQLite: epoch milliseconds; PostgreSQL: timestamp(3) text without zone, read as UTC
                        case "createdAt" -> sqlite ? Instant.ofEpochMilli(p.getLongValue())
                                : LocalDateTime.parse(p.getString()).toInstant(ZoneOffset.UTC);
                        default -> t == JsonToken.VALUE_NULL ? null : p.getString();
                    };
                    m.put(name, v);
                }
                posts.add(m);
            }
        }
        return posts;
    }

    private Map<String, Object> user(ResultSet rs, int o) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("id", rs.getInt(o + 1));
        m.put("email", rs.getString(o + 2));
        m.put("name", rs.getString(o + 3));
        m.put("role", rs.getString(o + 4));
        m.put("createdAt", instant(rs, o + 5));
        return m;
    }

    private Map<String, Object> post(ResultSet rs, int o) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(10);
        m.put("id", rs.getInt(o + 1));
        m.put("title", rs.getString(o + 2));
        m.put("content", rs.getString(o + 3));
        m.put("published", rs.getBoolean(o + 4));
        m.put("views", rs.getInt(o + 5));
        m.put("authorId", rs.getInt(o + 6));
        m.put("createdAt", instant(rs, o + 7));
        return m;
    }

    /** PostgreSQL: timestamp(3) read as UTC; SQLite: epoch milliseconds (as Prisma stores DateTime there). */
    private Instant instant(ResultSet rs, int i) throws SQLException {
        if (sqlite) {
            long ms = rs.getLong(i);
            return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
        }
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
