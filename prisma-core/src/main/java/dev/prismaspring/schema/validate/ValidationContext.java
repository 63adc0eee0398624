package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Diagnostics;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.schema.Datamodel;
import dev.prismaspring.schema.Provider;
import dev.prismaspring.schema.validate.Model.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the phases of one validation share: the syntax tree, the diagnostics, the working state the resolution
 * phases build (declarations by name, models, enums, relations) and, once read, the configuration.
 */
final class ValidationContext {

    final SchemaAst ast;
    final Diagnostics diagnostics;
    /** Models, views, composite types and enums by name (filled by name resolution). */
    final Map<String, Top> tops = new LinkedHashMap<>();
    final List<Model> models = new ArrayList<>();
    final Map<String, Model> modelsByName = new HashMap<>();
    final Map<EnumDecl, EnumInfo> enums = new LinkedHashMap<>();
    final List<Relation> relations = new ArrayList<>();

    /** The configuration blocks; {@code null} until they were read. */
    ConfigValidation.Result config;
    /** The datasource's provider, or {@code null} without a (valid) datasource. */
    Provider provider;
    /** Whether the datasource sets {@code relationMode = "prisma"}. */
    boolean prismaRelationMode;

    ValidationContext(SchemaAst ast, Diagnostics diagnostics) {
        this.ast = ast;
        this.diagnostics = diagnostics;
    }

    void configure(ConfigValidation.Result result) {
        this.config = result;
        this.provider = result.datasource() == null ? null : result.datasource().provider();
        this.prismaRelationMode = result.datasource() != null
                && result.datasource().relationMode() == Datamodel.RelationMode.PRISMA;
    }

    /** The connector's name in Prisma's messages. */
    String connectorName() {
        return switch (provider) {
            case POSTGRESQL -> "Postgres";
            case MYSQL -> "MySQL";
            case SQLITE -> "SQLite";
        };
    }
}
