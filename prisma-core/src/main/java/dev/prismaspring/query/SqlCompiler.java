package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.sql.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compiles filters, orderings and cursors to SQL for one dialect. Identifiers come only from the schema; every
 * value becomes a bind parameter. Relation filters and relation orderings are correlated subqueries
 * ({@code EXISTS}, scalar subqueries), so a query never multiplies rows.
 */
final class SqlCompiler {

    private final QuerySchema schema;
    private final SqlDialect dialect;
    private int aliases;

    SqlCompiler(QuerySchema schema) {
        this.schema = schema;
        this.dialect = schema.dialect();
    }

    /** A fresh table alias. */
    String alias() {
        return "t" + aliases++;
    }

    String q(String identifier) {
        return dialect.quote(identifier);
    }

    String col(String alias, Datamodel.ScalarField f) {
        return alias + "." + q(f.dbName());
    }

    // ------------------------------------------------------------------------------------------ filters

    void filter(Filter f, String alias, Statement out) {
        if (f instanceof Filter.Const c) {
            out.append(c.value() ? "1=1" : "1=0");
        } else if (f instanceof Filter.And a) {
            junction(a.filters(), " AND ", "1=1", alias, out);
        } else if (f instanceof Filter.Or o) {
            junction(o.filters(), " OR ", "1=0", alias, out);
        } else if (f instanceof Filter.Not n) {
            if (n.filters().isEmpty()) {
                out.append("1=1");
            } else {
                out.append("NOT ");
                junction(n.filters(), " AND ", "1=1", alias, out.append("(")).append(")");
            }
        } else if (f instanceof Filter.Scalar s) {
            scalar(s, alias, out);
        } else if (f instanceof Filter.ScalarList l) {
            scalarList(l, alias, out);
        } else if (f instanceof Filter.Json j) {
            json(j, alias, out);
        } else if (f instanceof Filter.Relation r) {
            relation(r, alias, out);
        }
    }

    private Statement junction(List<Filter> filters, String op, String empty, String alias, Statement out) {
        if (filters.isEmpty()) {
            return out.append(empty);
        }
        out.append("(");
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) {
                out.append(op);
            }
            filter(filters.get(i), alias, out);
        }
        return out.append(")");
    }

    String fieldExpr(Filter.FieldRef ref, String alias) {
        String c = col(alias, ref.field());
        if (ref.aggregate() == null) {
            return c;
        }
        return aggregateCall(ref.aggregate(), c, ref.field(), true);
    }

    /**
     * {@code fn} over column {@code c} of field {@code f}. PostgreSQL has no MIN/MAX of booleans, so those
     * aggregate 0/1 on every database, compared back to a boolean when {@code asBoolean} (for filters).
     */
    static String aggregateCall(String fn, String c, Datamodel.ScalarField f, boolean asBoolean) {
        boolean bool = f != null && (fn.equals("_min") || fn.equals("_max"))
                && f.type() instanceof Datamodel.BuiltIn b && b.type() == Datamodel.ScalarType.Boolean;
        String arg = bool ? "CASE WHEN " + c + " THEN 1 ELSE 0 END" : c;
        String call = switch (fn) {
            case "_count" -> "COUNT(" + arg + ")";
            case "_avg" -> "AVG(" + arg + ")";
            case "_sum" -> "SUM(" + arg + ")";
            case "_min" -> "MIN(" + arg + ")";
            default -> "MAX(" + arg + ")";
        };
        return bool && asBoolean ? "(" + call + " = 1)" : call;
    }

    @SuppressWarnings("unchecked")
    private void scalar(Filter.Scalar s, String alias, Statement out) {
        String c = fieldExpr(s.field(), alias);
        Object v = s.value();
        boolean ci = s.insensitive();
        String lc = ci ? "LOWER(" + c + ")" : c;
        switch (s.op()) {
            case "equals" -> {
                if (v == null) {
                    out.append(c + " IS NULL");
                } else {
                    out.append(lc + " = ");
                    lowerParam(out, (TypedValue) v, ci);
                }
            }
            case "not" -> {
                if (v == null) {
                    out.append(c + " IS NOT NULL");
                } else {
                    out.append(lc + " <> ");
                    lowerParam(out, (TypedValue) v, ci);
                }
            }
            case "in", "notIn" -> {
                List<TypedValue> values = ((List<TypedValue>) v).stream().filter(x -> x.value() != null).toList();
                boolean hasNull = values.size() < ((List<TypedValue>) v).size();
                boolean in = s.op().equals("in");
                if (values.isEmpty()) {
                    out.append(in ? (hasNull ? c + " IS NULL" : "1=0") : (hasNull ? c + " IS NOT NULL" : "1=1"));
                    return;
                }
                out.append("(" + lc + (in ? " IN (" : " NOT IN ("));
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    lowerParam(out, values.get(i), ci);
                }
                out.append(")");
                if (hasNull) {
                    out.append(in ? " OR " + c + " IS NULL" : " AND " + c + " IS NOT NULL");
                }
                out.append(")");
            }
            case "lt", "lte", "gt", "gte" -> {
                String op = switch (s.op()) {
                    case "lt" -> " < ";
                    case "lte" -> " <= ";
                    case "gt" -> " > ";
                    default -> " >= ";
                };
                out.append(lc + op);
                lowerParam(out, (TypedValue) v, ci);
            }
            case "contains", "startsWith", "endsWith" -> {
                String text = escapeLike((String) ((TypedValue) v).value());
                String pattern = switch (s.op()) {
                    case "contains" -> "%" + text + "%";
                    case "startsWith" -> text + "%";
                    default -> "%" + text;
                };
                out.append(ci ? "LOWER(" + c + ") LIKE LOWER(" : c + " LIKE ");
                out.param(TypedValue.string(pattern));
                out.append((ci ? ")" : "") + dialect.likeEscape());
            }
            default -> throw new IllegalStateException("unknown scalar filter " + s.op());
        }
    }

    private static void lowerParam(Statement out, TypedValue v, boolean ci) {
        if (ci) {
            out.append("LOWER(").param(v).append(")");
        } else {
            out.param(v);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void scalarList(Filter.ScalarList l, String alias, Statement out) {
        String c = col(alias, l.field().field());
        boolean isEnum = l.value().enumName() != null;
        String arr = isEnum ? "(" + c + ")::text[]" : c;
        switch (l.op()) {
            case "has" -> out.append("(").param(l.value()).append(isEnum ? ")::text" : ")").append(" = ANY(" + arr + ")");
            case "hasEvery" -> out.append(arr + " @> ").param(l.value());
            case "hasSome" -> out.append(arr + " && ").param(l.value());
            case "isEmpty" -> out.append(Boolean.TRUE.equals(l.value().value())
                    ? "COALESCE(cardinality(" + c + "), 0) = 0" : "cardinality(" + c + ") > 0");
            default -> out.append(arr + " = ").param(l.value());
        }
    }

    private void json(Filter.Json j, String alias, Statement out) {
        String c = col(alias, j.field().field());
        JsonNode v = j.value();
        String at = j.path().isEmpty() ? c : dialect.jsonExtract(c, "?");
        Statement target = new Statement();
        if (!j.path().isEmpty()) {
            target.append(at).values(List.of(jsonPathParam(j.path())));
        } else {
            target.append(c);
        }
        switch (j.op()) {
            case "equals", "not" -> {
                boolean not = j.op().equals("not");
                if (v.isNull() || v.isString() && (v.stringValue().equals("DbNull")
                        || v.stringValue().equals("AnyNull"))) {
                    out.append("(").append(target).append(not ? " IS NOT NULL)" : " IS NULL)");
                    return;
                }
                if (not) {
                    out.append("(").append(target).append(" IS NOT NULL AND NOT (");
                    jsonEquals(target, v, out);
                    out.append("))");
                } else {
                    out.append("(");
                    jsonEquals(target, v, out);
                    out.append(")");
                }
            }
            case "string_contains", "string_starts_with", "string_ends_with" -> {
                String text = escapeLike(v.stringValue());
                String pattern = j.op().equals("string_contains") ? "%" + text + "%"
                        : j.op().equals("string_starts_with") ? text + "%" : "%" + text;
                out.append("(").append(jsonTextOf(target)).append(" LIKE ").param(TypedValue.string(pattern))
                        .append(dialect.likeEscape() + ")");
            }
            case "array_contains", "array_starts_with", "array_ends_with" -> {
                JsonNode arr = v.isArray() ? v : ArgumentParser.JSON.createArrayNode().add(v);
                if (j.op().equals("array_contains")) {
                    jsonContains(target, arr, out);
                } else {
                    // compare the first / last element
                    JsonNode element = arr.isEmpty() ? null : arr.get(j.op().equals("array_starts_with") ? 0
                            : arr.size() - 1);
                    if (element == null) {
                        out.append("1=1");
                    } else {
                        out.append("(");
                        jsonEquals(arrayElement(target, j.op().equals("array_starts_with")), element, out);
                        out.append(")");
                    }
                }
            }
            default -> throw new IllegalStateException(j.op());
        }
    }

    private static final java.util.regex.Pattern TEMPLATE_SLOT = java.util.regex.Pattern.compile("\\{(target|param)}");

    /** The first or last element of a JSON array expression. */
    private Statement arrayElement(Statement array, boolean first) {
        Statement e = new Statement();
        appendTemplate(e, dialect.jsonArrayElementTemplate(first), array, null);
        return e;
    }

    /**
     * Appends a dialect's JSON filter template, putting {@code target} for each {@code {target}} and binding
     * {@code param} for each {@code {param}}.
     */
    private static void appendTemplate(Statement out, String template, Statement target, TypedValue param) {
        java.util.regex.Matcher m = TEMPLATE_SLOT.matcher(template);
        int at = 0;
        while (m.find()) {
            out.append(template.substring(at, m.start()));
            if (m.group(1).equals("target")) {
                out.append(target);
            } else {
                out.param(param);
            }
            at = m.end();
        }
        out.append(template.substring(at));
    }

    /** The bind value of a JSON path: a text array on PostgreSQL, a {@code $."a"[0]} path string elsewhere. */
    private TypedValue jsonPathParam(List<String> path) {
        Object p = dialect.jsonPath(path);
        return p instanceof List<?> parts ? new TypedValue(new ArrayList<Object>(parts), ScalarType.String, null, true)
                : TypedValue.string((String) p);
    }

    /** The JSON value as comparable JSON text for equality. */
    private void jsonEquals(Statement target, JsonNode v, Statement out) {
        appendTemplate(out, dialect.jsonEqualsTemplate(), target, TypedValue.of(v, ScalarType.Json));
    }

    private Statement jsonTextOf(Statement target) {
        Statement s = new Statement();
        appendTemplate(s, dialect.jsonTextTemplate(), target, null);
        return s;
    }

    private void jsonContains(Statement target, JsonNode arr, Statement out) {
        appendTemplate(out, dialect.jsonContainsTemplate(), target, TypedValue.of(arr, ScalarType.Json));
    }

    // ------------------------------------------------------------------------------------------ relations

    /** {@code FROM child c [JOIN ...] WHERE <join condition to parent>} for a relation (no SELECT). */
    void relationFrom(QuerySchema.RelationLink link, String parentAlias, String childAlias, Statement out) {
        relationFrom(link, parentAlias, childAlias, out, null);
    }

    /** As above, with {@code joins} (e.g. lateral joins of nested relations) placed before {@code WHERE}. */
    void relationFrom(QuerySchema.RelationLink link, String parentAlias, String childAlias, Statement out,
                      Statement joins) {
        QuerySchema.ModelInfo target = link.target();
        if (link.manyToMany()) {
            String j = alias();
            out.append(" FROM " + link.joinTable() + " " + j + " JOIN " + target.table() + " " + childAlias + " ON "
                    + col(childAlias, link.childFields().get(0)) + " = " + j + "." + link.joinChildColumn());
            if (joins != null) {
                out.append(joins);
            }
            out.append(" WHERE " + j + "." + link.joinParentColumn() + " = " + col(parentAlias,
                    link.parentFields().get(0)));
            return;
        }
        out.append(" FROM " + target.table() + " " + childAlias);
        if (joins != null) {
            out.append(joins);
        }
        out.append(" WHERE ");
        for (int i = 0; i < link.parentFields().size(); i++) {
            if (i > 0) {
                out.append(" AND ");
            }
            out.append(col(childAlias, link.childFields().get(i)) + " = " + col(parentAlias,
                    link.parentFields().get(i)));
        }
    }

    private void relation(Filter.Relation r, String alias, Statement out) {
        String c = alias();
        boolean negate;
        Filter inner = r.filter();
        switch (r.kind()) {
            case "some", "is" -> negate = inner == null;
            case "none" -> negate = true;
            case "every" -> {
                negate = true;
                inner = new Filter.Not(List.of(inner));
            }
            case "isNot" -> negate = inner != null;
            default -> throw new IllegalStateException(r.kind());
        }
        out.append(negate ? "NOT EXISTS (SELECT 1" : "EXISTS (SELECT 1");
        relationFrom(r.link(), alias, c, out);
        if (inner != null && !(inner instanceof Filter.Const k && k.value())) {
            out.append(" AND ");
            filter(inner, c, out);
        }
        out.append(")");
    }

    // ------------------------------------------------------------------------------------------ ordering

    /** One ORDER BY term: the expression and direction (without NULLS handling). */
    record Term(Statement expr, boolean desc, String nulls) {
    }

    Term term(OrderBy o, String alias, boolean flip) {
        Statement e = new Statement();
        if (o instanceof OrderBy.Field f) {
            path(f.path(), alias, e, (a, target) -> target.append(col(a, f.field())));
        } else if (o instanceof OrderBy.RelationCount rc) {
            path(rc.path(), alias, e, (a, target) -> {
                target.append("(SELECT COUNT(*)");
                relationFrom(rc.link(), a, alias(), target);
                target.append(")");
            });
        } else if (o instanceof OrderBy.Aggregate ag) {
            String c = ag.field() == null ? "*" : col(alias, ag.field());
            e.append(aggregateCall(ag.function(), c, ag.field(), false));
        }
        String nulls = o instanceof OrderBy.Field f ? f.nulls() : null;
        if (flip && nulls != null) {
            nulls = nulls.equals("first") ? "last" : "first";
        }
        return new Term(e, o.desc() ^ flip, nulls);
    }

    /** Walks to-one relations with nested scalar subqueries, then renders the leaf in the innermost alias. */
    private void path(List<QuerySchema.RelationLink> path, String alias, Statement e,
                      java.util.function.BiConsumer<String, Statement> leaf) {
        if (path.isEmpty()) {
            leaf.accept(alias, e);
            return;
        }
        String c = alias();
        e.append("(SELECT ");
        Statement rest = new Statement();
        path(path.subList(1, path.size()), c, rest, leaf);
        e.append(rest);
        relationFrom(path.get(0), alias, c, e);
        e.append(")");
    }

    /** Renders {@code ORDER BY} terms (with portable NULLS FIRST/LAST) after the keyword. */
    void orderBy(List<Term> terms, Statement out) {
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (i > 0) {
                out.append(", ");
            }
            if (t.nulls() != null) {
                out.append("CASE WHEN ").append(t.expr()).append(" IS NULL THEN " + (t.nulls().equals("first")
                        ? "0" : "1") + " ELSE " + (t.nulls().equals("first") ? "1" : "0") + " END, ");
            }
            out.append(t.expr()).append(t.desc() ? " DESC" : " ASC");
        }
    }

    /** The order of a read: its orderBy, then the primary key as tiebreaker (stable pagination). */
    List<OrderBy> withTiebreaker(Query.Read read) {
        List<OrderBy> out = new ArrayList<>(read.orderBy());
        for (Datamodel.ScalarField pk : read.model().primaryKey()) {
            boolean present = out.stream().anyMatch(o -> o instanceof OrderBy.Field f && f.path().isEmpty()
                    && f.field().equals(pk));
            if (!present) {
                out.add(new OrderBy.Field(List.of(), pk, false, null));
            }
        }
        return out;
    }

    /**
     * The cursor condition: rows at or after the cursor record in the given order. The cursor record's values
     * are read by subqueries, so a missing cursor record selects nothing (as in Prisma).
     */
    void cursor(Query.Read read, Map<Datamodel.ScalarField, TypedValue> cursor, List<OrderBy> order, boolean flip,
                String alias, Statement out) {
        List<Statement> exprs = new ArrayList<>();
        List<Statement> cursorValues = new ArrayList<>();
        List<Boolean> desc = new ArrayList<>();
        for (OrderBy o : order) {
            Term t = term(o, alias, flip);
            String ca = alias();
            Term ct = term(o, ca, flip);
            Statement cv = new Statement().append("(SELECT ").append(ct.expr()).append(" FROM "
                    + read.model().table() + " " + ca + " WHERE ");
            int i = 0;
            for (Map.Entry<Datamodel.ScalarField, TypedValue> e : cursor.entrySet()) {
                if (i++ > 0) {
                    cv.append(" AND ");
                }
                cv.append(col(ca, e.getKey()) + " = ").param(e.getValue());
            }
            cv.append(")");
            exprs.add(t.expr());
            cursorValues.add(cv);
            desc.add(t.desc());
        }
        out.append("(");
        for (int i = 0; i <= exprs.size(); i++) {
            if (i > 0) {
                out.append(" OR ");
            }
            out.append("(");
            for (int j = 0; j < Math.min(i, exprs.size()); j++) {
                if (j > 0) {
                    out.append(" AND ");
                }
                out.append(exprs.get(j)).append(" = ").append(cursorValues.get(j));
            }
            if (i < exprs.size()) {
                if (i > 0) {
                    out.append(" AND ");
                }
                out.append(exprs.get(i)).append(desc.get(i) ? " < " : " > ").append(cursorValues.get(i));
            }
            out.append(")");
        }
        out.append(")");
    }
}
