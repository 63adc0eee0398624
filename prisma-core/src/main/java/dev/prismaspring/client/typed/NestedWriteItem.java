package dev.prismaspring.client.typed;

/** One {@code { where, data }}, {@code { where, create, update }} or {@code { data, skipDuplicates }} entry. */
public final class NestedWriteItem extends PrismaInput {

    private NestedWriteItem() {
    }

    /** {@code { where, data }} (nested {@code update} / {@code updateMany} on a to-many relation). */
    public static NestedWriteItem whereData(PrismaInput where, PrismaInput data) {
        NestedWriteItem i = new NestedWriteItem();
        i.arg("where", where);
        i.arg("data", data);
        return i;
    }

    /** {@code { where, create, update }} (nested {@code upsert} on a to-many relation). */
    public static NestedWriteItem upsert(PrismaInput where, PrismaInput create, PrismaInput update) {
        NestedWriteItem i = new NestedWriteItem();
        i.arg("where", where);
        i.arg("create", create);
        i.arg("update", update);
        return i;
    }

    /** {@code { create, update }} (nested {@code upsert} on a to-one relation). */
    public static NestedWriteItem upsert(PrismaInput create, PrismaInput update) {
        NestedWriteItem i = new NestedWriteItem();
        i.arg("create", create);
        i.arg("update", update);
        return i;
    }

    /** {@code { data: [...], skipDuplicates }} (nested {@code createMany}). */
    public static NestedWriteItem createMany(java.util.List<? extends PrismaInput> data, Boolean skipDuplicates) {
        NestedWriteItem i = new NestedWriteItem();
        i.arg("data", java.util.List.copyOf(data));
        if (skipDuplicates != null) {
            i.arg("skipDuplicates", skipDuplicates);
        }
        return i;
    }
}
