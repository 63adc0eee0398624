package dev.prismaspring.query.fuzz;

import dev.prismaspring.query.QuerySchema;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of generating one argument tree: the case's random source, the schema, and the one place where a
 * fault is injected. Every point where a generator could go wrong calls {@link #faultHere()}; the call with index
 * {@code faultAt} answers {@code true} (once), so a case with {@code faultAt < 0} is valid and any other is invalid
 * exactly at that site. A first pass with no fault counts the sites, so that {@code faultAt} can be drawn among them.
 */
public final class FuzzContext {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final QuerySchema schema;
    private final FuzzValues values;
    private final int faultAt;
    private int sites;
    private String fault;

    public FuzzContext(long seed, QuerySchema schema, FuzzValues values, int faultAt) {
        this.random = new Random(seed);
        this.schema = schema;
        this.values = values;
        this.faultAt = faultAt;
    }

    public QuerySchema schema() {
        return schema;
    }

    public FuzzValues values() {
        return values;
    }

    /** True exactly once, at the site chosen for the fault. */
    public boolean faultHere() {
        return sites++ == faultAt;
    }

    /** Records what the injected fault is (for the failure report). */
    public void fault(String description) {
        if (fault == null) {
            fault = description;
        }
    }

    /** The injected fault's description, or {@code null} when the tree is valid (or the site was not reached). */
    public String fault() {
        return fault;
    }

    /** How many fault sites generation passed. */
    public int sites() {
        return sites;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Between {@code from} and {@code to}, both included. */
    public int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    public final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** A random subset (in order) of at least {@code min} elements, when there are that many. */
    public <T> List<T> subset(List<T> options, int min) {
        List<T> out = new java.util.ArrayList<>();
        for (T t : options) {
            if (chance(0.35)) {
                out.add(t);
            }
        }
        List<T> rest = new java.util.ArrayList<>(options);
        rest.removeAll(out);
        while (out.size() < Math.min(min, options.size())) {
            out.add(rest.remove(random.nextInt(rest.size())));
        }
        return out;
    }

    public ObjectNode object() {
        return NODES.objectNode();
    }

    public ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A misspelling of {@code key} that is no key of Prisma's argument language (a letter inserted). */
    public String misspell(String key) {
        String letters = "qzjxkw";
        int at = random.nextInt(key.length() + 1);
        return key.substring(0, at) + letters.charAt(random.nextInt(letters.length())) + key.substring(at);
    }

    /** Adds an unknown key (a misspelling of one of {@code known}, or a hostile name) to {@code node}. */
    public void addUnknownKey(ObjectNode node, List<String> known, String where) {
        String key = chance(0.7) && !known.isEmpty() ? misspell(pick(known))
                : pick("Robert'); DROP TABLE \"User\"; --", "名前", "__proto__", "$where", "na\u0301me", "\u202Eid",
                "a.b", "`id`", " id", "ID");
        JsonNode value = pick(NODES.booleanNode(true), NODES.objectNode(), NODES.numberNode(1),
                NODES.stringNode("x"));
        node.set(key, value);
        fault("unknown key '" + key + "' in " + where);
    }
}
