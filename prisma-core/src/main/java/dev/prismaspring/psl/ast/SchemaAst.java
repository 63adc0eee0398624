package dev.prismaspring.psl.ast;

import dev.prismaspring.psl.SourceFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of a whole schema: for each file (in {@link SourceFiles} order) its top-level
 * items in source order.
 *
 * @param files    the source files
 * @param fileItems top-level items per file
 */
public record SchemaAst(SourceFiles files, List<List<TopItem>> fileItems) {

    public SchemaAst {
        fileItems = fileItems.stream().map(List::copyOf).toList();
    }

    /** All declarations of all files, file by file, in source order. */
    public List<Top> tops() {
        List<Top> tops = new ArrayList<>();
        for (List<TopItem> items : fileItems) {
            for (TopItem item : items) {
                if (item instanceof Top top) {
                    tops.add(top);
                }
            }
        }
        return tops;
    }

    public List<ModelDecl> models() {
        return tops().stream().filter(ModelDecl.class::isInstance).map(ModelDecl.class::cast).toList();
    }

    public List<EnumDecl> enums() {
        return tops().stream().filter(EnumDecl.class::isInstance).map(EnumDecl.class::cast).toList();
    }

    public List<ConfigBlock> configBlocks() {
        return tops().stream().filter(ConfigBlock.class::isInstance).map(ConfigBlock.class::cast).toList();
    }
}
