package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.schema.Datamodel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable working state of the validator: models, fields, keys and indexes as resolved so far. */
final class Model {

    final ModelDecl decl;
    final List<Fld> fields = new ArrayList<>();
    final Map<String, Fld> byName = new LinkedHashMap<>();
    String dbName;
    Attribute mapAttr;
    String schema;
    Span schemaSpan;
    boolean ignored;
    Pk pk;
    final List<Idx> indexes = new ArrayList<>();
    Attribute shardKeyAttr;

    Model(ModelDecl decl) {
        this.decl = decl;
        this.dbName = decl.name().name();
    }

    String name() {
        return decl.name().name();
    }

    boolean isView() {
        return decl.isView();
    }

    String keyword() {
        return decl.isView() ? "view" : "model";
    }

    List<Fld> scalarFields() {
        return fields.stream().filter(f -> !f.isRelation()).toList();
    }

    List<Fld> relationFields() {
        return fields.stream().filter(Fld::isRelation).toList();
    }

    /** Field kinds after type resolution. */
    enum Kind {
        SCALAR, ENUM, COMPOSITE, UNSUPPORTED, RELATION
    }

    /** A field. */
    static final class Fld {
        final Field decl;
        final Model model;
        Kind kind;
        Datamodel.ScalarType scalar;
        EnumDecl enumDecl;
        Model target;
        ModelDecl composite;
        String unsupported;

        String dbName;
        Attribute mapAttr;
        boolean ignored;
        boolean updatedAt;
        Attribute defaultAttr;
        dev.prismaspring.psl.ast.Expression defaultExpr;
        Datamodel.DefaultValue defaultValue;
        String defaultFunction; // name of an unknown default function
        String defaultMap;
        Attribute nativeAttr;
        boolean shardKey;

        // relation
        Attribute relationAttr;
        List<Fld> relFields;
        List<Fld> relReferences;
        String explicitRelationName;
        Datamodel.ReferentialAction onDelete;
        Span onDeleteSpan;
        Datamodel.ReferentialAction onUpdate;
        Span onUpdateSpan;
        String fkMap;
        Fld back;
        Relation relation;

        Fld(Field decl, Model model) {
            this.decl = decl;
            this.model = model;
            this.dbName = decl.name().name();
        }

        String name() {
            return decl.name().name();
        }

        boolean isRelation() {
            return kind == Kind.RELATION;
        }

        boolean isOptional() {
            return decl.isOptional();
        }

        boolean isRequired() {
            return decl.arity() == dev.prismaspring.psl.ast.FieldArity.REQUIRED;
        }

        boolean isList() {
            return decl.isList();
        }

        boolean hasFieldsOrReferences() {
            return relFields != null || relReferences != null;
        }

        List<Fld> fields() {
            return relFields == null ? List.of() : relFields;
        }

        List<Fld> references() {
            return relReferences == null ? List.of() : relReferences;
        }

        /** The type name used in messages ({@code Int}, an enum name, ...). */
        String typeName() {
            return decl.typeName();
        }
    }

    /** A column of a key or index. */
    record IdxField(Fld field, Datamodel.SortOrder sort, Integer length, dev.prismaspring.psl.ast.Expression opsExpr) {
        boolean hasArgs() {
            return sort != null || length != null || opsExpr != null;
        }

        /** The {@code ops:} argument as written, or {@code null}. */
        String ops() {
            return opsExpr == null ? null : opsExpr.raw();
        }
    }

    /** A primary key. */
    static final class Pk {
        final List<IdxField> fields;
        final String name;
        final String map;
        final Boolean clustered;
        final Attribute attr;
        final Fld sourceField; // for @id

        Pk(List<IdxField> fields, String name, String map, Boolean clustered, Attribute attr, Fld sourceField) {
            this.fields = fields;
            this.name = name;
            this.map = map;
            this.clustered = clustered;
            this.attr = attr;
            this.sourceField = sourceField;
        }

        String attributeName() {
            return sourceField != null ? "@id" : "@@id";
        }
    }

    /** An index or unique constraint. */
    static final class Idx {
        Datamodel.IndexKind kind;
        List<IdxField> fields = List.of();
        String name;
        String map;
        String type;
        Span typeSpan;
        String where;
        Boolean clustered;
        Attribute attr;
        Fld sourceField; // for @unique

        boolean isUnique() {
            return kind == Datamodel.IndexKind.UNIQUE;
        }

        String attributeName() {
            if (sourceField != null) {
                return "@unique";
            }
            return switch (kind) {
                case UNIQUE -> "@@unique";
                case NORMAL -> "@@index";
                case FULLTEXT -> "@@fulltext";
            };
        }
    }

    /** A relation: one or two fields. */
    static final class Relation {
        Fld a; // forward side (with fields/references) for 1-1 and 1-n; first side for m-n
        Fld b; // back side, or null
        Datamodel.RelationKind kind;
        String name;
        boolean explicitName;
    }
}
