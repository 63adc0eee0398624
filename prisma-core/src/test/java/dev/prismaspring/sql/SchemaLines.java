package dev.prismaspring.sql;

import java.util.List;

/** One line per object of an {@link SqlSchema}, for test failure messages. */
public final class SchemaLines {

    private SchemaLines() {
    }

    public static List<String> of(SqlSchema s) {
        return IntrospectionRoundTripTest.lines(s);
    }
}
