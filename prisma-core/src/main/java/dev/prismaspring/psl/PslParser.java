package dev.prismaspring.psl;

import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.ArgumentsList;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.BlockAttribute;
import dev.prismaspring.psl.ast.BlockItem;
import dev.prismaspring.psl.ast.CatchAll;
import dev.prismaspring.psl.ast.CommentBlock;
import dev.prismaspring.psl.ast.CommentLine;
import dev.prismaspring.psl.ast.ConfigBlock;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.EmptyLines;
import dev.prismaspring.psl.ast.EnumDecl;
import dev.prismaspring.psl.ast.EnumValue;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.FieldArity;
import dev.prismaspring.psl.ast.FieldType;
import dev.prismaspring.psl.ast.Identifier;
import dev.prismaspring.psl.ast.ModelDecl;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.ast.TopItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Prisma schema text into a {@link SchemaAst}.
 *
 * <p>The parser follows Prisma's PEG grammar rule for rule (ordered choice, implicit whitespace
 * between tokens but never across line ends), so it accepts and rejects exactly what Prisma does.
 * It never throws on bad input: anything it cannot read becomes a {@link CatchAll} item and an
 * error diagnostic, and parsing resumes on the next line or block.
 */
public final class PslParser {

    private PslParser() {
    }

    /** The result of a parse: the tree and the syntax diagnostics. */
    public record Result(SchemaAst ast, Diagnostics diagnostics) {
    }

    /** Parses one file named {@code schema.prisma}. */
    public static Result parse(String text) {
        return parse(SourceFiles.single("schema.prisma", text));
    }

    /** Parses all files of a schema; the diagnostics of all files are collected together. */
    public static Result parse(SourceFiles files) {
        Diagnostics diagnostics = new Diagnostics();
        List<List<TopItem>> items = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            items.add(new FileParser(files.get(i).text(), i, diagnostics).parseSchema());
        }
        return new Result(new SchemaAst(files, items), diagnostics);
    }

    /** Parses one file; positions are indices into its text. */
    private static final class FileParser {

        private final String s;
        private final int fileId;
        private final Diagnostics diagnostics;
        private int pos;

        FileParser(String text, int fileId, Diagnostics diagnostics) {
            this.s = text;
            this.fileId = fileId;
            this.diagnostics = diagnostics;
        }

        // ------------------------------------------------------------------ top level

        List<TopItem> parseSchema() {
            List<TopItem> items = new ArrayList<>();
            while (true) {
                skipWhitespace();
                if (pos >= s.length()) {
                    break;
                }
                TopItem item = parseTopItem();
                items.add(item);
            }
            attachTopDocumentation(items);
            return items;
        }

        private TopItem parseTopItem() {
            int start = pos;
            TopItem item = parseModel();
            if (item == null) {
                item = parseEnum();
            }
            if (item == null) {
                item = parseConfigBlock();
            }
            if (item != null) {
                return item;
            }
            if (parseTypeAlias()) {
                error("Error validating: Invalid type definition. Please check the documentation in "
                        + "https://pris.ly/d/composite-types", start, pos);
                return new CatchAll(CatchAll.Kind.TYPE_ALIAS, s.substring(start, pos), span(start, pos));
            }
            if (parseArbitraryBlock()) {
                error("Error validating: This block is invalid. It does not start with any known Prisma schema "
                        + "keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.",
                        start, pos);
                return new CatchAll(CatchAll.Kind.ARBITRARY_BLOCK, s.substring(start, pos), span(start, pos));
            }
            CommentBlock comments = parseCommentBlock();
            if (comments != null) {
                return comments;
            }
            EmptyLines empty = parseEmptyLines();
            if (empty != null) {
                return empty;
            }
            parseCatchAll();
            error("Error validating: This line is invalid. It does not start with any known Prisma schema keyword.",
                    start, pos);
            return new CatchAll(CatchAll.Kind.LINE, s.substring(start, pos), span(start, pos));
        }

        /**
         * Prisma hands a comment block to the declaration right after it as documentation; here the
         * blocks are parsed first, so the documentation is filled in afterwards.
         */
        private void attachTopDocumentation(List<TopItem> items) {
            // As in Prisma: a comment block directly followed by a declaration is pending documentation,
            // taken by the next model, view, type or enum (datasource and generator blocks leave it).
            CommentBlock pending = null;
            for (int i = 0; i < items.size(); i++) {
                TopItem item = items.get(i);
                if (item instanceof CommentBlock comments) {
                    if (i + 1 < items.size() && items.get(i + 1) instanceof dev.prismaspring.psl.ast.Top) {
                        pending = comments;
                    }
                } else if (item instanceof ModelDecl m) {
                    String doc = pending == null ? null : pending.documentation();
                    pending = null;
                    items.set(i, new ModelDecl(m.kind(), m.name(), m.items(), doc, m.span(), m.innerSpan()));
                } else if (item instanceof EnumDecl e) {
                    String doc = pending == null ? null : pending.documentation();
                    pending = null;
                    items.set(i, new EnumDecl(e.name(), e.items(), doc, e.span(), e.innerSpan()));
                }
            }
        }

        private boolean parseTypeAlias() {
            int start = pos;
            if (!keyword("type")) {
                return false;
            }
            skipWhitespace();
            if (identifier() == null) {
                return reset(start);
            }
            skipWhitespace();
            if (!literal("=")) {
                return reset(start);
            }
            skipWhitespace();
            if (parseBaseType(new Diagnostics()) == null) {
                return reset(start);
            }
            while (true) {
                int save = pos;
                skipWhitespace();
                if (parseFieldAttribute() == null) {
                    pos = save;
                    break;
                }
            }
            return true;
        }

        private boolean parseArbitraryBlock() {
            int start = pos;
            if (identifier() == null) {
                return false;
            }
            skipWhitespace();
            if (!blockOpen()) {
                return reset(start);
            }
            while (pos < s.length() && s.charAt(pos) != '}') {
                pos += Character.charCount(s.codePointAt(pos));
            }
            if (pos >= s.length()) {
                return reset(start);
            }
            pos++;
            return true;
        }

        // ------------------------------------------------------------------ blocks

        /** Parses the items special to one kind of block; {@code null} when the line is none of them. */
        private interface ItemParser {
            BlockItem parse(String pendingDocumentation, Diagnostics local);
        }

        /**
         * The parts of a parsed block.
         *
         * @param lastDocumentation documentation of the last comment block inside (a config block's own)
         */
        private record BlockBody(Identifier name, List<BlockItem> items, String lastDocumentation, Span span,
                                 Span innerSpan) {
        }

        /**
         * {@code identifier ~ BLOCK_OPEN ~ (items | comment_block | empty_lines | BLOCK_LEVEL_CATCH_ALL)* ~ BLOCK_CLOSE}
         * after a block keyword that started at {@code start}. A block that never closes is no block
         * (position reset, {@code null}): its lines then fail one by one at the top level, as in Prisma.
         */
        private BlockBody parseBlock(int start, String catchAllMessage,
                                     java.util.function.Function<String, ItemParser> itemsFor) {
            skipWhitespace();
            Identifier name = identifier();
            if (name == null) {
                pos = start;
                return null;
            }
            skipWhitespace();
            if (!blockOpen()) {
                pos = start;
                return null;
            }
            ItemParser specific = itemsFor.apply(name.name());
            int innerStart = pos;
            Diagnostics local = new Diagnostics();
            List<BlockItem> items = new ArrayList<>();
            String pendingDoc = null;
            String lastDoc = null;
            while (true) {
                skipWhitespace();
                if (pos >= s.length()) {
                    pos = start;
                    return null;
                }
                if (s.charAt(pos) == '}') {
                    break;
                }
                int itemStart = pos;
                BlockItem item = specific.parse(pendingDoc, local);
                if (item == null) {
                    CommentBlock comments = parseCommentBlock();
                    if (comments != null) {
                        pendingDoc = comments.documentation();
                        lastDoc = pendingDoc;
                        item = comments;
                    }
                } else if (item instanceof Field || item instanceof EnumValue) {
                    pendingDoc = null; // taken as the documentation of this field or value
                }
                if (item == null) {
                    item = parseEmptyLines();
                }
                if (item == null) {
                    parseCatchAll();
                    local.error(catchAllMessage, span(itemStart, pos));
                    item = new CatchAll(CatchAll.Kind.LINE, s.substring(itemStart, pos), span(itemStart, pos));
                }
                items.add(item);
            }
            int innerEnd = pos;
            pos++; // '}'
            diagnostics.addAll(local);
            return new BlockBody(name, items, lastDoc, span(start, pos), span(innerStart, innerEnd));
        }

        private ModelDecl parseModel() {
            int start = pos;
            ModelDecl.Kind kind;
            if (keyword("model")) {
                kind = ModelDecl.Kind.MODEL;
            } else if (keyword("type")) {
                kind = ModelDecl.Kind.COMPOSITE_TYPE;
            } else if (keyword("view")) {
                kind = ModelDecl.Kind.VIEW;
            } else {
                return null;
            }
            boolean composite = kind == ModelDecl.Kind.COMPOSITE_TYPE;
            BlockBody body = parseBlock(start, "Error validating: This line is not a valid field or attribute definition.",
                    name -> (pendingDoc, local) -> {
                        Field field = parseField(name, kind.keyword(), pendingDoc, local);
                        if (field != null) {
                            if (composite && field.isWellFormed()) {
                                checkCompositeTypeFieldAttributes(field, local);
                            }
                            return field;
                        }
                        BlockAttribute attribute = parseBlockAttributeLine(local);
                        if (attribute != null && composite) {
                            compositeTypeBlockAttributeError(attribute, local);
                        }
                        return attribute;
                    });
            return body == null ? null
                    : new ModelDecl(kind, body.name(), body.items(), null, body.span(), body.innerSpan());
        }

        private void checkCompositeTypeFieldAttributes(Field field, Diagnostics local) {
            for (Attribute attribute : field.attributes()) {
                String n = attribute.nameText();
                if (n.equals("relation") || n.equals("unique") || n.equals("id")) {
                    local.error("Error validating: Defining `@" + n
                            + "` attribute for a field in a composite type is not allowed.", field.span());
                }
            }
        }

        private void compositeTypeBlockAttributeError(BlockAttribute attribute, Diagnostics local) {
            String message = switch (attribute.attribute().nameText()) {
                case "map" -> "The name of a composite type is not persisted in the database, therefore it does "
                        + "not need a mapped database name.";
                case "unique" -> "A unique constraint should be defined in the model containing the embed.";
                case "index" -> "An index should be defined in the model containing the embed.";
                case "fulltext" -> "A fulltext index should be defined in the model containing the embed.";
                case "id" -> "A composite type cannot define an id.";
                default -> "A composite type cannot have block-level attributes.";
            };
            local.error("Error validating: " + message, attribute.span());
        }

        private EnumDecl parseEnum() {
            int start = pos;
            if (!keyword("enum")) {
                return null;
            }
            BlockBody body = parseBlock(start, "Error validating: This line is not an enum value definition.",
                    name -> (pendingDoc, local) -> {
                        EnumValue value = parseEnumValue(pendingDoc, local);
                        return value != null ? value : parseBlockAttributeLine(local);
                    });
            return body == null ? null : new EnumDecl(body.name(), body.items(), null, body.span(), body.innerSpan());
        }

        private EnumValue parseEnumValue(String pendingDoc, Diagnostics local) {
            int start = pos;
            Identifier name = identifier();
            if (name == null) {
                return null;
            }
            Diagnostics attributeDiagnostics = new Diagnostics();
            List<Attribute> attributes = parseFieldAttributes(attributeDiagnostics);
            CommentLine trailing = parseTrailingCommentAndNewline();
            if (trailing == null && !atNewlineAfterTrailing) {
                pos = start;
                return null;
            }
            int end = pos;
            local.addAll(attributeDiagnostics);
            return new EnumValue(name, attributes, joinDocs(pendingDoc, trailing), trailing, span(start, end));
        }

        private ConfigBlock parseConfigBlock() {
            int start = pos;
            ConfigBlock.Kind kind;
            if (keyword("datasource")) {
                kind = ConfigBlock.Kind.DATASOURCE;
            } else if (keyword("generator")) {
                kind = ConfigBlock.Kind.GENERATOR;
            } else {
                return null;
            }
            BlockBody body = parseBlock(start,
                    "Error validating: This line is not a valid definition within a " + kind.keyword() + ".",
                    name -> (pendingDoc, local) -> parseKeyValue(local));
            return body == null ? null : new ConfigBlock(kind, body.name(), body.items(), body.lastDocumentation(),
                    body.span(), body.innerSpan());
        }

        private ConfigProperty parseKeyValue(Diagnostics local) {
            int start = pos;
            Identifier name = identifier();
            if (name == null) {
                return null;
            }
            skipWhitespace();
            if (!literal("=")) {
                pos = start;
                return null;
            }
            Diagnostics valueDiagnostics = new Diagnostics();
            int save = pos;
            skipWhitespace();
            Expression value = parseExpression(valueDiagnostics);
            if (value == null) {
                pos = save;
            }
            CommentLine trailing = parseTrailingCommentAndNewline();
            if (trailing == null && !atNewlineAfterTrailing) {
                pos = start;
                return null;
            }
            local.addAll(valueDiagnostics);
            return new ConfigProperty(name, value, trailing, span(start, pos));
        }

        // ------------------------------------------------------------------ fields and attributes

        /**
         * {@code identifier ~ ":"? ~ field_type? ~ field_attribute* ~ trailing_comment? ~ NEWLINE}.
         * Returns {@code null} (position unchanged) when the line is not a field declaration.
         */
        private Field parseField(String containerName, String containerType, String pendingDoc, Diagnostics local) {
            int start = pos;
            Identifier name = identifier();
            if (name == null) {
                return null;
            }
            skipWhitespace();
            int colonStart = pos;
            boolean legacyColon = literal(":");
            int colonEnd = pos;
            skipWhitespace();
            Diagnostics fieldDiagnostics = new Diagnostics();
            int typeStart = pos;
            TypeParse type = parseFieldType();
            if (type == null) {
                pos = typeStart;
            }
            List<Attribute> attributes = parseFieldAttributes(fieldDiagnostics);
            CommentLine trailing = parseTrailingCommentAndNewline();
            if (trailing == null && !atNewlineAfterTrailing) {
                pos = start;
                return null;
            }
            int end = pos;
            Field.TypeSyntax syntax = type == null ? Field.TypeSyntax.NONE : type.syntax;
            FieldType fieldType = type == null ? null : type.type;
            FieldArity arity = type == null ? FieldArity.REQUIRED : type.arity;
            Field field = new Field(name, fieldType, arity, syntax, attributes, joinDocs(pendingDoc, trailing),
                    trailing, legacyColon, span(start, end));
            if (legacyColon) {
                local.error("Field declarations don't require a `:`.", span(colonStart, colonEnd));
                return field;
            }
            if (type != null) {
                String legacy = switch (type.syntax) {
                    case LEGACY_REQUIRED -> "Fields are required by default, `!` is no longer required.";
                    case LEGACY_LIST -> "To specify a list, please use `Type[]` instead of `[Type]`.";
                    case OPTIONAL_LIST -> "Optional lists are not supported. Use either `Type[]` or `Type?`.";
                    default -> null;
                };
                if (legacy != null) {
                    local.addAll(type.diagnostics);
                    local.error(legacy, type.span);
                    return field;
                }
                local.addAll(type.diagnostics);
            }
            local.addAll(fieldDiagnostics);
            if (type == null) {
                local.error("Error validating " + containerType + " \"" + containerName
                        + "\": This field declaration is invalid. It is either missing a name or a type.",
                        span(start, end));
            }
            return field;
        }

        /** A parsed field type with how it was written. */
        private record TypeParse(FieldType type, FieldArity arity, Field.TypeSyntax syntax, Span span,
                                 Diagnostics diagnostics) {
        }

        private TypeParse parseFieldType() {
            int start = pos;
            Diagnostics d = new Diagnostics();
            FieldType base = parseBaseType(d);
            if (base != null) {
                int afterBase = pos;
                skipWhitespace();
                if (literal("[]")) {
                    int afterList = pos;
                    skipWhitespace();
                    if (literal("?")) {
                        return new TypeParse(base, FieldArity.LIST, Field.TypeSyntax.OPTIONAL_LIST, span(start, pos), d);
                    }
                    pos = afterList;
                    return new TypeParse(base, FieldArity.LIST, Field.TypeSyntax.LIST, span(start, pos), d);
                }
                if (literal("?")) {
                    return new TypeParse(base, FieldArity.OPTIONAL, Field.TypeSyntax.OPTIONAL, span(start, pos), d);
                }
                if (literal("!")) {
                    return new TypeParse(base, FieldArity.REQUIRED, Field.TypeSyntax.LEGACY_REQUIRED,
                            span(start, pos), d);
                }
                pos = afterBase;
            }
            pos = start;
            if (literal("[")) {
                skipWhitespace();
                Diagnostics ld = new Diagnostics();
                FieldType inner = parseBaseType(ld);
                if (inner != null) {
                    skipWhitespace();
                    if (literal("]")) {
                        return new TypeParse(inner, FieldArity.LIST, Field.TypeSyntax.LEGACY_LIST, span(start, pos), ld);
                    }
                }
                pos = start;
            }
            d = new Diagnostics();
            base = parseBaseType(d);
            if (base != null) {
                return new TypeParse(base, FieldArity.REQUIRED, Field.TypeSyntax.PLAIN, span(start, pos), d);
            }
            pos = start;
            return null;
        }

        /** {@code unsupported_type | identifier}. */
        private FieldType parseBaseType(Diagnostics d) {
            int start = pos;
            if (literal("Unsupported(")) {
                skipWhitespace();
                Expression.StringValue literal = parseStringLiteral(d);
                if (literal != null) {
                    skipWhitespace();
                    if (literal(")")) {
                        return new FieldType.Unsupported(literal.value(), s.substring(start, pos), span(start, pos));
                    }
                }
                pos = start;
            }
            Identifier identifier = identifier();
            return identifier == null ? null : new FieldType.Named(identifier.name(), identifier.span());
        }

        private List<Attribute> parseFieldAttributes(Diagnostics d) {
            List<Attribute> attributes = new ArrayList<>();
            while (true) {
                int save = pos;
                skipWhitespace();
                Attribute attribute = parseFieldAttribute(d);
                if (attribute == null) {
                    pos = save;
                    return attributes;
                }
                attributes.add(attribute);
            }
        }

        private Attribute parseFieldAttribute() {
            return parseFieldAttribute(new Diagnostics());
        }

        /** {@code "@" ~ path ~ arguments_list?}. */
        private Attribute parseFieldAttribute(Diagnostics d) {
            int start = pos;
            if (!literal("@")) {
                return null;
            }
            return parseAttributeRest(start, d);
        }

        private Attribute parseAttributeRest(int start, Diagnostics d) {
            skipWhitespace();
            Identifier name = path();
            if (name == null) {
                pos = start;
                return null;
            }
            int afterName = pos;
            // pest skips whitespace before trying the optional argument list and keeps it when the
            // list is absent, so Prisma's span of `@unique ` takes in the blank after it.
            skipWhitespace();
            ArgumentsList arguments = parseArgumentsList(d);
            if (arguments == null) {
                return new Attribute(name, ArgumentsList.empty(span(afterName, afterName)), false, span(start, pos));
            }
            return new Attribute(name, arguments, true, span(start, pos));
        }

        /** {@code block_attribute ~ NEWLINE}, where a block attribute may end in a trailing comment. */
        private BlockAttribute parseBlockAttributeLine(Diagnostics local) {
            int start = pos;
            if (!literal("@@")) {
                return null;
            }
            Diagnostics d = new Diagnostics();
            Attribute attribute = parseAttributeRest(start, d);
            if (attribute == null) {
                pos = start;
                return null;
            }
            int afterAttribute = pos;
            skipWhitespace();
            int beforeComment = pos;
            CommentLine trailing = parseTrailingCommentAndNewline();
            if (trailing == null && !atNewlineAfterTrailing) {
                pos = start;
                return null;
            }
            local.addAll(d);
            // Prisma's block attribute span runs on over the blanks and the trailing comment after it.
            int end = trailing != null ? trailing.span().end() : Math.max(afterAttribute, beforeComment);
            attribute = new Attribute(attribute.name(), attribute.arguments(), attribute.hasParentheses(),
                    span(start, end));
            return new BlockAttribute(attribute, trailing);
        }

        /** Set by {@link #parseTrailingCommentAndNewline()}: the line ended properly. */
        private boolean atNewlineAfterTrailing;

        /**
         * {@code trailing_comment? ~ NEWLINE}. Returns the comment (or {@code null}) and sets
         * {@link #atNewlineAfterTrailing} to whether the line ended there.
         */
        private CommentLine parseTrailingCommentAndNewline() {
            int save = pos;
            skipWhitespace();
            CommentLine comment = parseComment();
            if (comment == null) {
                pos = save;
            }
            skipWhitespace();
            if (newline()) {
                atNewlineAfterTrailing = true;
                return comment;
            }
            atNewlineAfterTrailing = false;
            pos = save;
            return null;
        }

        // ------------------------------------------------------------------ arguments and expressions

        /** {@code "(" ~ (argument ~ ("," ~ argument)*)? ~ trailing_comma? ~ ")"}. */
        private ArgumentsList parseArgumentsList(Diagnostics d) {
            int start = pos;
            if (!literal("(")) {
                return null;
            }
            List<Argument> arguments = new ArrayList<>();
            List<Identifier> empty = new ArrayList<>();
            Span trailingComma = null;
            skipWhitespace();
            if (parseArgument(arguments, empty, d)) {
                while (true) {
                    int save = pos;
                    skipWhitespace();
                    if (!literal(",")) {
                        pos = save;
                        break;
                    }
                    skipWhitespace();
                    if (!parseArgument(arguments, empty, d)) {
                        pos = save;
                        break;
                    }
                }
            }
            int save = pos;
            skipWhitespace();
            int commaStart = pos;
            if (literal(",")) {
                trailingComma = span(commaStart, pos);
            } else {
                pos = save;
            }
            skipWhitespace();
            if (!literal(")")) {
                pos = start;
                return null;
            }
            return new ArgumentsList(arguments, empty, trailingComma, span(start, pos));
        }

        /** {@code named_argument | empty_argument | expression}. */
        private boolean parseArgument(List<Argument> arguments, List<Identifier> empty, Diagnostics d) {
            int start = pos;
            Identifier name = identifier();
            if (name != null) {
                skipWhitespace();
                if (literal(":")) {
                    int afterColon = pos;
                    skipWhitespace();
                    Diagnostics ed = new Diagnostics();
                    Expression value = parseExpression(ed);
                    if (value != null) {
                        d.addAll(ed);
                        arguments.add(new Argument(name, value, span(start, pos)));
                        return true;
                    }
                    pos = afterColon;
                    empty.add(name);
                    return true;
                }
                pos = start;
            }
            Diagnostics ed = new Diagnostics();
            Expression value = parseExpression(ed);
            if (value == null) {
                pos = start;
                return false;
            }
            d.addAll(ed);
            arguments.add(new Argument(null, value, span(start, pos)));
            return true;
        }

        /** {@code function_call | array_expression | numeric_literal | string_literal | path}. */
        private Expression parseExpression(Diagnostics d) {
            int start = pos;
            Identifier path = path();
            if (path != null) {
                skipWhitespace();
                Diagnostics ad = new Diagnostics();
                ArgumentsList arguments = parseArgumentsList(ad);
                if (arguments != null) {
                    d.addAll(ad);
                    return new Expression.FunctionCall(path.name(), arguments, s.substring(start, pos), span(start, pos));
                }
                pos = start;
            }
            Expression array = parseArray(d);
            if (array != null) {
                return array;
            }
            int numberEnd = numericLiteralEnd(pos);
            if (numberEnd > pos) {
                pos = numberEnd;
                return new Expression.NumericValue(s.substring(start, pos), span(start, pos));
            }
            Expression.StringValue string = parseStringLiteral(d);
            if (string != null) {
                return string;
            }
            path = path();
            if (path != null) {
                return new Expression.ConstantValue(path.name(), path.span());
            }
            return null;
        }

        private Expression parseArray(Diagnostics d) {
            int start = pos;
            if (!literal("[")) {
                return null;
            }
            List<Expression> elements = new ArrayList<>();
            Diagnostics ad = new Diagnostics();
            skipWhitespace();
            Expression first = parseExpression(ad);
            if (first != null) {
                elements.add(first);
                while (true) {
                    int save = pos;
                    skipWhitespace();
                    if (!literal(",")) {
                        pos = save;
                        break;
                    }
                    skipWhitespace();
                    Expression next = parseExpression(ad);
                    if (next == null) {
                        pos = save;
                        break;
                    }
                    elements.add(next);
                }
            }
            skipWhitespace();
            if (!literal("]")) {
                pos = start;
                return null;
            }
            d.addAll(ad);
            return new Expression.ArrayValue(elements, s.substring(start, pos), span(start, pos));
        }

        /** {@code "-"? ~ ASCII_DIGIT+ ~ ("." ~ ASCII_DIGIT+)?}: the end offset, or {@code at} if none. */
        private int numericLiteralEnd(int at) {
            int i = at;
            if (i < s.length() && s.charAt(i) == '-') {
                i++;
            }
            int digits = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return at;
            }
            if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
                i++;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
            }
            return i;
        }

        /** A JSON string literal; escapes are decoded and bad escapes reported. */
        private Expression.StringValue parseStringLiteral(Diagnostics d) {
            int start = pos;
            if (!literal("\"")) {
                return null;
            }
            int contentStart = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    if (pos + 1 >= s.length()) {
                        break;
                    }
                    pos += 1 + Character.charCount(s.codePointAt(pos + 1));
                } else if (c == '"' || c < 0x20) {
                    break;
                } else {
                    pos++;
                }
            }
            if (pos >= s.length() || s.charAt(pos) != '"') {
                pos = start;
                return null;
            }
            int contentEnd = pos;
            pos++;
            String value = unescape(contentStart, contentEnd, d);
            return new Expression.StringValue(value, s.substring(start, pos), span(start, pos));
        }

        private String unescape(int from, int to, Diagnostics d) {
            StringBuilder out = new StringBuilder(to - from);
            int i = from;
            while (i < to) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    i++;
                    continue;
                }
                char next = s.charAt(i + 1);
                switch (next) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        i = unicodeEscape(i, to, out, d);
                        continue;
                    }
                    default -> d.error("Unknown escape sequence. If the value is a windows-style path, `\\` must be "
                            + "escaped as `\\\\`.", span(i, i + 1 + Character.charCount(s.codePointAt(i + 1))));
                }
                i += 1 + Character.charCount(s.codePointAt(i + 1));
            }
            return out.toString();
        }

        /** Decodes {@code \\uXXXX} (and a following low surrogate) at {@code i}; returns the next index. */
        private int unicodeEscape(int i, int to, StringBuilder out, Diagnostics d) {
            int first = hex4(i + 2, to);
            if (first < 0) {
                int consumed = Math.max(2 + hexDigits(i + 2, to), 2);
                d.error("Invalid unicode escape sequence.", span(i, Math.min(to, i + consumed)));
                return i + Math.max(consumed, 2);
            }
            char c = (char) first;
            if (!Character.isSurrogate(c)) {
                out.append(c);
                return i + 6;
            }
            int second = i + 12 <= to && s.startsWith("\\u", i + 6) ? hex4(i + 8, to) : -1;
            if (second < 0) {
                d.error("Invalid unicode escape sequence.", span(i, Math.min(to, i + 6)));
                return i + 6;
            }
            char low = (char) second;
            if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                out.append(c).append(low);
            } else {
                d.error("Invalid unicode escape sequence.", span(i, Math.min(to, i + 12)));
            }
            return i + 12;
        }

        private int hexDigits(int at, int to) {
            int n = 0;
            while (n < 4 && at + n < to && Character.digit(s.charAt(at + n), 16) >= 0) {
                n++;
            }
            return n;
        }

        private int hex4(int at, int to) {
            if (at + 4 > to || hexDigits(at, to) < 4) {
                return -1;
            }
            return Integer.parseInt(s.substring(at, at + 4), 16);
        }

        // ------------------------------------------------------------------ comments and lines

        /** {@code ((doc_comment | multi_line_comment | comment) ~ NEWLINE?)+}. */
        private CommentBlock parseCommentBlock() {
            int start = pos;
            List<CommentLine> lines = new ArrayList<>();
            while (true) {
                int save = pos;
                skipWhitespace();
                CommentLine line = parseComment();
                if (line == null) {
                    pos = save;
                    break;
                }
                lines.add(line);
                newline();
            }
            if (lines.isEmpty()) {
                pos = start;
                return null;
            }
            return new CommentBlock(lines, span(start, pos));
        }

        /** One comment starting exactly at the current position (no leading whitespace). */
        private CommentLine parseComment() {
            int start = pos;
            if (s.startsWith("/*", pos)) {
                int close = s.indexOf("*/", pos + 2);
                if (close < 0) {
                    return null;
                }
                pos = close + 2;
                return new CommentLine(CommentLine.Kind.BLOCK, s.substring(start, pos), span(start, pos));
            }
            if (!s.startsWith("//", pos)) {
                return null;
            }
            boolean doc = s.startsWith("///", pos);
            int contentStart = pos + (doc ? 3 : 2);
            pos = contentStart;
            while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                pos++;
            }
            return new CommentLine(doc ? CommentLine.Kind.DOC : CommentLine.Kind.LINE,
                    s.substring(contentStart, pos), span(start, pos));
        }

        /** {@code (WHITESPACE* ~ NEWLINE)+}. */
        private EmptyLines parseEmptyLines() {
            int start = pos;
            int lastGood = -1;
            while (true) {
                skipWhitespace();
                if (!newline()) {
                    break;
                }
                lastGood = pos;
            }
            if (lastGood < 0) {
                pos = start;
                return null;
            }
            pos = lastGood;
            return new EmptyLines(span(start, pos));
        }

        /** {@code (!NEWLINE ~ ANY)+ ~ NEWLINE?}; the caller knows the line is not empty. */
        private void parseCatchAll() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                pos++;
            }
            if (pos == start) {
                // a lone line terminator cannot reach here (empty_lines takes it); move on regardless
                pos = Math.min(s.length(), pos + 1);
                return;
            }
            newline();
        }

        // ------------------------------------------------------------------ tokens

        private boolean blockOpen() {
            if (!literal("{")) {
                return false;
            }
            while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                pos++;
            }
            if (newline()) {
                return true;
            }
            return false;
        }

        private boolean newline() {
            if (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    pos++;
                    return true;
                }
                if (c == '\r') {
                    pos += pos + 1 < s.length() && s.charAt(pos + 1) == '\n' ? 2 : 1;
                    return true;
                }
            }
            return false;
        }

        /** {@code WHITESPACE*}: tabs and Unicode space separators, never line ends. */
        private void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\t' || c == ' ' || (c > 0x7f && Character.getType(c) == Character.SPACE_SEPARATOR)) {
                    pos++;
                } else {
                    break;
                }
            }
        }

        /** A keyword is a plain literal in Prisma's grammar (no word boundary is required after it). */
        private boolean keyword(String word) {
            return literal(word);
        }

        private boolean literal(String text) {
            if (s.startsWith(text, pos)) {
                pos += text.length();
                return true;
            }
            return false;
        }

        /**
         * An alphanumeric character (letters beyond ASCII included, as Prisma accepts {@code lööps}),
         * then alphanumerics, {@code _} and {@code -}.
         */
        private Identifier identifier() {
            int start = pos;
            if (pos >= s.length() || !isIdentifierChar(s.codePointAt(pos))) {
                return null;
            }
            pos += Character.charCount(s.codePointAt(pos));
            while (pos < s.length()) {
                int c = s.codePointAt(pos);
                if (isIdentifierChar(c) || c == '_' || c == '-') {
                    pos += Character.charCount(c);
                } else {
                    break;
                }
            }
            return new Identifier(s.substring(start, pos), span(start, pos));
        }

        /** {@code identifier ~ ("." ~ path?)*}, e.g. {@code db.VarChar}. */
        private Identifier path() {
            int start = pos;
            if (identifier() == null) {
                return null;
            }
            while (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                identifier();
            }
            return new Identifier(s.substring(start, pos), span(start, pos));
        }

        private static boolean isIdentifierChar(int c) {
            if (c < 0x80) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            }
            return Character.isLetterOrDigit(c);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private boolean reset(int to) {
            pos = to;
            return false;
        }

        private String joinDocs(String pending, CommentLine trailing) {
            String trailingDoc = trailing == null ? null : trailing.documentation();
            if (pending == null) {
                return trailingDoc;
            }
            return trailingDoc == null ? pending : pending + "\n" + trailingDoc;
        }

        private Span span(int start, int end) {
            return new Span(fileId, start, end);
        }

        private void error(String message, int start, int end) {
            diagnostics.error(message, span(start, end));
        }
    }
}
