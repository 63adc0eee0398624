package dev.prismaspring.schema.nativetypes;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.PslParser;
import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.FieldType;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.schema.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal stand-in for the main validator, for tests only: reads a schema with {@link PslParser}, walks datasource,
 * generator, fields and index attributes, and drives the classes of this package with what it finds.
 */
final class FixtureHarness {

    static final Path CORPUS = Path.of("/work/shared/corpus");
    static final Set<String> SCALARS = Set.of("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes");

    final String text;
    final SchemaAst ast;
    final Provider provider;
    final String providerName;
    final String datasourceName;
    final ConfigBlock datasource;
    final List<String> previewFeatures = new ArrayList<>();

    FixtureHarness(String text) {
        this.text = text;
        PslParser.Result result = PslParser.parse(text);
        if (result.diagnostics().hasErrors()) {
            throw new IllegalArgumentException("syntax errors: " + result.diagnostics());
        }
        this.ast = result.ast();
        ConfigBlock ds = null;
        for (ConfigBlock block : ast.configBlocks()) {
            if (block.kind() == ConfigBlock.Kind.DATASOURCE && ds == null) {
                ds = block;
            }
            if (block.kind() == ConfigBlock.Kind.GENERATOR) {
                ConfigProperty pf = block.property("previewFeatures");
                if (pf != null && pf.value() instanceof Expression.ArrayValue array) {
                    for (Expression e : array.elements()) {
                        if (e instanceof Expression.StringValue s) {
                            previewFeatures.add(s.value());
                        }
                    }
                }
            }
        }
        this.datasource = ds;
        if (ds != null) {
            this.datasourceName = ds.name().name();
            this.providerName = ((Expression.StringValue) ds.property("provider").value()).value();
            this.provider = Provider.fromName(providerName).orElseThrow();
        } else {
            this.datasourceName = null;
            this.providerName = null;
            this.provider = null;
        }
    }

    static FixtureHarness load(String relative) throws IOException {
        return new FixtureHarness(Files.readString(CORPUS.resolve(relative), StandardCharsets.UTF_8));
    }

    /** The upstream harness's expectation block (README §2.1), ANSI codes included. */
    String expectation() {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // last run of lines starting with "//" at column 0, running to the end of the file, not on line 1
        int start = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("//")) {
                if (start < 0) {
                    start = i;
                }
            } else if (!(i == lines.size() - 1 && line.isEmpty())) {
                start = -1;
            }
        }
        if (start < 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == lines.size() - 1 && line.isEmpty()) {
                break;
            }
            while (line.startsWith("// ")) {
                line = line.substring(3);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    String print(Diagnostics diagnostics) {
        return new dev.prismaspring.psl.DiagnosticPrinter(true).print(ast.files(), diagnostics.all());
    }

    // ------------------------------------------------------------------------------------------ running the rules

    /** Runs every rule of this package over the schema, in Prisma's order. */
    Diagnostics run() {
        Diagnostics d = new Diagnostics();
        if (datasource != null) {
            ConfigProperty ext = datasource.property("extensions");
            if (ext != null) {
                PostgresExtensions.validateProperty(provider, ext, previewFeatures.contains("postgresqlExtensions"), d);
            }
        }
        if (provider == null) {
            return d;
        }
        for (ModelDecl model : ast.models()) {
            Map<String, Field> fields = new HashMap<>();
            Map<String, NativeType> nativeTypes = new HashMap<>();
            for (Field field : model.fields()) {
                fields.put(field.name().name(), field);
                Attribute nt = nativeTypeAttribute(field);
                if (nt != null && SCALARS.contains(field.typeName())) {
                    nativeTypes.put(field.name().name(), NativeTypeValidator.resolve(provider, nt));
                }
            }
            IndexDefinition pk = null;
            List<IndexDefinition> indexes = new ArrayList<>();
            for (Field field : model.fields()) {
                for (Attribute attr : field.attributes()) {
                    String name = attr.nameText();
                    if (name.equals("id") || name.equals("unique")) {
                        IndexFieldInfo info = fieldInfo(field, nativeTypes.get(field.name().name()))
                                .withLength(argument(attr, "length") != null)
                                .withSortOrder(argument(attr, "sort") != null);
                        IndexDefinition def = definition(name.equals("id") ? IndexKind.PRIMARY_KEY : IndexKind.UNIQUE,
                                "@" + name, attr, List.of(info));
                        if (def.kind() == IndexKind.PRIMARY_KEY) {
                            pk = def;
                        } else {
                            indexes.add(def);
                        }
                    }
                }
            }
            for (Attribute attr : model.attributes()) {
                IndexKind kind = switch (attr.nameText()) {
                    case "id" -> IndexKind.PRIMARY_KEY;
                    case "unique" -> IndexKind.UNIQUE;
                    case "index" -> IndexKind.NORMAL;
                    case "fulltext" -> IndexKind.FULLTEXT;
                    default -> null;
                };
                if (kind == null) {
                    continue;
                }
                List<IndexFieldInfo> infos = new ArrayList<>();
                Expression list = firstArgument(attr);
                if (list instanceof Expression.ArrayValue array) {
                    for (Expression e : array.elements()) {
                        IndexFieldInfo info = indexField(e, fields, nativeTypes);
                        if (info != null) {
                            infos.add(info);
                        }
                    }
                }
                IndexDefinition def = definition(kind, "@@" + attr.nameText(), attr, infos);
                if (kind == IndexKind.PRIMARY_KEY) {
                    pk = def;
                } else {
                    indexes.add(def);
                }
            }
            if (pk != null) {
                IndexRules.validatePrimaryKeyLengthPrefix(provider, pk, d);
            }
            IndexRules.validateModelConnectorSpecific(provider, indexes, pk, d);
            if (pk != null) {
                IndexRules.validateLengthUsedWithCorrectTypes(provider, pk, d);
                IndexRules.validateClustering(provider, pk, d);
            }
            for (Field field : model.fields()) {
                Attribute nt = nativeTypeAttribute(field);
                if (nt != null && SCALARS.contains(field.typeName())) {
                    NativeTypeValidator.validate(provider, providerName, datasourceName, field.typeName(), nt, d);
                }
            }
            for (IndexDefinition index : indexes) {
                IndexRules.validateIndex(provider, index, d);
            }
        }
        return d;
    }

    static Attribute nativeTypeAttribute(Field field) {
        for (Attribute attr : field.attributes()) {
            if (attr.nameText().contains(".")) {
                return attr;
            }
        }
        return null;
    }

    private IndexFieldInfo fieldInfo(Field field, NativeType nativeType) {
        String type = field.typeName();
        boolean unsupported = field.type() instanceof FieldType.Unsupported;
        return new IndexFieldInfo(field.name().name(), SCALARS.contains(type) ? type : null, unsupported,
                field.isList(), nativeType, null, false, false, false, field.span());
    }

    private IndexFieldInfo indexField(Expression e, Map<String, Field> fields, Map<String, NativeType> nativeTypes) {
        String name;
        List<Argument> args = List.of();
        if (e instanceof Expression.ConstantValue c) {
            name = c.value();
        } else if (e instanceof Expression.FunctionCall call) {
            name = call.name();
            args = call.arguments().arguments();
        } else {
            return null;
        }
        Field field = fields.get(name);
        if (field == null) {
            return null;
        }
        IndexFieldInfo info = fieldInfo(field, nativeTypes.get(name));
        for (Argument arg : args) {
            if (arg.name() == null) {
                continue;
            }
            switch (arg.name().name()) {
                case "ops" -> {
                    if (arg.value() instanceof Expression.FunctionCall raw && raw.name().equals("raw")) {
                        Expression s = raw.arguments().arguments().get(0).value();
                        info = info.withOperatorClass(((Expression.StringValue) s).value(), true);
                    } else {
                        info = info.withOperatorClass(arg.value().raw(), false);
                    }
                }
                case "length" -> info = info.withLength(true);
                case "sort" -> info = info.withSortOrder(true);
                default -> {
                }
            }
        }
        return info;
    }

    private static IndexDefinition definition(IndexKind kind, String attributeName, Attribute attr, List<IndexFieldInfo> infos) {
        IndexDefinition def = IndexDefinition.of(kind, attributeName, attr.span(), infos);
        Argument type = argument(attr, "type");
        if (type != null) {
            def = def.withAlgorithm(IndexAlgorithm.fromName(type.value().raw()).orElseThrow(), type.span());
        }
        Argument clustered = argument(attr, "clustered");
        if (clustered != null) {
            def = def.withClustered(Boolean.parseBoolean(clustered.value().raw()));
        }
        return def;
    }

    static Argument argument(Attribute attr, String name) {
        for (Argument arg : attr.arguments().arguments()) {
            if (arg.name() != null && arg.name().name().equals(name)) {
                return arg;
            }
        }
        return null;
    }

    static Expression firstArgument(Attribute attr) {
        for (Argument arg : attr.arguments().arguments()) {
            if (arg.name() == null || arg.name().name().equals("fields")) {
                return arg.value();
            }
        }
        return null;
    }

    static Span spanOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException(needle);
        }
        return new Span(0, at, at + needle.length());
    }
}
