package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.EnumValue;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Idx;
import dev.prismaspring.schema.validate.Model.IdxField;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.ArrayList;
import java.util.List;

/** Builds the immutable {@link Datamodel} from the working models, enums and configuration. */
final class DatamodelBuilder extends ValidationPhase {

    DatamodelBuilder(ValidationContext context) {
        super(context);
    }

    Datamodel build() {
        List<Datamodel.Model> outModels = new ArrayList<>();
        for (Model m : context.models) {
            List<Datamodel.Field> fields = new ArrayList<>();
            for (Fld f : m.fields) {
                if (f.kind == null) {
                    continue;
                }
                Datamodel.Arity arity = f.isList() ? Datamodel.Arity.LIST
                        : f.isOptional() ? Datamodel.Arity.OPTIONAL : Datamodel.Arity.REQUIRED;
                if (f.isRelation()) {
                    Relation r = f.relation;
                    fields.add(new Datamodel.RelationField(f.name(), f.target == null ? f.typeName() : f.target.name(),
                            arity, r == null ? null : r.name, f.fields().stream().map(Fld::name).toList(),
                            f.references().stream().map(Fld::name).toList(), f.onDelete, f.onUpdate, f.fkMap,
                            r == null ? null : r.kind,
                            f.back == null ? null : f.back.name(), f.ignored, f.decl.documentation()));
                } else {
                    Datamodel.FieldType type = switch (f.kind) {
                        case SCALAR -> new Datamodel.BuiltIn(f.scalar);
                        case ENUM -> new Datamodel.EnumRef(f.enumDecl.name().name());
                        case COMPOSITE -> new Datamodel.CompositeRef(f.composite.name().name());
                        default -> new Datamodel.Unsupported(f.unsupported);
                    };
                    Datamodel.NativeType nt = f.nativeAttr == null ? null
                            : new Datamodel.NativeType(nativeTypeName(f), nativeArgs(f.nativeAttr));
                    fields.add(new Datamodel.ScalarField(f.name(), f.dbName, type, arity, f.defaultValue, nt,
                            f.updatedAt, f.ignored, f.decl.documentation()));
                }
            }
            Datamodel.PrimaryKey pk = m.pk == null ? null : new Datamodel.PrimaryKey(indexFields(m.pk.fields),
                    m.pk.name, m.pk.map, m.pk.clustered);
            List<Datamodel.Index> indexes = new ArrayList<>();
            for (Idx idx : m.indexes) {
                indexes.add(new Datamodel.Index(idx.kind, indexFields(idx.fields), idx.name, idx.map, idx.type,
                        idx.where, idx.clustered, idx.sourceField != null));
            }
            outModels.add(new Datamodel.Model(m.name(), m.dbName, m.schema, m.isView(), m.ignored, fields, pk, indexes,
                    m.decl.documentation()));
        }
        List<Datamodel.EnumType> outEnums = new ArrayList<>();
        for (EnumInfo e : context.enums.values()) {
            List<Datamodel.EnumValueDef> values = new ArrayList<>();
            for (EnumValue v : e.decl.values()) {
                values.add(new Datamodel.EnumValueDef(v.name().name(),
                        e.valueDbNames.getOrDefault(v.name().name(), v.name().name()), v.documentation()));
            }
            outEnums.add(new Datamodel.EnumType(e.decl.name().name(), e.dbName, e.schema, values,
                    e.decl.documentation()));
        }
        List<Datamodel.CompositeType> composites = new ArrayList<>();
        for (Top top : context.ast.tops()) {
            if (top instanceof ModelDecl ct && ct.isCompositeType()) {
                composites.add(new Datamodel.CompositeType(ct.name().name(),
                        ct.fields().stream().map(f -> f.name().name()).toList()));
            }
        }
        return new Datamodel(context.provider, context.config == null ? null : context.config.datasource(),
                context.config == null ? List.of() : context.config.generators(), outModels, outEnums, composites);
    }

    private static List<Datamodel.IndexField> indexFields(List<IdxField> fields) {
        return fields.stream().map(f -> new Datamodel.IndexField(f.field().name(), f.sort(), f.length(), f.ops()))
                .toList();
    }

    private static String nativeTypeName(Fld f) {
        if (f.nativeAttr == null) {
            return null;
        }
        String n = f.nativeAttr.nameText();
        return n.substring(n.indexOf('.') + 1);
    }

    private static List<String> nativeArgs(Attribute a) {
        return a.arguments().arguments().stream().map(arg -> arg.value() instanceof Expression.StringValue s
                ? s.value() : arg.value().raw()).toList();
    }
}
