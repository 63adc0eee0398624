package dev.prismaspring.query;

import dev.prismaspring.schema.Datamodel;
import java.util.List;
import java.util.Map;

/** A validated, immutable query: what an operation reads, ready for compilation. */
public sealed interface Query {

    QuerySchema.ModelInfo model();

    /** The operation name ({@code findMany}, {@code count}, ...). */
    String operation();

    /**
     * Reading records: findUnique(OrThrow), findFirst(OrThrow), findMany, and nested relation reads.
     *
     * @param take     {@code null} for no limit; negative reads backwards
     * @param distinct fields whose value combination appears once (in memory, as Prisma)
     * @param strategy {@code query}, {@code join} or {@code null} (the client default)
     */
    record Read(String operation, QuerySchema.ModelInfo model, Filter where, List<OrderBy> orderBy,
                Map<Datamodel.ScalarField, TypedValue> cursor, Integer skip, Integer take,
                List<Datamodel.ScalarField> distinct, Selection selection, RelationLoadStrategy strategy)
            implements Query {
        public Read {
            orderBy = List.copyOf(orderBy);
            distinct = List.copyOf(distinct);
            cursor = cursor == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cursor));
        }

    }

    /**
     * A write: {@code create, createMany, createManyAndReturn, update, updateMany, updateManyAndReturn, upsert,
     * delete, deleteMany, upsertMany}. Parts an operation does not take are {@code null} (or empty).
     *
     * @param where          unique criterion (update, upsert, delete) or filter (updateMany, deleteMany)
     * @param data           create or update data (for upsert: the create data)
     * @param rows           the records of createMany(AndReturn) and upsertMany
     * @param update         the update data of upsert and upsertMany ({@code null}: upsertMany overwrites)
     * @param skipDuplicates createMany's {@code skipDuplicates}
     * @param limit          updateMany/deleteMany {@code limit}, or {@code null}
     * @param conflict       the unique fields of a native upsert (INSERT ... ON CONFLICT), else {@code null}
     * @param selection      what the returned record(s) hold; {@code null} when the result is {@code {count}}
     */
    record Write(String operation, QuerySchema.ModelInfo model, Filter where, WriteData data, List<WriteData> rows,
                 WriteData update, boolean skipDuplicates, Integer limit, List<Datamodel.ScalarField> conflict,
                 Selection selection) implements Query {
        public Write {
            rows = rows == null ? List.of() : List.copyOf(rows);
            conflict = conflict == null ? null : List.copyOf(conflict);
        }
    }

    /** count: {@code select} null for a plain number; else {@code _all} and/or fields. */
    record Count(String operation, QuerySchema.ModelInfo model, Read base, boolean all,
                 List<Datamodel.ScalarField> fields, boolean plain) implements Query {
        public Count {
            fields = List.copyOf(fields);
        }
    }

    /** aggregate: aggregates over the records of {@code base} (where, orderBy, cursor, skip, take). */
    record Aggregate(String operation, QuerySchema.ModelInfo model, Read base, List<AggregateField> aggregates)
            implements Query {
        public Aggregate {
            aggregates = List.copyOf(aggregates);
        }
    }

    /** groupBy. */
    record GroupBy(String operation, QuerySchema.ModelInfo model, List<Datamodel.ScalarField> by, Filter where,
                   Filter having, List<OrderBy> orderBy, Integer skip, Integer take,
                   List<AggregateField> aggregates) implements Query {
        public GroupBy {
            by = List.copyOf(by);
            orderBy = List.copyOf(orderBy);
            aggregates = List.copyOf(aggregates);
        }
    }

    /**
     * An aggregate in the result: {@code function} is {@code _count, _avg, _sum, _min, _max}; {@code field} is
     * {@code null} for {@code _count: {_all: true}}; {@code plainCount} for {@code _count: true}.
     */
    record AggregateField(String function, Datamodel.ScalarField field, boolean plainCount) {
    }

    /** What a read returns: scalars, relations (each a nested read) and relation counts. */
    record Selection(List<Datamodel.ScalarField> scalars, List<RelationRead> relations, List<CountRead> counts) {
        public Selection {
            scalars = List.copyOf(scalars);
            relations = List.copyOf(relations);
            counts = List.copyOf(counts);
        }
    }

    /** A relation to load with its nested read (own where, orderBy, cursor, skip, take, selection). */
    record RelationRead(QuerySchema.RelationLink link, Read read) {
    }

    /** {@code _count: {select: {posts: true | {where}}}}. */
    record CountRead(QuerySchema.RelationLink link, Filter where) {
    }
}
