package dev.prismaspring.schema.format;

import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.ast.Top;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The little of the schema that relation completion needs, read straight from the syntax tree:
 * models (and views) with their scalar and relation fields, unique criteria and native types.
 * It plays the part of Prisma's parser database for {@code prisma format}; {@link #consistent()}
 * is false where that database would report an error, in which case nothing is added.
 */
final class RelationSchema {

    static final Set<String> BUILTIN_SCALARS =
            Set.of("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes");

    /** A model or view. */
    record Model(ModelDecl decl, List<Field> fields, boolean ignored) {
        String name() {
            return decl.name().name();
        }

        Field scalarField(String fieldName, Map<String, Model> models) {
            for (Field f : fields) {
                if (f.name().name().equals(fieldName) && !models.containsKey(f.typeName())) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * A field whose type is a model.
     *
     * @param relationName {@code @relation("name")} or {@code name:}, else {@code null}
     * @param fields       the {@code fields:} argument, or {@code null} when absent
     * @param references   the {@code references:} argument, or {@code null} when absent
     * @param attribute    the {@code @relation} attribute, or {@code null}
     */
    record RelationField(Model model, Field field, Model referenced, String relationName, List<String> fields,
                         List<String> references, Attribute attribute) {
        String name() {
            return field.name().name();
        }
    }

    /** Attributes Prisma's parser database rejects on relation fields. */
    private static final List<String> RELATION_FIELD_FORBIDDEN = List.of("id", "default", "map", "unique");

    /** Block attributes whose field list must name scalar fields of the model. */
    private static final Set<String> INDEX_ATTRIBUTES = Set.of("id", "unique", "index", "fulltext", "shardKey");

    private final Map<String, Model> models = new LinkedHashMap<>();
    private final List<RelationField> relationFields = new ArrayList<>();
    private final String datasourceName;
    private boolean consistent = true;

    RelationSchema(SchemaAst ast) {
        Set<String> otherTypes = new HashSet<>();
        String datasource = null;
        for (Top top : ast.tops()) {
            if (top instanceof ModelDecl m && !m.isCompositeType()) {
                boolean ignored = m.attributes().stream().anyMatch(a -> a.nameText().equals("ignore"));
                if (models.put(m.name().name(), new Model(m, m.fields(), ignored)) != null) {
                    consistent = false;
                }
            } else if (top instanceof ConfigBlock c) {
                if (c.kind() == ConfigBlock.Kind.DATASOURCE && datasource == null) {
                    datasource = c.name().name();
                }
            } else {
                otherTypes.add(top.name().name());
            }
        }
        this.datasourceName = datasource;
        for (Model model : models.values()) {
            for (Attribute attribute : model.decl().attributes()) {
                if (INDEX_ATTRIBUTES.contains(attribute.nameText())) {
                    criterionFields(model, attribute); // unknown or relation fields are errors
                }
            }
        }
        for (Model model : models.values()) {
            for (Field field : model.fields()) {
                String type = field.typeName();
                if (field.type() instanceof dev.prismaspring.psl.ast.FieldType.Unsupported) {
                    continue;
                }
                Model referenced = models.get(type);
                if (referenced != null) {
                    relationFields.add(relationField(model, field, referenced));
                    if (RELATION_FIELD_FORBIDDEN.stream().anyMatch(a -> field.attribute(a) != null)) {
                        consistent = false;
                    }
                } else if (field.attribute("relation") != null) {
                    consistent = false; // "Invalid field type, not a relation."
                } else if (!BUILTIN_SCALARS.contains(type) && !otherTypes.contains(type)) {
                    consistent = false; // unknown type: Prisma's parser database reports it
                }
            }
        }
    }

    private RelationField relationField(Model model, Field field, Model referenced) {
        Attribute relation = field.attribute("relation");
        String name = null;
        List<String> fields = null;
        List<String> references = null;
        if (relation != null) {
            for (Argument argument : relation.arguments().arguments()) {
                String argName = argument.name() == null ? null : argument.name().name();
                if ((argName == null || argName.equals("name"))
                        && argument.value() instanceof Expression.StringValue s) {
                    name = s.value();
                } else if ("fields".equals(argName)) {
                    fields = names(argument.value());
                    for (String f : fields) {
                        if (model.scalarField(f, models) == null) {
                            consistent = false;
                        }
                    }
                } else if ("references".equals(argName)) {
                    references = names(argument.value());
                    for (String f : references) {
                        if (referenced.scalarField(f, models) == null) {
                            consistent = false;
                        }
                    }
                }
            }
        }
        return new RelationField(model, field, referenced, name, fields, references, relation);
    }

    private List<String> names(Expression value) {
        List<String> names = new ArrayList<>();
        List<Expression> elements = value instanceof Expression.ArrayValue array ? array.elements() : List.of(value);
        for (Expression element : elements) {
            if (element instanceof Expression.ConstantValue constant) {
                names.add(constant.raw());
            } else {
                consistent = false;
            }
        }
        return names;
    }

    boolean consistent() {
        return consistent;
    }

    Map<String, Model> models() {
        return models;
    }

    /** Relation fields by model (schema order), then field order: Prisma's relation field order. */
    List<RelationField> relationFields() {
        return relationFields;
    }

    /**
     * The model's unique criteria in Prisma's order: the primary key ({@code @id} or {@code @@id}),
     * then {@code @unique} fields in field order, then {@code @@unique} attributes. Each criterion is
     * a list of scalar fields; a criterion naming an unknown field makes the schema inconsistent.
     */
    List<List<Field>> uniqueCriteria(Model model) {
        List<List<Field>> criteria = new ArrayList<>();
        for (String kind : List.of("id", "unique")) {
            for (Field field : model.fields()) {
                if (field.attribute(kind) != null && !models.containsKey(field.typeName())) {
                    criteria.add(List.of(field));
                }
            }
            for (Attribute attribute : model.decl().attributes()) {
                if (attribute.nameText().equals(kind)) {
                    criteria.add(criterionFields(model, attribute));
                }
            }
        }
        criteria.removeIf(Objects::isNull);
        return criteria;
    }

    private List<Field> criterionFields(Model model, Attribute attribute) {
        for (Argument argument : attribute.arguments().arguments()) {
            String argName = argument.name() == null ? null : argument.name().name();
            if ((argName == null || argName.equals("fields")) && argument.value() instanceof Expression.ArrayValue a) {
                List<Field> fields = new ArrayList<>();
                for (Expression element : a.elements()) {
                    String name = element instanceof Expression.FunctionCall call ? call.name() : element.raw();
                    if (name.contains(".")) {
                        return null; // a composite type path: never part of a relation's criteria
                    }
                    Field field = model.scalarField(name, models);
                    if (field == null) {
                        consistent = false;
                        return null;
                    }
                    fields.add(field);
                }
                return fields;
            }
        }
        consistent = false;
        return null;
    }

    /** Whether the scalar fields are exactly the fields of a unique index ({@code @unique} or {@code @@unique}). */
    boolean isUniqueIndex(Model model, List<String> fieldNames) {
        for (Field field : model.fields()) {
            if (field.attribute("unique") != null && fieldNames.equals(List.of(field.name().name()))) {
                return true;
            }
        }
        for (Attribute attribute : model.decl().attributes()) {
            if (attribute.nameText().equals("unique")) {
                List<Field> fields = criterionFields(model, attribute);
                if (fields != null && fields.stream().map(f -> f.name().name()).toList().equals(fieldNames)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The native type attribute of a scalar field ({@code @db.VarChar(20)}), or {@code null}. */
    Attribute nativeType(Field field) {
        if (datasourceName == null) {
            return null;
        }
        for (Attribute attribute : field.attributes()) {
            if (attribute.nameText().startsWith(datasourceName + ".")) {
                return attribute;
            }
        }
        return null;
    }
}
