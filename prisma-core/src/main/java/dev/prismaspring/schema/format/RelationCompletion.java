package dev.prismaspring.schema.format;

import dev.prismaspring.psl.SourceFile;
import dev.prismaspring.psl.SourceFiles;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.FieldArity;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.Span;
import dev.prismaspring.schema.format.RelationSchema.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code prisma format} adds to a schema before formatting it: the missing side of a
 * relation (back-relation field or forward field with {@code @relation}), the missing scalar
 * foreign-key fields (with the referenced field's native type), and a missing {@code @relation}
 * attribute or its missing {@code fields}/{@code references} arguments.
 *
 * <p>As in Prisma, the additions are text insertions into the source (at the closing brace of a
 * model, or after a field type), which the formatter then lays out. A schema with syntax errors
 * or unresolvable types gets no additions.
 */
public final class RelationCompletion {

    /** A piece of text to insert at a position of one file. */
    public record Insertion(int fileId, int position, String content) {
    }

    private final RelationSchema schema;
    private final SourceFiles files;
    private final List<Insertion> insertions = new ArrayList<>();

    private RelationCompletion(SchemaAst ast) {
        this.schema = new RelationSchema(ast);
        this.files = ast.files();
    }

    /** The insertions for a schema that parsed without errors, in Prisma's order. */
    public static List<Insertion> insertions(SchemaAst ast) {
        RelationCompletion completion = new RelationCompletion(ast);
        if (!completion.schema.consistent()) {
            return List.of();
        }
        List<InlineRelation> relations = InlineRelation.infer(completion.schema);
        for (InlineRelation relation : relations) {
            completion.missingRelationFields(relation);
            completion.missingScalarFields(relation);
        }
        for (InlineRelation relation : relations) {
            completion.missingRelationAttribute(relation);
        }
        for (InlineRelation relation : relations) {
            completion.missingRelationArguments(relation);
        }
        return completion.insertions;
    }

    /** The files with the insertions applied (files without insertions are returned as they are). */
    public static SourceFiles apply(SourceFiles files, List<Insertion> insertions) {
        Map<Integer, List<Insertion>> byFile = new HashMap<>();
        for (Insertion insertion : insertions) {
            byFile.computeIfAbsent(insertion.fileId(), k -> new ArrayList<>()).add(insertion);
        }
        List<SourceFile> result = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            List<Insertion> mine = byFile.get(i);
            if (mine == null) {
                result.add(file);
                continue;
            }
            mine.sort(Comparator.comparingInt(Insertion::position)); // stable: equal positions keep their order
            StringBuilder text = new StringBuilder(file.text());
            for (int j = mine.size() - 1; j >= 0; j--) {
                text.insert(mine.get(j).position(), mine.get(j).content());
            }
            result.add(new SourceFile(file.name(), text.toString()));
        }
        return new SourceFiles(result);
    }

    // ------------------------------------------------------------------ the four kinds of addition

    private void missingRelationFields(InlineRelation relation) {
        if (relation.back() == null) {
            String modelName = relation.referencing().name();
            String arity = relation.oneToOne() ? "?" : "[]";
            String camel = Inflector.camelCase(modelName);
            String fieldName = relation.oneToOne() ? camel : Inflector.plural(camel);
            String ignore = relation.referencing().ignored() ? "@ignore" : "";
            insertAtEnd(relation.referenced(), fieldName + " " + modelName + arity + " " + ignore + "\n");
        }
        if (relation.forward() == null) {
            String modelName = relation.referenced().name();
            String arity = arity(forwardArity(relation));
            String camel = Inflector.camelCase(modelName);
            String fieldName = arity.equals("[]") ? Inflector.plural(camel) : camel;
            insertAtEnd(relation.referencing(), fieldName + " " + modelName + arity + " @relation("
                    + fieldsArgument(relation) + ", " + referencesArgument(relation) + ")\n");
        }
    }

    private void missingScalarFields(InlineRelation relation) {
        if (relation.forward() != null && relation.forward().fields() != null) {
            return;
        }
        for (InferredField field : inferReferencingFields(relation)) {
            if (relation.referencing().scalarField(field.name(), schema.models()) != null) {
                continue;
            }
            if (!RelationSchema.BUILTIN_SCALARS.contains(field.type())) {
                return; // as Prisma: stop at the first field that is not a built-in scalar
            }
            Attribute nativeType = schema.nativeType(field.blueprint());
            String attributes = nativeType == null ? "" : slice(nativeType.span());
            insertAtEnd(relation.referencing(),
                    field.name() + " " + field.type() + arity(field.arity()) + " " + attributes + "\n");
        }
    }

    private void missingRelationAttribute(InlineRelation relation) {
        if (relation.forward() == null || relation.forward().attribute() != null) {
            return;
        }
        Field field = relation.forward().field();
        int typeEnd = field.type().span().end();
        String text = files.get(field.span().fileId()).text();
        int position = typeEnd;
        while (position < text.length() && "[]?!".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        insertions.add(new Insertion(field.span().fileId(), position,
                " @relation(" + fieldsArgument(relation) + ", " + referencesArgument(relation) + ")"));
    }

    private void missingRelationArguments(InlineRelation relation) {
        if (relation.forward() == null || relation.forward().attribute() == null) {
            return;
        }
        List<String> extra = new ArrayList<>();
        if (relation.forward().fields() == null) {
            extra.add(fieldsArgument(relation));
        }
        if (relation.forward().references() == null) {
            extra.add(referencesArgument(relation));
        }
        if (extra.isEmpty()) {
            return; // Prisma inserts an empty ", " here, which formatting removes again
        }
        Attribute attribute = relation.forward().attribute();
        Span span = attribute.span();
        boolean noArguments = attribute.arguments().arguments().isEmpty();
        String content = (noArguments ? "(" : ", ") + String.join(", ", extra) + (noArguments ? ")" : "");
        insertions.add(new Insertion(span.fileId(), noArguments ? span.end() : span.end() - 1, content));
    }

    // ------------------------------------------------------------------ helpers

    /** A foreign-key field Prisma would expect: {@code <referencedModel><PascalField>} per unique field. */
    private record InferredField(String name, FieldArity arity, String type, Field blueprint) {
    }

    private List<InferredField> inferReferencingFields(InlineRelation relation) {
        List<List<Field>> criteria = schema.uniqueCriteria(relation.referenced());
        if (criteria.isEmpty()) {
            return List.of();
        }
        List<InferredField> inferred = new ArrayList<>();
        String prefix = lowerFirst(relation.referenced().name());
        for (Field field : criteria.get(0)) {
            String name = prefix + upperFirst(field.name().name());
            Field existing = relation.referencing().scalarField(name, schema.models());
            if (existing != null) {
                inferred.add(new InferredField(name, existing.arity(), existing.typeName(), field));
            } else {
                FieldArity arity = relation.forward() != null ? relation.forward().field().arity() : FieldArity.OPTIONAL;
                inferred.add(new InferredField(name, arity, field.typeName(), field));
            }
        }
        return inferred;
    }

    private FieldArity forwardArity(InlineRelation relation) {
        if (relation.forward() != null) {
            return relation.forward().field().arity();
        }
        return inferReferencingFields(relation).stream().anyMatch(f -> f.arity() == FieldArity.OPTIONAL)
                ? FieldArity.OPTIONAL : FieldArity.REQUIRED;
    }

    private String fieldsArgument(InlineRelation relation) {
        return "fields: [" + String.join(", ", inferReferencingFields(relation).stream()
                .map(InferredField::name).toList()) + "]";
    }

    /** The {@code references:} argument as given, else the referenced model's first strict unique criterion. */
    private String referencesArgument(InlineRelation relation) {
        List<String> names;
        if (relation.forward() != null && relation.forward().references() != null) {
            names = relation.forward().references();
        } else {
            names = schema.uniqueCriteria(relation.referenced()).stream()
                    .filter(c -> c.stream().noneMatch(f -> f.isOptional()
                            || f.type() instanceof dev.prismaspring.psl.ast.FieldType.Unsupported))
                    .findFirst().map(c -> c.stream().map(f -> f.name().name()).toList()).orElse(List.of());
        }
        return "references: [" + String.join(", ", names) + "]";
    }

    private void insertAtEnd(Model model, String content) {
        Span span = model.decl().span();
        insertions.add(new Insertion(span.fileId(), span.end() - 1, content));
    }

    private String slice(Span span) {
        return files.get(span.fileId()).slice(span);
    }

    private static String arity(FieldArity arity) {
        return switch (arity) {
            case REQUIRED -> "";
            case OPTIONAL -> "?";
            case LIST -> "[]";
        };
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(0, 1)).toLowerCase(java.util.Locale.ROOT)
                + s.substring(s.offsetByCodePoints(0, 1));
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT)
                + s.substring(s.offsetByCodePoints(0, 1));
    }
}
