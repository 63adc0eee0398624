package dev.prismaspring.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with {@code javax.tools} against the test class path, with {@code -Xlint:all}, and
 * reports every diagnostic (errors, warnings, notes) in one readable list. Public: the typed-client tests of
 * other modules use it through the test-jar.
 */
public final class JavaSourceCompiler {

    private JavaSourceCompiler() {
    }

    /** The outcome: whether javac succeeded and every diagnostic as {@code file:line: kind: message}. */
    public record Result(boolean success, List<String> diagnostics, List<Diagnostic<? extends JavaFileObject>> raw) {
        public String report() {
            return String.join("\n", diagnostics);
        }
    }

    /** Writes the generated sources below {@code dir} and returns their paths. */
    public static List<Path> write(List<GeneratedSource> sources, Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            for (GeneratedSource s : sources) {
                Path p = dir.resolve(s.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, s.content(), StandardCharsets.UTF_8);
                out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Compiles {@code files} into {@code classes} with {@code -Xlint:all} (extra class path entries first). */
    public static Result compile(List<Path> files, Path classes, List<Path> extraClassPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            StringBuilder cp = new StringBuilder();
            for (Path p : extraClassPath) {
                cp.append(p).append(java.io.File.pathSeparator);
            }
            cp.append(System.getProperty("java.class.path"));
            List<String> options = List.of("-Xlint:all", "-Xlint:-processing", "-Xmaxwarns", "10000",
                    "--release", "17", "-proc:none", "-encoding", "UTF-8", "-d", classes.toString(),
                    "-classpath", cp.toString());
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(null, fm, collector, options, null, units).call();
            List<String> lines = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
                String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                        + d.getLineNumber() + ": ";
                lines.add(where + d.getKind() + ": " + d.getMessage(Locale.ROOT));
            }
            return new Result(ok, lines, List.copyOf(collector.getDiagnostics()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
