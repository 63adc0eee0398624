package dev.prismaspring.query;

import static dev.prismaspring.query.ReadSuite.c;
import static dev.prismaspring.query.ReadSuite.ids;

import java.util.List;

/** The shared cases: (name, model, operation, arguments, expected result as JSON per PrismaJson). */
final class ReadCases {

    private ReadCases() {
    }

    private static final String ID = "\"select\":{\"id\":true}";

    private static ReadSuite.Case user(String name, String where, int... expected) {
        return c(name, "User", "findMany", "{\"where\":" + where + "," + ID + "}", ids(expected));
    }

    private static ReadSuite.Case post(String name, String where, int... expected) {
        return c(name, "Post", "findMany", "{\"where\":" + where + "," + ID + "}", ids(expected));
    }

    static List<ReadSuite.Case> all() {
        return List.of(
                // ---- scalar filters
                c("findMany select", "User", "findMany", "{\"select\":{\"id\":true,\"email\":true}}",
                        "[{\"id\":1,\"email\":\"alice@example.com\"},{\"id\":2,\"email\":\"bob@example.com\"},"
                                + "{\"id\":3,\"email\":\"carol@example.com\"},{\"id\":4,\"email\":\"dave@example.com\"}]"),
                user("equals shorthand", "{\"email\":\"bob@example.com\"}", 2),
                user("equals", "{\"email\":{\"equals\":\"bob@example.com\"}}", 2),
                user("not excludes nulls", "{\"name\":{\"not\":\"Alice\"}}", 2, 3),
                user("nested not", "{\"name\":{\"not\":{\"in\":[\"Alice\",\"Bob\"]}}}", 3),
                user("in", "{\"id\":{\"in\":[1,3,99]}}", 1, 3),
                user("notIn", "{\"id\":{\"notIn\":[1,3]}}", 2, 4),
                user("in empty", "{\"id\":{\"in\":[]}}"),
                user("range", "{\"age\":{\"gte\":25,\"lt\":40}}", 1, 2),
                user("lte gt", "{\"age\":{\"lte\":40,\"gt\":25}}", 1, 4),
                post("contains", "{\"title\":{\"contains\":\"post\"}}", 2, 3),
                post("startsWith", "{\"title\":{\"startsWith\":\"Hello\"}}", 1),
                post("endsWith", "{\"title\":{\"endsWith\":\"post\"}}", 2, 3),
                post("percent is literal", "{\"title\":{\"contains\":\"%\"}}", 5),
                post("underscore is literal", "{\"title\":{\"contains\":\"_s\"}}", 5),
                post("quote is literal", "{\"title\":{\"contains\":\"'s\"}}", 3),
                user("is null", "{\"name\":null}", 4),
                user("equals null", "{\"name\":{\"equals\":null}}", 4),
                user("not null", "{\"name\":{\"not\":null}}", 1, 2, 3),
                user("boolean", "{\"active\":false}", 2),
                user("datetime gte", "{\"createdAt\":{\"gte\":\"2026-01-01T10:00:00.123Z\"}}", 1, 2, 3),
                user("datetime lt", "{\"createdAt\":{\"lt\":\"2026-01-01T00:00:00Z\"}}", 4),
                user("datetime equals millis", "{\"createdAt\":\"2025-12-31T23:59:59.999Z\"}", 4),
                user("decimal gt", "{\"balance\":{\"gt\":1}}", 1, 4),
                user("decimal string", "{\"balance\":\"0.5\"}", 2),
                user("bigint gt", "{\"big\":{\"gt\":0}}", 1, 3),
                user("bigint string", "{\"big\":\"9007199254740993\"}", 1),
                user("float", "{\"score\":{\"gte\":2}}", 2, 4),
                user("enum", "{\"role\":\"EDITOR\"}", 3),
                user("enum in", "{\"role\":{\"in\":[\"ADMIN\",\"EDITOR\"]}}", 1, 3),
                user("enum not", "{\"role\":{\"not\":\"USER\"}}", 1, 3),
                // ---- logical
                user("OR", "{\"OR\":[{\"age\":{\"lt\":26}},{\"role\":\"EDITOR\"}]}", 2, 3),
                user("NOT object", "{\"NOT\":{\"role\":\"USER\"}}", 1, 3),
                user("NOT array", "{\"NOT\":[{\"role\":\"USER\"},{\"active\":false}]}", 1, 3, 4),
                user("AND", "{\"AND\":[{\"active\":true},{\"age\":{\"gt\":20}}]}", 1, 4),
                user("AND object", "{\"AND\":{\"active\":true}}", 1, 3, 4),
                user("OR empty", "{\"OR\":[]}"),
                // ---- relation filters
                user("some", "{\"posts\":{\"some\":{\"published\":true}}}", 1, 2),
                user("none", "{\"posts\":{\"none\":{\"published\":true}}}", 3, 4),
                user("every", "{\"posts\":{\"every\":{\"published\":true}}}", 2, 4),
                user("some empty", "{\"posts\":{\"some\":{}}}", 1, 2, 3),
                user("nested relation", "{\"posts\":{\"some\":{\"comments\":{\"some\":{\"text\":\"Meh\"}}}}}", 2),
                post("to-one is", "{\"author\":{\"is\":{\"name\":\"Alice\"}}}", 1, 2),
                post("to-one isNot", "{\"author\":{\"isNot\":{\"name\":\"Alice\"}}}", 3, 4, 5),
                post("to-one direct", "{\"author\":{\"email\":{\"startsWith\":\"bob\"}}}", 3),
                post("to-one null", "{\"author\":null}", 4),
                post("to-one isNot null", "{\"author\":{\"isNot\":null}}", 1, 2, 3, 5),
                user("back to-one", "{\"profile\":{\"is\":{\"bio\":{\"contains\":\"Bob\"}}}}", 2),
                user("back to-one null", "{\"profile\":null}", 3, 4),
                post("m-n some", "{\"tags\":{\"some\":{\"name\":\"java\"}}}", 1, 2),
                c("m-n none", "Tag", "findMany", "{\"where\":{\"posts\":{\"none\":{}}}," + ID + "}", ids(4, 5)),
                // ---- unique
                c("findUnique id", "User", "findUnique", "{\"where\":{\"id\":2},\"select\":{\"email\":true}}",
                        "{\"email\":\"bob@example.com\"}"),
                c("findUnique unique field", "User", "findUnique", "{\"where\":{\"email\":\"carol@example.com\"},"
                        + ID + "}", "{\"id\":3}"),
                c("findUnique compound", "User", "findUnique", "{\"where\":{\"name_age\":{\"name\":\"Bob\",\"age\":25}},"
                        + ID + "}", "{\"id\":2}"),
                c("findUnique with extra filter", "User", "findUnique", "{\"where\":{\"id\":2,\"active\":true}," + ID
                        + "}", "null"),
                c("findUnique missing", "User", "findUnique", "{\"where\":{\"id\":99}}", "null"),
                c("findFirst", "User", "findFirst", "{\"where\":{\"age\":{\"not\":null}},\"orderBy\":{\"age\":\"desc\"},"
                        + ID + "}", "{\"id\":4}"),
                c("findFirst none", "User", "findFirst", "{\"where\":{\"age\":99}}", "null"),
                // ---- selection
                c("full record", "User", "findUnique", "{\"where\":{\"id\":1}}", "{\"id\":1,\"email\":\"alice@example.com\","
                        + "\"name\":\"Alice\",\"role\":\"ADMIN\",\"age\":30,\"score\":1.5,\"balance\":\"10.25\","
                        + "\"big\":\"9007199254740993\",\"active\":true,\"createdAt\":\"2026-01-01T10:00:00.123Z\","
                        + "\"meta\":{\"tags\":[\"a\",\"b\"],\"level\":1,\"nick\":\"ally\"},\"avatar\":\"AQID\"}"),
                c("omit", "User", "findUnique", "{\"where\":{\"id\":4},\"omit\":{\"meta\":true,\"avatar\":true,"
                        + "\"createdAt\":true,\"email\":true,\"score\":true,\"balance\":true,\"big\":true}}",
                        "{\"id\":4,\"name\":null,\"role\":\"USER\",\"age\":40,\"active\":true}"),
                c("include", "Post", "findUnique", "{\"where\":{\"id\":3},\"include\":{\"author\":{\"select\":{\"name\":true}},"
                        + "\"comments\":true}}", "{\"id\":3,\"title\":\"Bob's post\",\"published\":true,\"views\":20,"
                        + "\"authorId\":2,\"author\":{\"name\":\"Bob\"},\"comments\":[{\"id\":3,\"text\":\"Meh\","
                        + "\"postId\":3}]}"),
                c("nested select two levels and m-n", "User", "findMany", "{\"where\":{\"id\":{\"in\":[1,2]}},"
                        + "\"select\":{\"id\":true,\"posts\":{\"select\":{\"id\":true,\"comments\":{\"select\":{\"id\":true}},"
                        + "\"tags\":{\"select\":{\"name\":true}}}}}}",
                        "[{\"id\":1,\"posts\":[{\"id\":1,\"comments\":[{\"id\":1},{\"id\":2},{\"id\":4}],"
                                + "\"tags\":[{\"name\":\"java\"},{\"name\":\"prisma\"}]},{\"id\":2,\"comments\":[],"
                                + "\"tags\":[{\"name\":\"java\"}]}]},{\"id\":2,\"posts\":[{\"id\":3,"
                                + "\"comments\":[{\"id\":3}],\"tags\":[{\"name\":\"sql\"}]}]}]"),
                c("m-n back side", "Tag", "findMany", "{\"where\":{\"id\":{\"lte\":4}},\"select\":{\"name\":true,"
                        + "\"posts\":{\"select\":{\"id\":true}}}}", "[{\"name\":\"java\",\"posts\":[{\"id\":1},{\"id\":2}]},"
                        + "{\"name\":\"sql\",\"posts\":[{\"id\":3}]},{\"name\":\"prisma\",\"posts\":[{\"id\":1}]},"
                        + "{\"name\":\"unused\",\"posts\":[]}]"),
                c("to-one null and back to-one", "User", "findMany", "{\"select\":{\"id\":true,\"profile\":{\"select\":"
                        + "{\"bio\":true}}}}", "[{\"id\":1,\"profile\":{\"bio\":\"Alice bio\"}},{\"id\":2,\"profile\":"
                        + "{\"bio\":\"Bob bio\"}},{\"id\":3,\"profile\":null},{\"id\":4,\"profile\":null}]"),
                c("to-one include null", "Post", "findMany", "{\"where\":{\"id\":{\"gte\":4}},\"select\":{\"id\":true,"
                        + "\"author\":{\"select\":{\"email\":true,\"profile\":true}}}}", "[{\"id\":4,\"author\":null},"
                        + "{\"id\":5,\"author\":{\"email\":\"carol@example.com\",\"profile\":null}}]"),
                c("nested where orderBy", "User", "findMany", "{\"select\":{\"id\":true,\"posts\":{\"where\":"
                        + "{\"published\":true},\"orderBy\":{\"views\":\"desc\"},\"select\":{\"id\":true}}}}",
                        "[{\"id\":1,\"posts\":[{\"id\":1}]},{\"id\":2,\"posts\":[{\"id\":3}]},{\"id\":3,\"posts\":[]},"
                                + "{\"id\":4,\"posts\":[]}]"),
                c("nested take", "User", "findMany", "{\"select\":{\"id\":true,\"posts\":{\"orderBy\":{\"views\":\"desc\"},"
                        + "\"take\":1,\"select\":{\"id\":true}}}}", "[{\"id\":1,\"posts\":[{\"id\":1}]},{\"id\":2,"
                        + "\"posts\":[{\"id\":3}]},{\"id\":3,\"posts\":[{\"id\":5}]},{\"id\":4,\"posts\":[]}]"),
                c("nested skip", "User", "findMany", "{\"where\":{\"id\":{\"lte\":2}},\"select\":{\"id\":true,\"posts\":"
                        + "{\"orderBy\":{\"views\":\"desc\"},\"skip\":1,\"select\":{\"id\":true}}}}",
                        "[{\"id\":1,\"posts\":[{\"id\":2}]},{\"id\":2,\"posts\":[]}]"),
                c("nested negative take", "User", "findMany", "{\"where\":{\"id\":{\"lte\":3}},\"select\":{\"id\":true,"
                        + "\"posts\":{\"take\":-1,\"select\":{\"id\":true}}}}", "[{\"id\":1,\"posts\":[{\"id\":2}]},"
                        + "{\"id\":2,\"posts\":[{\"id\":3}]},{\"id\":3,\"posts\":[{\"id\":5}]}]"),
                c("nested cursor", "User", "findUnique", "{\"where\":{\"id\":1},\"select\":{\"posts\":{\"cursor\":"
                        + "{\"id\":2},\"select\":{\"id\":true}}}}", "{\"posts\":[{\"id\":2}]}"),
                c("nested comments cursor take", "Post", "findUnique", "{\"where\":{\"id\":1},\"select\":{\"comments\":"
                        + "{\"cursor\":{\"id\":2},\"take\":2,\"select\":{\"text\":true}}}}",
                        "{\"comments\":[{\"text\":\"Great\"},{\"text\":\"Wow\"}]}"),
                c("nested distinct", "User", "findUnique", "{\"where\":{\"id\":1},\"select\":{\"posts\":{\"distinct\":"
                        + "[\"authorId\"],\"select\":{\"id\":true}}}}", "{\"posts\":[{\"id\":1}]}"),
                c("_count", "User", "findMany", "{\"select\":{\"id\":true,\"_count\":{\"select\":{\"posts\":true}}}}",
                        "[{\"id\":1,\"_count\":{\"posts\":2}},{\"id\":2,\"_count\":{\"posts\":1}},{\"id\":3,\"_count\":"
                                + "{\"posts\":1}},{\"id\":4,\"_count\":{\"posts\":0}}]"),
                c("_count filtered", "User", "findMany", "{\"where\":{\"id\":{\"lte\":3}},\"select\":{\"id\":true,"
                        + "\"_count\":{\"select\":{\"posts\":{\"where\":{\"published\":true}}}}}}",
                        "[{\"id\":1,\"_count\":{\"posts\":1}},{\"id\":2,\"_count\":{\"posts\":1}},{\"id\":3,\"_count\":"
                                + "{\"posts\":0}}]"),
                c("include _count and nested _count", "Post", "findUnique", "{\"where\":{\"id\":1},\"select\":{\"id\":true,"
                        + "\"author\":{\"select\":{\"_count\":true}},\"_count\":true}}",
                        "{\"id\":1,\"author\":{\"_count\":{\"posts\":2}},\"_count\":{\"comments\":3,\"tags\":2}}"),
                // ---- orderBy
                c("orderBy desc", "User", "findMany", "{\"orderBy\":{\"email\":\"desc\"}," + ID + "}", ids(4, 3, 2, 1)),
                c("orderBy list", "User", "findMany", "{\"orderBy\":[{\"active\":\"asc\"},{\"id\":\"desc\"}]," + ID + "}",
                        ids(2, 4, 3, 1)),
                c("orderBy nulls first", "User", "findMany", "{\"orderBy\":{\"name\":{\"sort\":\"asc\",\"nulls\":\"first\"}},"
                        + ID + "}", ids(4, 1, 2, 3)),
                c("orderBy nulls last", "User", "findMany", "{\"orderBy\":{\"name\":{\"sort\":\"asc\",\"nulls\":\"last\"}},"
                        + ID + "}", ids(1, 2, 3, 4)),
                c("orderBy relation field", "Post", "findMany", "{\"where\":{\"author\":{\"isNot\":null}},\"orderBy\":"
                        + "{\"author\":{\"name\":\"desc\"}}," + ID + "}", ids(5, 3, 1, 2)),
                c("orderBy relation count desc", "User", "findMany", "{\"orderBy\":{\"posts\":{\"_count\":\"desc\"}}," + ID
                        + "}", ids(1, 2, 3, 4)),
                c("orderBy relation count asc", "User", "findMany", "{\"orderBy\":{\"posts\":{\"_count\":\"asc\"}}," + ID
                        + "}", ids(4, 2, 3, 1)),
                // ---- pagination
                c("skip take", "User", "findMany", "{\"orderBy\":{\"id\":\"asc\"},\"skip\":1,\"take\":2," + ID + "}",
                        ids(2, 3)),
                c("negative take", "User", "findMany", "{\"take\":-2," + ID + "}", ids(3, 4)),
                c("negative take skip", "User", "findMany", "{\"take\":-2,\"skip\":1," + ID + "}", ids(2, 3)),
                c("cursor", "User", "findMany", "{\"cursor\":{\"id\":2},\"take\":2," + ID + "}", ids(2, 3)),
                c("cursor skip", "User", "findMany", "{\"cursor\":{\"id\":2},\"skip\":1,\"take\":2," + ID + "}", ids(3, 4)),
                c("cursor negative take", "User", "findMany", "{\"cursor\":{\"id\":3},\"take\":-2," + ID + "}", ids(2, 3)),
                c("cursor with orderBy", "User", "findMany", "{\"cursor\":{\"email\":\"carol@example.com\"},\"take\":2,"
                        + "\"orderBy\":{\"email\":\"desc\"}," + ID + "}", ids(3, 2)),
                c("cursor missing", "User", "findMany", "{\"cursor\":{\"id\":99}," + ID + "}", ids()),
                c("distinct", "Post", "findMany", "{\"distinct\":[\"published\"],\"select\":{\"id\":true,"
                        + "\"published\":true}}", "[{\"id\":1,\"published\":true},{\"id\":2,\"published\":false}]"),
                c("distinct take", "Post", "findMany", "{\"distinct\":\"authorId\",\"skip\":1,\"take\":2," + ID + "}",
                        ids(3, 4)),
                // ---- count, aggregate, groupBy
                c("count", "Post", "count", "{}", "5"),
                c("count where", "Post", "count", "{\"where\":{\"published\":true}}", "3"),
                c("count select", "Post", "count", "{\"select\":{\"_all\":true,\"authorId\":true}}",
                        "{\"_all\":5,\"authorId\":4}"),
                c("count take", "Post", "count", "{\"take\":2}", "2"),
                c("count skip", "User", "count", "{\"skip\":3}", "1"),
                c("aggregate", "Post", "aggregate", "{\"_count\":{\"_all\":true,\"authorId\":true},\"_avg\":{\"views\":true},"
                        + "\"_sum\":{\"views\":true},\"_min\":{\"views\":true,\"title\":true},\"_max\":{\"views\":true}}",
                        "{\"_count\":{\"_all\":5,\"authorId\":4},\"_avg\":{\"views\":8.4},\"_sum\":{\"views\":42},"
                                + "\"_min\":{\"views\":0,\"title\":\"100% _sure_\"},\"_max\":{\"views\":20}}"),
                c("aggregate types", "User", "aggregate", "{\"where\":{\"age\":{\"in\":[30,40]}},\"_avg\":{\"age\":true},"
                        + "\"_sum\":{\"balance\":true,\"big\":true},\"_min\":{\"createdAt\":true},\"_max\":{\"email\":true,"
                        + "\"score\":true},\"_count\":true}", "{\"_count\":2,\"_avg\":{\"age\":35.0},\"_sum\":{\"balance\":"
                        + "\"110.25\",\"big\":\"9007199254740992\"},\"_min\":{\"createdAt\":\"2025-12-31T23:59:59.999Z\"},"
                        + "\"_max\":{\"email\":\"dave@example.com\",\"score\":3.25}}"),
                c("aggregate booleans", "Post", "aggregate", "{\"_min\":{\"published\":true},\"_max\":"
                        + "{\"published\":true}}", "{\"_min\":{\"published\":false},\"_max\":{\"published\":true}}"),
                c("aggregate paged", "Post", "aggregate", "{\"orderBy\":{\"views\":\"desc\"},\"take\":2,\"_sum\":"
                        + "{\"views\":true}}", "{\"_sum\":{\"views\":30}}"),
                c("aggregate empty", "Post", "aggregate", "{\"where\":{\"id\":99},\"_sum\":{\"views\":true},\"_count\":"
                        + "{\"_all\":true}}", "{\"_count\":{\"_all\":0},\"_sum\":{\"views\":null}}"),
                c("groupBy", "Post", "groupBy", "{\"by\":[\"published\"],\"_count\":{\"_all\":true},\"_sum\":{\"views\":true},"
                        + "\"orderBy\":{\"published\":\"asc\"}}", "[{\"published\":false,\"_count\":{\"_all\":2},"
                        + "\"_sum\":{\"views\":12}},{\"published\":true,\"_count\":{\"_all\":3},\"_sum\":{\"views\":30}}]"),
                c("groupBy having", "Post", "groupBy", "{\"by\":[\"authorId\"],\"where\":{\"authorId\":{\"not\":null}},"
                        + "\"having\":{\"views\":{\"_sum\":{\"gt\":10}}},\"_sum\":{\"views\":true},\"orderBy\":"
                        + "{\"authorId\":\"asc\"}}", "[{\"authorId\":1,\"_sum\":{\"views\":15}},{\"authorId\":2,"
                        + "\"_sum\":{\"views\":20}}]"),
                c("groupBy orderBy aggregate skip take", "Post", "groupBy", "{\"by\":[\"authorId\"],\"_count\":"
                        + "{\"id\":true},\"orderBy\":[{\"_count\":{\"id\":\"desc\"}},{\"authorId\":\"asc\"}],"
                        + "\"where\":{\"authorId\":{\"not\":null}},\"skip\":1,\"take\":1}",
                        "[{\"authorId\":2,\"_count\":{\"id\":1}}]"),
                c("groupBy two fields", "Post", "groupBy", "{\"by\":[\"published\",\"authorId\"],\"where\":{\"authorId\":1},"
                        + "\"_max\":{\"views\":true},\"orderBy\":{\"published\":\"desc\"}}",
                        "[{\"published\":true,\"authorId\":1,\"_max\":{\"views\":10}},{\"published\":false,"
                                + "\"authorId\":1,\"_max\":{\"views\":5}}]"),
                // ---- Json filters
                user("json path equals", "{\"meta\":{\"path\":[\"level\"],\"equals\":2}}", 2),
                user("json path string (MySQL form)", "{\"meta\":{\"path\":\"$.level\",\"equals\":3}}", 4),
                user("json string_contains", "{\"meta\":{\"path\":[\"nick\"],\"string_contains\":\"ob\"}}", 2),
                user("json string_starts_with", "{\"meta\":{\"path\":[\"nick\"],\"string_starts_with\":\"al\"}}", 1),
                user("json string_ends_with", "{\"meta\":{\"path\":[\"nick\"],\"string_ends_with\":\"by\"}}", 2),
                user("json array_contains", "{\"meta\":{\"path\":[\"tags\"],\"array_contains\":[\"a\"]}}", 1),
                user("json array_contains shared", "{\"meta\":{\"path\":[\"tags\"],\"array_contains\":\"b\"}}", 1, 2),
                user("json array_starts_with", "{\"meta\":{\"path\":[\"tags\"],\"array_starts_with\":\"a\"}}", 1),
                user("json array_ends_with", "{\"meta\":{\"path\":[\"tags\"],\"array_ends_with\":\"b\"}}", 1, 2),
                user("json path index", "{\"meta\":{\"path\":[\"tags\",\"0\"],\"equals\":\"b\"}}", 2),
                user("json equals whole", "{\"meta\":{\"equals\":{\"level\":3}}}", 4),
                user("json not", "{\"meta\":{\"path\":[\"level\"],\"not\":1}}", 2, 4),
                user("json null", "{\"meta\":{\"equals\":\"DbNull\"}}", 3)
        );
    }
}
