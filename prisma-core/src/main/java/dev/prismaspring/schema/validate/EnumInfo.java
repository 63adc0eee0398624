package dev.prismaspring.schema.validate;

import dev.prismaspring.psl.Span;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.EnumDecl;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable working state of the validator for one enum: database names and schema. */
final class EnumInfo {

    final EnumDecl decl;
    String dbName;
    String schema;
    Span schemaSpan;
    Attribute mapAttr;
    final Map<String, String> valueDbNames = new LinkedHashMap<>();

    EnumInfo(EnumDecl decl) {
        this.decl = decl;
        this.dbName = decl.name().name();
    }
}
