package dev.prismaspring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural mutations of schema text, as a developer edits a schema: fields and models renamed, dropped and added,
 * types, arity and attributes changed, relation sides swapped (1-n to 1-1 and back), indexes added and removed.
 * Works on lines, so a mutant may well be invalid (a renamed model still referenced, a default of the old type):
 * then the validator must answer with diagnostics.
 */
public final class SchemaMutator {

    private static final Pattern MODEL = Pattern.compile("^model\\s+(\\w+)\\s*\\{\\s*$");
    private static final Pattern FIELD = Pattern.compile("^(\\s+)(\\w+)(\\s+)(\\w+)(\\[\\]|\\?)?(.*)$");
    private static final List<String> SCALARS = List.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean",
            "DateTime", "Json", "Bytes");

    /** A mutant and the edits that made it. */
    public record Mutant(String text, List<String> edits) {
    }

    private final Random random;
    private int counter;

    public SchemaMutator(Random random) {
        this.random = random;
    }

    /** One to {@code maxEdits} random edits of {@code text}. */
    public Mutant mutate(String text, int maxEdits) {
        List<String> edits = new ArrayList<>();
        String out = text;
        for (int i = 1 + random.nextInt(maxEdits), tries = 0; i > 0 && tries < 20 * maxEdits; tries++) {
            Edit e = edit(out);
            if (e != null) {
                out = e.text();
                edits.add(e.what());
                i--;
            }
        }
        return new Mutant(out, edits);
    }

    private record Edit(String text, String what) {
    }

    private record Line(int index, String model, Matcher field) {
    }

    private Edit edit(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Line> fields = new ArrayList<>();
        List<int[]> models = new ArrayList<>();
        List<String> modelNames = new ArrayList<>();
        String current = null;
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MODEL.matcher(lines.get(i));
            if (m.matches()) {
                current = m.group(1);
                start = i;
                continue;
            }
            if (current != null && lines.get(i).startsWith("}")) {
                models.add(new int[] {start, i});
                modelNames.add(current);
                current = null;
                continue;
            }
            Matcher f = FIELD.matcher(lines.get(i));
            if (current != null && f.matches() && !lines.get(i).trim().startsWith("//")) {
                fields.add(new Line(i, current, f));
            }
        }
        if (models.isEmpty()) {
            return null;
        }
        List<Line> scalars = fields.stream().filter(l -> SCALARS.contains(l.field().group(4))).toList();
        int n = ++counter;
        switch (random.nextInt(13)) {
            case 0 -> {
                if (fields.isEmpty()) {
                    return null;
                }
                Line l = pick(fields);
                lines.remove(l.index());
                return new Edit(join(lines), "drop field " + l.model() + "." + l.field().group(2));
            }
            case 1 -> {
                if (fields.isEmpty()) {
                    return null;
                }
                Line l = pick(fields);
                Matcher f = l.field();
                lines.set(l.index(), f.group(1) + f.group(2) + "Fz" + f.group(3) + f.group(4) + opt(f.group(5))
                        + f.group(6));
                return new Edit(join(lines), "rename field " + l.model() + "." + f.group(2));
            }
            case 2 -> {
                int[] m = pick(models);
                String field = pick(List.of("fz%d Int?", "fz%d String @default(\"x\")",
                        "fz%d DateTime @default(now())", "fz%d Boolean @default(false)", "fz%d Float?", "fz%d Int",
                        "fz%d String? @unique", "fz%d BigInt?", "fz%d Decimal?")).formatted(n);
                lines.add(m[0] + 1, "  " + field);
                return new Edit(join(lines), "add field '" + field + "' to " + modelNames.get(models.indexOf(m)));
            }
            case 3 -> {
                if (scalars.isEmpty()) {
                    return null;
                }
                Line l = pick(scalars);
                Matcher f = l.field();
                String type = pick(SCALARS.subList(0, 7));
                String rest = random.nextBoolean() ? f.group(6).replaceAll("@default\\((?:[^()]|\\([^()]*\\))*\\)", "")
                        .replaceAll("@db\\.\\w+(\\([^)]*\\))?", "") : f.group(6);
                lines.set(l.index(), f.group(1) + f.group(2) + f.group(3) + type + opt(f.group(5)) + rest);
                return new Edit(join(lines), "change type of " + l.model() + "." + f.group(2) + " to " + type);
            }
            case 4 -> {
                List<Line> plain = scalars.stream().filter(l -> !"[]".equals(l.field().group(5))).toList();
                if (plain.isEmpty()) {
                    return null;
                }
                Line l = pick(plain);
                Matcher f = l.field();
                String arity = "?".equals(f.group(5)) ? "" : "?";
                lines.set(l.index(), f.group(1) + f.group(2) + f.group(3) + f.group(4) + arity + f.group(6));
                return new Edit(join(lines), "make " + l.model() + "." + f.group(2)
                        + (arity.isEmpty() ? " required" : " optional"));
            }
            case 5 -> {
                int i = random.nextInt(models.size());
                int[] m = models.get(i);
                for (int k = m[1]; k >= m[0]; k--) {
                    lines.remove(k);
                }
                return new Edit(join(lines), "drop model " + modelNames.get(i));
            }
            case 6 -> {
                String model = "\nmodel Fz%d {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n"
                        .formatted(n) + (random.nextBoolean() ? "  note String?\n\n  @@index([note])\n" : "") + "}\n";
                return new Edit(text + model, "add model Fz" + n);
            }
            case 7 -> {
                int i = random.nextInt(modelNames.size());
                String name = modelNames.get(i);
                String out = random.nextBoolean()
                        ? text.replaceAll("(?m)^model " + name + " \\{", "model " + name + "Fz {")
                        .replaceAll("(?m)^(\\s+\\w+\\s+)" + name + "(\\[\\]|\\?)?(\\s|$)", "$1" + name + "Fz$2$3")
                        : text.replaceAll("(?m)^model " + name + " \\{", "model " + name + "Fz {");
                return new Edit(out, "rename model " + name);
            }
            case 8 -> {
                if (scalars.isEmpty()) {
                    return null;
                }
                Line l = pick(scalars);
                int[] m = models.get(modelNames.indexOf(l.model()));
                String index = pick(List.of("@@index", "@@unique")) + "([" + l.field().group(2) + "])";
                lines.add(m[1], "  " + index);
                return new Edit(join(lines), "add " + index + " to " + l.model());
            }
            case 9 -> {
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("@unique") || lines.get(i).trim().startsWith("@@index")
                            || lines.get(i).trim().startsWith("@@unique")) {
                        indexes.add(i);
                    }
                }
                if (indexes.isEmpty()) {
                    return null;
                }
                int i = pick(indexes);
                String line = lines.get(i);
                if (line.trim().startsWith("@@")) {
                    lines.remove(i);
                } else {
                    lines.set(i, line.replaceFirst("\\s*@unique(\\([^)]*\\))?", ""));
                }
                return new Edit(join(lines), "remove index/unique '" + line.trim() + "'");
            }
            case 10 -> {
                if (scalars.isEmpty()) {
                    return null;
                }
                Line l = pick(scalars);
                lines.set(l.index(), lines.get(l.index()) + " @unique");
                return new Edit(join(lines), "make " + l.model() + "." + l.field().group(2) + " @unique");
            }
            case 11 -> {
                return swapRelation(lines, fields);
            }
            default -> {
                if (scalars.isEmpty()) {
                    return null;
                }
                Line l = pick(scalars);
                String line = lines.get(l.index());
                if (line.contains("@default(") && random.nextBoolean()) {
                    lines.set(l.index(), line.replaceFirst("@default\\((?:[^()]|\\([^()]*\\))*\\)", ""));
                    return new Edit(join(lines), "drop default of " + l.model() + "." + l.field().group(2));
                }
                if (random.nextBoolean() && !line.contains("@map(")) {
                    lines.set(l.index(), line + " @map(\"fz_" + l.field().group(2) + "\")");
                    return new Edit(join(lines), "map " + l.model() + "." + l.field().group(2));
                }
                int[] m = models.get(modelNames.indexOf(l.model()));
                lines.add(m[1], "  @@map(\"fz_" + l.model().toLowerCase(java.util.Locale.ROOT) + "\")");
                return new Edit(join(lines), "map model " + l.model());
            }
        }
    }

    /**
     * A 1-n relation becomes 1-1 (the list side turns optional and the foreign key unique), or a 1-1 becomes 1-n:
     * which side may hold several records swaps.
     */
    private Edit swapRelation(List<String> lines, List<Line> fields) {
        List<Line> owners = fields.stream().filter(l -> l.field().group(6).contains("fields: [")
                && !l.field().group(6).contains(",")).toList();
        if (owners.isEmpty()) {
            return null;
        }
        Line owner = pick(owners);
        Matcher fk = Pattern.compile("fields: \\[(\\w+)]").matcher(owner.field().group(6));
        if (!fk.find()) {
            return null;
        }
        String target = owner.field().group(4);
        Line back = fields.stream().filter(l -> l.model().equals(target) && l.field().group(4).equals(owner.model()))
                .findFirst().orElse(null);
        Line fkLine = fields.stream().filter(l -> l.model().equals(owner.model())
                && l.field().group(2).equals(fk.group(1))).findFirst().orElse(null);
        if (back == null || fkLine == null) {
            return null;
        }
        Matcher b = back.field();
        String fkText = lines.get(fkLine.index());
        if ("[]".equals(b.group(5))) {
            lines.set(back.index(), b.group(1) + b.group(2) + b.group(3) + b.group(4) + "?" + b.group(6));
            if (!fkText.contains("@unique")) {
                lines.set(fkLine.index(), fkText + " @unique");
            }
            return new Edit(join(lines), "relation " + owner.model() + "." + owner.field().group(2) + " 1-n to 1-1");
        }
        lines.set(back.index(), b.group(1) + b.group(2) + b.group(3) + b.group(4) + "[]" + b.group(6));
        lines.set(fkLine.index(), fkText.replaceFirst("\\s*@unique(\\([^)]*\\))?", ""));
        return new Edit(join(lines), "relation " + owner.model() + "." + owner.field().group(2) + " 1-1 to 1-n");
    }

    private static String opt(String s) {
        return s == null ? "" : s;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
