package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.sql.SqlDialect;
import java.sql.SQLException;
import java.util.Map;

/** The errors the write path raises itself (P2025, P2014) and the database errors it reacts to. */
final class WriteErrors {

    private WriteErrors() {
    }

    static boolean isUniqueViolation(SqlDialect dialect, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && dialect.isUniqueViolation(s)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static PrismaException notFound(String detail) {
        return PrismaException.of("P2025", "An operation failed because it depends on one or more records that "
                + "were required but not found. " + detail, Map.of("cause", detail), null);
    }

    static PrismaException inlineNotFound(QuerySchema.RelationLink link, String op) {
        return notFound("No '" + link.target().name() + "' record(s) (needed to inline the relation on '"
                + link.parent().name() + "' record(s)) was found for a nested " + op + " on " + kind(link)
                + " relation '" + link.field().relationName() + "'.");
    }

    static PrismaException nestedNotFound(QuerySchema.RelationLink link, String op) {
        return notFound("No '" + link.target().name() + "' record was found for a nested " + op + " on relation '"
                + link.field().relationName() + "'.");
    }

    static String kind(QuerySchema.RelationLink link) {
        return switch (link.field().kind()) {
            case ONE_TO_ONE -> "one-to-one";
            case ONE_TO_MANY -> "one-to-many";
            case MANY_TO_MANY -> "many-to-many";
        };
    }

    static PrismaException requiredRelation(Datamodel.RelationField rf, QuerySchema.ModelInfo a,
                                                    QuerySchema.ModelInfo b) {
        String first = a.name().compareTo(b.name()) <= 0 ? a.name() : b.name();
        String second = first.equals(a.name()) ? b.name() : a.name();
        return PrismaException.of("P2014", "The change you are trying to make would violate the required relation '"
                + rf.relationName() + "' between the `" + first + "` and `" + second + "` models.",
                Map.of("relation_name", rf.relationName(), "model_a_name", first, "model_b_name", second), null);
    }

    static boolean isTransactionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
