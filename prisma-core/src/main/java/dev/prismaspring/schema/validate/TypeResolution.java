package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.FieldType;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Datamodel.ScalarType;
import dev.prismaspring.schema.validate.Model.Fld;
import dev.prismaspring.schema.validate.Model.Kind;

/** Type resolution: builds the working models and fields and resolves every field type. */
final class TypeResolution extends ValidationPhase {

    TypeResolution(ValidationContext context) {
        super(context);
    }

    void run() {
        for (Top top : context.ast.tops()) {
            if (top instanceof ModelDecl m && !m.isCompositeType()) {
                Model model = new Model(m);
                context.models.add(model);
                context.modelsByName.put(model.name(), model);
            } else if (top instanceof EnumDecl e) {
                context.enums.put(e, new EnumInfo(e));
            }
        }
        for (Model model : context.models) {
            for (Field f : model.decl.fields()) {
                Fld fld = new Fld(f, model);
                model.fields.add(fld);
                model.byName.put(fld.name(), fld);
                resolveFieldType(fld, f.type());
            }
        }
        for (Top top : context.ast.tops()) {
            if (top instanceof ModelDecl ct && ct.isCompositeType()) {
                for (Field f : ct.fields()) {
                    if (f.type() instanceof FieldType.Named n && ScalarType.fromName(n.name()).isEmpty()) {
                        Top target = context.tops.get(n.name());
                        if (target instanceof ModelDecl tm && !tm.isCompositeType()) {
                            d.error("Error validating composite type \"" + ct.name().name() + "\": " + n.name()
                                    + " refers to a model, making this a relation field. Relation fields inside "
                                    + "composite types are not supported.", f.type().span());
                        } else if (target == null) {
                            typeNotFound(n);
                        }
                    }
                }
            } else if (top instanceof EnumDecl e && e.values().isEmpty()) {
                d.error("Error validating: An enum must have at least one value.", e.span());
            }
        }
    }

    private void resolveFieldType(Fld fld, FieldType type) {
        if (type instanceof FieldType.Unsupported u) {
            fld.kind = Kind.UNSUPPORTED;
            fld.unsupported = u.typeName();
            return;
        }
        FieldType.Named named = (FieldType.Named) type;
        ScalarType scalar = ScalarType.fromName(named.name()).orElse(null);
        if (scalar != null) {
            fld.kind = Kind.SCALAR;
            fld.scalar = scalar;
            return;
        }
        Top target = context.tops.get(named.name());
        if (target instanceof ModelDecl m && !m.isCompositeType()) {
            fld.kind = Kind.RELATION;
            fld.target = context.modelsByName.get(named.name());
        } else if (target instanceof ModelDecl ct) {
            fld.kind = Kind.COMPOSITE;
            fld.composite = ct;
        } else if (target instanceof EnumDecl e) {
            fld.kind = Kind.ENUM;
            fld.enumDecl = e;
        } else {
            typeNotFound(named);
        }
    }

    private void typeNotFound(FieldType.Named named) {
        String suggestion = null;
        for (ScalarType t : ScalarType.values()) {
            if (t.name().equalsIgnoreCase(named.name())) {
                suggestion = t.name();
            }
        }
        if (suggestion == null) {
            for (String name : context.tops.keySet()) {
                Top t = context.tops.get(name);
                if (!(t instanceof ConfigBlock) && name.equalsIgnoreCase(named.name())) {
                    suggestion = name;
                    break;
                }
            }
        }
        String base = "Type \"" + named.name() + "\" is neither a built-in type, nor refers to another model, "
                + "composite type, or enum.";
        d.error(suggestion == null ? base : base + " Did you mean \"" + suggestion + "\"?", named.span());
    }
}
