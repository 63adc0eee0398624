package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Database names: models, views, columns and enums that map to the same name, and constraint names (primary keys,
 * indexes, unique constraints) that clash in the connector's namespace.
 */
final class DatabaseNames extends ValidationPhase {

    private final Map<String, List<Object>> globalConstraintNames = new HashMap<>();
    private boolean collecting;

    DatabaseNames(ValidationContext context) {
        super(context);
    }

    void databaseNames() {
        Map<String, Model> byDbName = new HashMap<>();
        for (Model m : context.models) {
            String key = m.schema + "\u0000" + m.dbName;
            Model existing = byDbName.get(key);
            if (existing != null && !(m.ignored || existing.ignored)) {
                d.error("The " + m.keyword() + " with database name \"" + m.dbName + "\" could not be defined "
                        + "because another model or view with this name exists: \"" + existing.name() + "\"",
                        m.mapAttr != null ? m.mapAttr.span() : m.decl.name().span());
            } else if (existing == null) {
                byDbName.put(key, m);
            }
            Map<String, Fld> columns = new HashMap<>();
            for (Fld f : m.scalarFields()) {
                Fld other = columns.putIfAbsent(f.dbName, f);
                if (other != null) {
                    modelError(m, "Field \"" + f.name() + "\" is already "
                            + "defined on model \"" + m.name() + "\".", f.mapAttr != null ? f.mapAttr.span()
                            : f.decl.name().span());
                }
            }
        }
        Set<String> enumNames = new HashSet<>();
        for (EnumInfo e : context.enums.values()) {
            if (!enumNames.add(e.schema + "\u0000" + e.dbName)) {
                d.error("An enum with the same database name is already defined.",
                        e.mapAttr != null ? e.mapAttr.span() : e.decl.name().span());
            }
        }
    }

    void collectConstraintNames() {
        collecting = true;
        for (Model model : context.models) {
            if (model.pk != null) {
                primaryKeyName(model);
            }
            for (Idx idx : model.indexes) {
                indexName(model, idx);
            }
        }
        collecting = false;
    }

    void primaryKeyName(Model model) {
        if (context.provider != Provider.POSTGRESQL || model.isView()) {
            return;
        }
        String name = model.pk.map != null ? model.pk.map : constraintName(model, List.of(), "pkey");
        checkConstraintName(scope("pk", model), name, model.pk, model.pk.attributeName(), model.pk.attr.span());
    }

    void indexName(Model model, Idx idx) {
        if (context.provider != null && !idx.fields.isEmpty() && !model.isView()) {
            String suffix = switch (idx.kind) {
                case UNIQUE -> "key";
                case NORMAL, FULLTEXT -> "idx";
            };
            String name = idx.map != null ? idx.map : constraintName(model,
                    idx.fields.stream().map(f -> f.field().dbName).toList(), suffix);
            checkConstraintName(scope("idx", model), name, idx, idx.attributeName(), idx.attr.span());
        }
    }

    private String tableName(Model m) {
        return m.dbName;
    }

    private int maxIdentifierLength() {
        return context.provider == Provider.MYSQL ? 64 : 63;
    }

    private String constraintName(Model m, List<String> columns, String suffix) {
        String base = tableName(m) + (columns.isEmpty() ? "" : "_" + String.join("_", columns));
        int max = maxIdentifierLength() - suffix.length() - 1;
        if (base.length() > max) {
            base = base.substring(0, max);
        }
        return base + "_" + suffix;
    }

    private String scope(String kind, Model m) {
        // namespaces in which constraint names must be unique, per connector
        if (context.provider == Provider.POSTGRESQL) {
            return "global:" + m.schema;
        }
        if (context.provider == Provider.SQLITE) {
            return kind.equals("pk") ? null : "global:" + m.schema;
        }
        if (context.provider == Provider.MYSQL) {
            return kind.equals("pk") ? null : "model:" + m.name();
        }
        return null;
    }

    private String scopeDescription() {
        return switch (context.provider) {
            case POSTGRESQL -> "global for primary key, indexes and unique constraints";
            case SQLITE -> "global for indexes and unique constraints";
            case MYSQL -> "model for indexes and unique constraints";
        };
    }

    private void checkConstraintName(String scope, String name, Object owner, String attribute, Span span) {
        if (scope == null) {
            return;
        }
        String key = scope + "\u0000" + name;
        if (collecting) {
            globalConstraintNames.computeIfAbsent(key, k -> new ArrayList<>()).add(owner);
        } else if (globalConstraintNames.getOrDefault(key, List.of()).size() > 1) {
            // every definition that shares the name is reported, each where it is visited
            reportConstraintName(name, attribute, span);
        }
    }

    private void reportConstraintName(String name, String attribute, Span span) {
        attributeError(attribute, "The given constraint name `" + name + "` has to be "
                + "unique in the following namespace: " + scopeDescription() + ". Please provide a different name "
                + "using the `map` argument.", span);
    }
}
