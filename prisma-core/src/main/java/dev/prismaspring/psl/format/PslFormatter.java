package dev.prismaspring.psl.format;

import dev.prismaspring.psl.PslParser;
import dev.prismaspring.psl.ast.Argument;
import dev.prismaspring.psl.ast.ArgumentsList;
import dev.prismaspring.psl.ast.Attribute;
import dev.prismaspring.psl.ast.BlockAttribute;
import dev.prismaspring.psl.ast.BlockItem;
import dev.prismaspring.psl.ast.CatchAll;
import dev.prismaspring.psl.ast.CommentBlock;
import dev.prismaspring.psl.ast.CommentLine;
import dev.prismaspring.psl.ast.ConfigProperty;
import dev.prismaspring.psl.ast.EmptyLines;
import dev.prismaspring.psl.ast.EnumValue;
import dev.prismaspring.psl.ast.Expression;
import dev.prismaspring.psl.ast.Field;
import dev.prismaspring.psl.ast.Identifier;
import dev.prismaspring.psl.ast.SchemaAst;
import dev.prismaspring.psl.ast.Top;
import dev.prismaspring.psl.ast.TopItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pure syntax formatting of one schema file, byte for byte as {@code prisma format} does it
 * (Prisma's {@code schema-ast} reformatter), without adding missing relation fields; that is
 * {@code dev.prismaspring.schema.SchemaFormatter}'s job.
 *
 * <p>What it does: blocks are laid out as tables (name, type, attributes) whose columns reset on
 * blank lines; block attributes move to the end of the block, after one blank line, sorted by
 * kind and carrying the comment right above them; field attributes are sorted the same way;
 * blank lines at the start and end of blocks go, runs of blank lines shrink to one; legacy type
 * forms are rewritten; text after an opening brace is dropped; {@code /* *}{@code /} comments are
 * written in a canonical {@code  * } form; unparseable lines are kept as they are.
 */
public final class PslFormatter {

    /** Prisma's indentation. */
    public static final int DEFAULT_INDENT = 2;

    private static final int FIELD_NAME_COLUMN = 0;
    private static final int FIELD_TYPE_COLUMN = 1;
    private static final int FIELD_ATTRIBUTES_COLUMN = 2;

    /** Attributes in this order come first (field and block attributes alike); others keep source order. */
    private static final List<String> ATTRIBUTE_ORDER =
            List.of("id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore");

    private final Renderer renderer;

    private PslFormatter(int indentWidth) {
        this.renderer = new Renderer(indentWidth);
    }

    /** Formats a schema text (one file). */
    public static String format(String text) {
        return format(PslParser.parse(text).ast(), 0);
    }

    /** Formats one file of a parsed schema with Prisma's indentation. */
    public static String format(SchemaAst ast, int fileId) {
        return format(ast, fileId, DEFAULT_INDENT);
    }

    /** Formats one file of a parsed schema. */
    public static String format(SchemaAst ast, int fileId, int indentWidth) {
        PslFormatter formatter = new PslFormatter(indentWidth);
        formatter.formatTop(ast.fileItems().get(fileId));
        if (!formatter.renderer.endsWithNewline()) {
            formatter.renderer.endLine();
        }
        return formatter.renderer.toString();
    }

    // ------------------------------------------------------------------ top level

    private void formatTop(List<TopItem> items) {
        int i = 0;
        if (i < items.size() && items.get(i) instanceof EmptyLines) {
            i++;
        }
        for (; i < items.size(); i++) {
            TopItem item = items.get(i);
            if (item instanceof Top top) {
                formatBlock(top);
            } else if (item instanceof CommentBlock comments) {
                TableFormat table = new TableFormat();
                formatCommentBlock(comments, table);
                table.render(renderer);
            } else if (item instanceof EmptyLines) {
                if (i + 1 < items.size()) { // blank lines at the end of the file go
                    renderer.endLine();
                }
            } else if (item instanceof CatchAll catchAll) {
                renderer.write(catchAll.text());
            }
        }
    }

    // ------------------------------------------------------------------ blocks

    private void formatBlock(Top block) {
        renderer.write(block.keyword());
        renderer.write(" ");
        renderer.write(block.name().name());
        renderer.write(" {");
        renderer.endLine();
        renderer.indentUp();
        formatBlockContents(block.items());
        renderer.indentDown();
        renderer.write("}");
        renderer.endLine();
    }

    /** A block attribute and the comment block right above it, which moves with it. */
    private record PendingAttribute(CommentBlock comment, BlockAttribute attribute) {
    }

    private void formatBlockContents(List<BlockItem> items) {
        List<PendingAttribute> attributes = new ArrayList<>();
        TableFormat table = new TableFormat();
        CommentBlock pendingComment = null;
        int i = 0;
        if (i < items.size() && items.get(i) instanceof EmptyLines) {
            i++; // blank lines at the start of a block go
        }
        while (true) {
            boolean ateEmptyLines = false;
            if (i < items.size() && items.get(i) instanceof EmptyLines) {
                ateEmptyLines = true;
                i++;
                BlockItem next = i < items.size() ? items.get(i) : null;
                if (next != null && !(next instanceof BlockAttribute) && !(next instanceof CommentBlock)) {
                    // a blank line resets the column layout
                    table.render(renderer);
                    table.startNewLine();
                }
            }
            if (i >= items.size()) {
                break;
            }
            BlockItem current = items.get(i++);
            BlockItem next = i < items.size() ? items.get(i) : null;
            if (current instanceof CommentBlock comments) {
                if (next instanceof BlockAttribute) {
                    pendingComment = comments; // moves with the attribute
                } else {
                    if (ateEmptyLines) {
                        table.render(renderer);
                        table.startNewLine();
                    }
                    formatCommentBlock(comments, table);
                }
            } else if (current instanceof Field field) {
                formatField(field, table);
            } else if (current instanceof ConfigProperty property) {
                formatKeyValue(property, table);
            } else if (current instanceof EnumValue value) {
                formatEnumValue(value, table);
            } else if (current instanceof BlockAttribute attribute) {
                attributes.add(new PendingAttribute(pendingComment, attribute));
                pendingComment = null;
            } else if (current instanceof CatchAll catchAll) {
                table.interleave(stripTrailingNewlines(catchAll.text()));
            }
        }
        table.render(renderer);
        if (!attributes.isEmpty()) {
            table.startNewLine(); // one blank line before the block attributes
        }
        List<PendingAttribute> sorted = new ArrayList<>(attributes);
        sorted.sort(Comparator.comparingInt(a -> sortIndex(a.attribute().attribute())));
        for (PendingAttribute pending : sorted) {
            if (pending.comment() != null) {
                formatCommentBlock(pending.comment(), table);
            }
            formatBlockAttribute(pending.attribute(), table);
        }
        table.render(renderer);
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }

    private static int sortIndex(Attribute attribute) {
        int index = ATTRIBUTE_ORDER.indexOf(attribute.nameText());
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    // ------------------------------------------------------------------ block items

    private void formatField(Field field, TableFormat table) {
        table.startNewLine();
        table.column(FIELD_NAME_COLUMN).append(field.name().name());
        if (field.typeSyntax() != Field.TypeSyntax.NONE) {
            StringBuilder type = table.column(FIELD_TYPE_COLUMN).append(field.typeName());
            switch (field.typeSyntax()) {
                case OPTIONAL -> type.append('?');
                case LIST, LEGACY_LIST -> type.append("[]");
                case OPTIONAL_LIST -> type.append("[]?");
                default -> {
                    // PLAIN, and LEGACY_REQUIRED whose `!` is dropped
                }
            }
        }
        if (field.trailingComment() != null) {
            table.appendSuffix(field.trailingComment().raw());
        }
        StringBuilder attributes = table.column(FIELD_ATTRIBUTES_COLUMN);
        List<Attribute> sorted = new ArrayList<>(field.attributes());
        sorted.sort(Comparator.comparingInt(PslFormatter::sortIndex)); // stable, like Rust's sort_by
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                attributes.append(' ');
            }
            attributes.append('@');
            appendAttributeCall(sorted.get(i), attributes);
        }
    }

    private void formatKeyValue(ConfigProperty property, TableFormat table) {
        table.startNewLine();
        table.column(0).append(property.name().name());
        if (property.value() != null) {
            StringBuilder value = table.column(1).append("= ");
            appendExpression(property.value(), value);
        }
        if (property.trailingComment() != null) {
            table.appendSuffix(property.trailingComment().raw());
        }
    }

    private void formatEnumValue(EnumValue value, TableFormat table) {
        table.startNewLine();
        table.column(0).append(value.name().name());
        for (Attribute attribute : value.attributes()) {
            // Prisma writes several enum value attributes into one cell without a separator
            StringBuilder cell = table.column(1).append('@');
            appendAttributeCall(attribute, cell);
        }
        if (value.trailingComment() != null) {
            table.appendSuffix(value.trailingComment().raw());
        }
    }

    private void formatBlockAttribute(BlockAttribute blockAttribute, TableFormat table) {
        table.startNewLine();
        StringBuilder cell = table.column(0).append("@@");
        appendAttributeCall(blockAttribute.attribute(), cell);
        if (blockAttribute.trailingComment() != null) {
            table.appendSuffix(blockAttribute.trailingComment().raw());
        }
    }

    // ------------------------------------------------------------------ comments

    private static void formatCommentBlock(CommentBlock comments, TableFormat table) {
        for (CommentLine line : comments.lines()) {
            if (line.kind() == CommentLine.Kind.BLOCK) {
                formatMultiLineComment(line.content(), table);
            } else {
                table.startNewLine();
                table.appendSuffix(line.raw());
            }
        }
    }

    /** {@code /* ... *}{@code /} becomes {@code /**}, one {@code  * text} line per non-blank line, {@code  *}{@code /}. */
    private static void formatMultiLineComment(String comment, TableFormat table) {
        table.startNewLine();
        table.appendSuffix("/**");
        String inner = comment.substring(2, comment.length() - 2);
        for (String line : inner.split("\n", -1)) {
            String text = RustText.trim(line);
            if (text.startsWith("*")) {
                text = RustText.trimStart(text.substring(1));
            }
            if (!text.isEmpty()) {
                table.startNewLine();
                table.appendSuffix(" * ");
                table.appendSuffix(text);
            }
        }
        table.startNewLine();
        table.appendSuffix(" */");
    }

    // ------------------------------------------------------------------ attributes and expressions

    private static void appendAttributeCall(Attribute attribute, StringBuilder out) {
        out.append(attribute.nameText());
        if (attribute.hasParentheses()) {
            appendArguments(attribute.arguments(), out);
        }
    }

    /** Arguments in source order, {@code ", "}-separated; a trailing comma is dropped. */
    private static void appendArguments(ArgumentsList arguments, StringBuilder out) {
        out.append('(');
        List<Object> inOrder = new ArrayList<>(arguments.arguments());
        inOrder.addAll(arguments.emptyArguments());
        inOrder.sort(Comparator.comparingInt(a -> a instanceof Argument arg ? arg.span().start()
                : ((Identifier) a).span().start()));
        boolean first = true;
        for (Object item : inOrder) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (item instanceof Argument argument) {
                if (argument.name() != null) {
                    out.append(argument.name().name()).append(": ");
                }
                appendExpression(argument.value(), out);
            } else {
                out.append(((Identifier) item).name()).append(": "); // `name:` without a value
            }
        }
        out.append(')');
    }

    private static void appendExpression(Expression expression, StringBuilder out) {
        if (expression instanceof Expression.FunctionCall call) {
            out.append(call.name());
            appendArguments(call.arguments(), out);
        } else if (expression instanceof Expression.ArrayValue array) {
            out.append('[');
            for (int i = 0; i < array.elements().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendExpression(array.elements().get(i), out);
            }
            out.append(']');
        } else {
            out.append(expression.raw()); // strings, numbers and constants as written
        }
    }
}
