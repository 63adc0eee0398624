package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.nativetypes.PostgresExtension;
import dev.prismaspring.schema.nativetypes.PostgresExtensions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and checks the {@code datasource} and {@code generator} blocks (Prisma's configuration
 * loader), including preview features. The project accepts {@code url}, {@code directUrl} and
 * {@code shadowDatabaseUrl} as Prisma 6 did, and knows {@code metrics} as a deprecated feature.
 */
final class ConfigValidation {

    /** Preview features Prisma 7.10 knows as active, in the order of its "Expected one of" list. */
    static final List<String> ACTIVE_FEATURES = List.of("fullTextSearchPostgres", "nativeDistinct", "partialIndexes",
            "postgresqlExtensions", "relationJoins", "schemaEngineDriverAdapters", "shardKeys",
            "strictUndefinedChecks", "typedSql", "views");

    /** Preview features that became generally available (or were dropped): warned about, otherwise ignored. */
    static final Set<String> DEPRECATED_FEATURES = Set.of("aggregateApi", "atomicNumberOperations", "clientExtensions",
            "cockroachdb", "connectOrCreate", "createMany", "dataProxy", "deno", "distinct", "driverAdapters",
            "extendedIndexes", "extendedWhereUnique", "fieldReference", "filteredRelationCount", "filterJson",
            "fullTextIndex", "improvedQueryRaw", "interactiveTransactions", "jsonProtocol", "metrics",
            "microsoftSqlServer", "middlewares", "mongoDb", "multiSchema", "namedConstraints", "napi", "nApi",
            "nativeTypes", "omitApi", "orderByAggregateGroup", "orderByRelation", "prismaSchemaFolder",
            "queryCompiler", "referentialActions", "referentialIntegrity", "selectRelationCount", "tracing",
            "transactionApi", "uncheckedScalarInputs", "groupBy", "insensitiveFilters");

    static final Set<String> KNOWN_PROVIDERS_UNSUPPORTED = Set.of("sqlserver", "mongodb", "cockroachdb");

    /** What the configuration blocks resolved to. */
    record Result(Datamodel.Datasource datasource, Span datasourceSpan, Span schemasSpan, Span providerSpan,
                  List<Datamodel.Generator> generators, Set<String> previewFeatures,
                  ConfigProperty extensionsProperty, List<PostgresExtension> extensions) {
    }

    private final SchemaAst ast;
    private final Diagnostics d;

    ConfigValidation(SchemaAst ast, Diagnostics diagnostics) {
        this.ast = ast;
        this.d = diagnostics;
    }

    Result run() {
        Datamodel.Datasource ds = null;
        Span dsSpan = null;
        Span schemasSpan = null;
        Span providerSpan = null;
        boolean first = true;
        List<ConfigBlock> datasources = ast.configBlocks().stream()
                .filter(b -> b.kind() == ConfigBlock.Kind.DATASOURCE).toList();
        if (datasources.size() > 1) {
            for (ConfigBlock b : datasources) {
                d.error("You defined more than one datasource. This is not allowed yet because support for multiple "
                        + "databases has not been implemented yet.", b.span());
            }
        }
        DatasourceHolder holder = new DatasourceHolder();
        for (ConfigBlock block : datasources) {
            if (!first) {
                break;
            }
            first = false;
            ds = loadDatasource(block, holder);
            dsSpan = block.span();
            schemasSpan = holder.schemasSpan;
            providerSpan = holder.providerSpan;
        }
        List<Datamodel.Generator> generators = new ArrayList<>();
        Set<String> features = new LinkedHashSet<>();
        for (ConfigBlock block : ast.configBlocks()) {
            if (block.kind() == ConfigBlock.Kind.GENERATOR) {
                Datamodel.Generator g = loadGenerator(block, ds, features);
                if (g != null) {
                    generators.add(g);
                }
            }
        }
        if (ds != null) {
            ds = new Datamodel.Datasource(ds.name(), ds.provider(), ds.providerName(), ds.relationMode(),
                    ds.relationModeExplicit(), ds.schemas(), ds.extensions(), ds.url(), ds.directUrl(),
                    ds.shadowDatabaseUrl(), List.copyOf(features), ds.documentation());
        }
        return new Result(ds, dsSpan, schemasSpan, providerSpan, generators, features, holder.extensionsProperty,
                holder.extensions);
    }

    private static final class DatasourceHolder {
        Span schemasSpan;
        ConfigProperty extensionsProperty;
        List<PostgresExtension> extensions;
        Span providerSpan;
    }

    private Datamodel.Datasource loadDatasource(ConfigBlock block, DatasourceHolder holder) {
        String name = block.name().name();
        Map<String, ConfigProperty> args = new LinkedHashMap<>();
        for (ConfigProperty p : block.properties()) {
            if (p.value() == null) {
                d.error("Property " + p.name().name() + " in datasource " + name + " needs to be assigned a value",
                        block.span());
                continue;
            }
            args.putIfAbsent(p.name().name(), p);
        }
        ConfigProperty providerProp = args.remove("provider");
        if (providerProp == null) {
            d.error("Argument \"provider\" is missing in data source block \"" + name + "\".", block.span());
            return null;
        }
        Expression pv = providerProp.value();
        holder.providerSpan = pv.span();
        if (pv instanceof Expression.FunctionCall f && f.name().equals("env")) {
            d.error("A datasource must not use the env() function in the provider argument.", pv.span());
            return null;
        }
        if (!(pv instanceof Expression.StringValue sv)) {
            d.error(sourceError(name, "The provider argument in a datasource must be a string literal"), pv.span());
            return null;
        }
        String providerName = sv.value();
        if (providerName.isEmpty()) {
            d.error(sourceError(name, "The provider argument in a datasource must not be empty"), pv.span());
            return null;
        }
        Provider provider = Provider.fromName(providerName).orElse(null);
        if (provider == null) {
            String supported = "Supported providers: \"postgresql\" (or \"postgres\"), \"mysql\" and \"sqlite\".";
            if (KNOWN_PROVIDERS_UNSUPPORTED.contains(providerName)) {
                d.error("The datasource provider \"" + providerName + "\" is not supported by Prisma for Spring Boot. "
                        + supported, pv.span());
            } else {
                d.error("Datasource provider not known: \"" + providerName + "\". " + supported, pv.span());
            }
            return null;
        }

        String url = urlProperty(args.remove("url"));
        ConfigProperty directProp = args.remove("directUrl");
        String directUrl = urlProperty(directProp);
        ConfigProperty shadowProp = args.remove("shadowDatabaseUrl");
        String shadowUrl = urlProperty(shadowProp);
        if (shadowUrl != null && directUrl != null && shadowUrl.equals(directUrl)) {
            d.error("shadowDatabaseUrl is the same as directUrl for datasource \"" + name
                    + "\". Please specify a different database as shadow database to avoid data loss.",
                    directProp.value().span());
        }
        ConfigProperty urlProp = block.property("url");
        if (shadowUrl != null && url != null && shadowUrl.equals(url)) {
            d.error("shadowDatabaseUrl is the same as url for datasource \"" + name
                    + "\". Please specify a different database as shadow database to avoid data loss.",
                    urlProp.value().span());
        }

        // relationMode / referentialIntegrity
        Datamodel.RelationMode relationMode = Datamodel.RelationMode.FOREIGN_KEYS;
        boolean explicit = false;
        ConfigProperty ri = args.get("referentialIntegrity");
        ConfigProperty rm = args.get("relationMode");
        if (ri != null) {
            d.warning("The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. Learn more "
                    + "at https://pris.ly/d/relation-mode", lineSpan(ri));
        }
        if (ri != null && rm != null) {
            d.error("The `referentialIntegrity` and `relationMode` attributes cannot be used together. Please use only "
                    + "`relationMode` instead.", lineSpan(ri));
            args.remove("referentialIntegrity");
            args.remove("relationMode");
        } else {
            ConfigProperty mode = rm != null ? args.remove("relationMode") : args.remove("referentialIntegrity");
            if (mode != null) {
                String value = Coerce.string(mode.value(), d);
                if ("prisma".equals(value)) {
                    relationMode = Datamodel.RelationMode.PRISMA;
                    explicit = true;
                } else if ("foreignKeys".equals(value)) {
                    explicit = true;
                } else if (value != null) {
                    d.error(sourceError("relationMode", "Invalid relation mode setting: \"" + value
                            + "\". Supported values: \"foreignKeys\", \"prisma\""), mode.span());
                }
            }
        }

        List<String> schemas = new ArrayList<>();
        ConfigProperty schemasProp = args.remove("schemas");
        if (schemasProp != null) {
            List<String> values = Coerce.array(schemasProp.value(), Coerce::string, d);
            if (values != null) {
                schemas.addAll(values);
                holder.schemasSpan = schemasProp.value().span();
            }
        }

        List<Datamodel.Extension> extensions = new ArrayList<>();
        if (provider == Provider.POSTGRESQL) {
            ConfigProperty extProp = args.remove(PostgresExtensions.KEY);
            if (extProp != null) {
                holder.extensionsProperty = extProp;
                holder.extensions = PostgresExtensions.parse(extProp.value(), d);
                if (holder.extensions != null) {
                    for (PostgresExtension e : holder.extensions) {
                        extensions.add(new Datamodel.Extension(e.name(), e.dbName(), e.schema(), e.version()));
                    }
                }
            }
        }

        for (ConfigProperty p : args.values()) {
            d.error("Property not known: \"" + p.name().name() + "\".", lineSpan(p));
        }
        return new Datamodel.Datasource(name, provider, providerName, relationMode, explicit, schemas, extensions, url,
                directUrl, shadowUrl, List.of(), block.documentation());
    }

    /** A URL property: a string literal or {@code env("VAR")}; returns a comparable key or {@code null}. */
    private String urlProperty(ConfigProperty prop) {
        if (prop == null) {
            return null;
        }
        Expression v = prop.value();
        if (v instanceof Expression.StringValue s) {
            return s.value();
        }
        if (v instanceof Expression.FunctionCall f && f.name().equals("env")) {
            List<Argument> args = f.arguments().arguments();
            if (args.size() == 1 && args.get(0).name() == null && args.get(0).value() instanceof Expression.StringValue s
                    && f.arguments().emptyArguments().isEmpty()) {
                return "env:" + s.value();
            }
            d.error("The env function expects a singular, unnamed, string argument.", f.span());
            return null;
        }
        d.error(Coerce.mismatch("string", v), v.span());
        return null;
    }

    /** A property from its key to the end of its value (Prisma's property span, without the line end). */
    private static Span lineSpan(ConfigProperty p) {
        return new Span(p.span().fileId(), p.name().span().start(),
                p.value() == null ? p.name().span().end() : p.value().span().end());
    }

    private static String sourceError(String source, String message) {
        return "Error validating datasource `" + source + "`: " + message;
    }

    private Datamodel.Generator loadGenerator(ConfigBlock block, Datamodel.Datasource ds, Set<String> features) {
        String name = block.name().name();
        boolean missing = false;
        for (ConfigProperty p : block.properties()) {
            if (p.value() == null) {
                d.error("Property " + p.name().name() + " in generator " + name + " needs to be assigned a value",
                        block.span());
                missing = true;
            }
        }
        if (missing) {
            return null;
        }
        Map<String, ConfigProperty> args = new LinkedHashMap<>();
        for (ConfigProperty p : block.properties()) {
            args.putIfAbsent(p.name().name(), p);
        }
        ConfigProperty providerProp = args.remove("provider");
        if (providerProp == null) {
            d.error("Argument \"provider\" is missing in generator block \"" + name + "\".", block.span());
            return null;
        }
        String provider = stringOrEnv(providerProp.value());
        ConfigProperty outputProp = args.remove("output");
        String output = outputProp == null ? null : stringOrEnv(outputProp.value());
        List<String> preview = new ArrayList<>();
        ConfigProperty pf = args.remove("previewFeatures");
        if (pf != null) {
            List<String> values = Coerce.array(pf.value(), Coerce::string, d);
            if (values != null) {
                for (String f : values) {
                    checkFeature(f, pf.value().span(), ds, features);
                    preview.add(f);
                }
            }
        }
        args.remove("binaryTargets");
        args.remove("engineType");
        Map<String, String> config = new LinkedHashMap<>();
        for (ConfigProperty p : args.values()) {
            config.put(p.name().name(), p.value().raw());
        }
        return new Datamodel.Generator(name, provider, output, preview, config, block.documentation());
    }

    private void checkFeature(String feature, Span span, Datamodel.Datasource ds, Set<String> features) {
        if (ACTIVE_FEATURES.contains(feature)) {
            features.add(feature);
        } else if (feature.equals("fullTextSearch") && ds != null && ds.provider() == Provider.POSTGRESQL) {
            d.warning("On `provider = \"postgresql\"`, preview feature \"fullTextSearch\" has been renamed to "
                    + "\"fullTextSearchPostgres\". Learn more at https://pris.ly/d/fts-postgres.", span);
        } else if (feature.equals("metrics")) {
            // the project's rule: known and deprecated, worded as Prisma 6.19 words it
            d.warning("Preview feature \"metrics\" is deprecated. It will be removed in a future version of Prisma.",
                    span);
        } else if (DEPRECATED_FEATURES.contains(feature) || feature.equals("fullTextSearch")) {
            d.warning("Preview feature \"" + feature + "\" is deprecated. The functionality can be used without "
                    + "specifying it as a preview feature.", span);
        } else {
            d.error("The preview feature \"" + feature + "\" is not known. Expected one of: "
                    + String.join(", ", ACTIVE_FEATURES), span);
        }
    }

    private String stringOrEnv(Expression v) {
        if (v instanceof Expression.StringValue s) {
            return s.value();
        }
        if (v instanceof Expression.FunctionCall f && f.name().equals("env")) {
            return v.raw();
        }
        d.error(Coerce.mismatch("string", v), v.span());
        return null;
    }
}
