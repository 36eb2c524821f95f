package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.Sha256;
import dev.jiffy.harness.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every compile the warm compiler does, incremental or not, is checked against a full compile of
 * the same sources in a fresh javac task: the encoded output (class files, main classes and
 * warnings, what the output ID is the hash of) must be the same bytes. Each edit also checks
 * which of the two it did, so that a test of an edit that must recompile everything cannot pass
 * by recompiling it alone, and one that may recompile one file is seen to.
 */
class WarmCompilesTest {
    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none");

    @TempDir
    Path dir;

    private final WarmCompiles warm = WarmCompiles.keeping(4);
    private final RecordingReporter reporter = new RecordingReporter();

    @BeforeEach
    void program() throws IOException, BuildException {
        write("app/Main.java", """
                package app;
                import util.Strings;
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Strings.shout("hi") + Strings.WIDTH + Shape.area(new Shape.Square(2)));
                        Runnable r = () -> System.out.println(Color.RED);
                        r.run();
                    }
                }
                """);
        write("app/Color.java", """
                package app;
                public enum Color { RED, GREEN, BLUE; int bits() { return 8; } }
                """);
        write("app/Shape.java", """
                package app;
                public sealed interface Shape permits Shape.Square, Shape.Circle {
                    record Square(int side) implements Shape {}
                    record Circle(int radius) implements Shape {}
                    static int area(Shape s) {
                        if (s instanceof Square q) {
                            return q.side() * q.side();
                        }
                        return s instanceof Circle c ? 3 * c.radius() * c.radius() : 0;
                    }
                }
                """);
        write("app/Painter.java", """
                package app;
                import java.util.function.Supplier;
                class Painter extends Base<String> implements Supplier<String> {
                    @Override public String get() { return name(); }
                    String paint(Color c) {
                        switch (c) {
                            case RED: return "r";
                            default: return new Object() { public String toString() { return "other"; } }.toString();
                        }
                    }
                }
                """);
        write("app/Base.java", """
                package app;
                abstract class Base<T extends Comparable<T>> {
                    T value;
                    String name() { return "base"; }
                    class Inner { int depth = 1; }
                }
                """);
        write("util/Strings.java", """
                package util;
                public final class Strings {
                    public static final int WIDTH = 80;
                    private Strings() {}
                    public static String shout(String s) { return s.toUpperCase() + "!"; }
                }
                """);
        assertThat(compile("full").ok()).isTrue();
    }

    @Test
    void aChangedBodyRecompilesThatFileAlone() throws IOException, BuildException {
        edit("util/Strings.java", "s.toUpperCase() + \"!\"", "s.toUpperCase() + \"!!\"");
        compile("javac 1 of 6 files");

        edit("app/Painter.java", "return \"r\";", "return \"red\" + new Object() {}.hashCode();");
        compile("javac 1 of 6 files");
    }

    @Test
    void classFilesAnAnonymousClassNoLongerGivesAreGone() throws IOException, BuildException {
        edit("app/Painter.java", "default: return new Object() { public String toString() { return \"other\"; } }.toString();",
                "default: return \"other\";");
        Compiler.Result result = compile("javac 1 of 6 files");
        // Painter$1 was the enum switch's map and Painter$2 the anonymous class.
        assertThat(result.output().classes().keySet().stream().filter(c -> c.startsWith("app/Painter$")))
                .containsExactly("app/Painter$1.class");
    }

    @Test
    void aChangedConstantRecompilesEverything() throws IOException, BuildException {
        // Main has WIDTH copied into its class file: recompiling Strings alone would keep 80 there.
        edit("util/Strings.java", "WIDTH = 80", "WIDTH = 120");
        compile("types of util/Strings.java changed");
    }

    @Test
    void aChangedSignatureOrPrivateMemberOrSupertypeRecompilesEverything() throws IOException, BuildException {
        edit("util/Strings.java", "shout(String s)", "shout(CharSequence s)");
        edit("util/Strings.java", "s.toUpperCase()", "s.toString().toUpperCase()");
        compile("types of util/Strings.java changed");

        edit("app/Base.java", "String name()", "private int hidden; String name()");
        compile("types of app/Base.java changed");

        edit("app/Base.java", "class Inner {", "static class Inner {");
        compile("types of app/Base.java changed");

        edit("app/Color.java", "RED, GREEN, BLUE", "RED, BLUE, GREEN");
        compile("types of app/Color.java changed");

        edit("app/Shape.java", "record Circle(int radius)", "record Circle(int radius, String label)");
        compile("types of app/Shape.java changed");
    }

    @Test
    void sourcesAddedOrRemovedRecompileEverything() throws IOException, BuildException {
        write("app/Extra.java", "package app;\nclass Extra { int x = util.Strings.WIDTH; }\n");
        compile("full");

        Files.delete(dir.resolve("app/Extra.java"));
        compile("full");
    }

    @Test
    void anErrorOrAWarningIsJavacsOwnOutputOfAFullCompile() throws IOException, BuildException {
        edit("app/Painter.java", "return \"r\";", "return r;");
        Compiler.Result failed = compile("failed");
        assertThat(failed.ok()).isFalse();

        // A warning javac prints as it goes, not as a note at the end: not remembered.
        edit("app/Painter.java", "return r;", "return \"r\" + new Integer(3);");
        Compiler.Result warned = compile("gave warnings");
        assertThat(warned.output().warnings()).contains("[removal]");

        // The next compile builds on the last one without errors or such warnings.
        edit("app/Painter.java", "new Integer(3)", "1");
        compile("javac 1 of 6 files");
    }

    @Test
    void javacsNotesStayAFullCompilesAsLongAsAnEditLeavesThemTheSame() throws IOException, BuildException {
        edit("app/Painter.java", "return \"r\";", "java.util.List l = new java.util.ArrayList(); l.add(1); return \"r\";");
        edit("app/Main.java", "r.run();", "r.run(); java.util.List l = new java.util.ArrayList(); l.add(2);");
        Compiler.Result both = compile("notes");
        assertThat(both.output().warnings()).contains("Some input files use unchecked");

        edit("util/Strings.java", "\"!\"", "\"?\"");
        Compiler.Result other = compile("javac 1 of 6 files");
        assertThat(other.output().warnings()).isEqualTo(both.output().warnings());

        // Main no longer has any: the note now names Painter alone.
        edit("app/Main.java", "java.util.List l = new java.util.ArrayList(); l.add(2);", "");
        Compiler.Result one = compile("notes");
        assertThat(one.output().warnings()).contains(Compiler.MARK + "app/Painter.java" + Compiler.MARK);

        edit("app/Painter.java", "l.add(1)", "l.add(3)");
        compile("javac 1 of 6 files");
        edit("app/Color.java", "return 8;", "return 9;");
        compile("javac 1 of 6 files");
    }

    /** The compile server traces the notes to their sources while it waits, so the next edit need not. */
    @Test
    void notesTracedAheadOfTheNextEdit() throws IOException, BuildException {
        edit("app/Painter.java", "return \"r\";", "java.util.List l = new java.util.ArrayList(); l.add(1); return \"r\";");
        compile("notes");
        assertThat(warm.unsettled()).isTrue();
        warm.settle();
        assertThat(warm.unsettled()).isFalse();
        edit("app/Painter.java", "l.add(1)", "l.add(3)");
        compile("javac 1 of 6 files");
    }

    /**
     * Notes are traced in the sources as that compile read them, even once one has changed on
     * disk: read now, Main would look clean, and the edit that cleans it would seem to leave
     * the notes (naming Painter alone) as they were, when they named both files.
     */
    @Test
    void notesAreTracedInTheSourcesAsCompiled() throws IOException, BuildException {
        String unchecked = "java.util.List l = new java.util.ArrayList(); l.add(2);";
        edit("app/Painter.java", "return \"r\";", "java.util.List l = new java.util.ArrayList(); l.add(1); return \"r\";");
        edit("app/Main.java", "r.run();", "r.run(); " + unchecked);
        compile("notes");
        edit("app/Main.java", unchecked, "");
        warm.settle();
        compile("notes on unchecked or deprecated uses change");
    }

    @Test
    void twoChangedBodiesAndANewMainClass() throws IOException, BuildException {
        edit("app/Color.java", "return 8;", "return 16;");
        edit("app/Main.java", "r.run();", "r.run(); r.run();");
        compile("javac 2 of 6 files");

        edit("app/Color.java", "int bits()", "public static void main(String[] a) {} int bits()");
        Compiler.Result result = compile("types of app/Color.java changed");
        assertThat(result.output().mainClasses()).containsExactly("app.Color", "app.Main");
    }

    @Test
    void aPackageInfoChangeRecompilesEverything() throws IOException, BuildException {
        write("app/package-info.java", "package app;\n");
        compile("full");
        write("app/package-info.java", "@Deprecated\npackage app;\n");
        compile("package-info.java changed");
    }

    /**
     * A compile in which an annotation processor ran (here one on the class path) is never built
     * on: what a processor generates may depend on any source.
     */
    @Test
    void aCompileAProcessorRanInIsNotBuiltOn(@TempDir Path processor) throws IOException, BuildException {
        write(processor, "stamp/StampProcessor.java", """
                package stamp;
                import java.io.Writer;
                import java.util.Set;
                import javax.annotation.processing.*;
                import javax.lang.model.SourceVersion;
                import javax.lang.model.element.TypeElement;
                @SupportedAnnotationTypes("*")
                public class StampProcessor extends AbstractProcessor {
                    private boolean done;
                    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
                    @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                        if (!done) {
                            done = true;
                            int types = round.getRootElements().size();
                            try (Writer w = processingEnv.getFiler().createSourceFile("stamp.Stamp").openWriter()) {
                                w.write("package stamp; public class Stamp { public static final int TYPES = " + types + "; }");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        return false;
                    }
                }
                """);
        Path classes = processor.resolve("classes");
        write(classes, "META-INF/services/javax.annotation.processing.Processor", "stamp.StampProcessor\n");
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                processor.resolve("stamp/StampProcessor.java").toString())).isZero();
        // Named: from JDK 23 on, javac runs no processor it only finds on the class path.
        List<String> options = List.of("--release", "17", "-processor", "stamp.StampProcessor");

        // The first compile under these options, then two edits of a method body.
        for (String shout : List.of("\"!\"", "\"?\"", "\"!?\"")) {
            String text = Files.readString(dir.resolve("util/Strings.java"));
            Files.writeString(dir.resolve("util/Strings.java"), text.replaceFirst("\\+ \"[!?]+\"", "+ " + shout));
            reporter.traces.clear();
            Target target = Target.resolve(dir, ".");
            Compiler.Result result = warm.compile(target, target.sources(), hashes(target), options, List.of(classes),
                    "processed", true, reporter);
            Compiler.Result full = Compiler.compile(target.root(), target.sources(), false, options, List.of(classes));
            assertThat(result.ok()).as(result.diagnostics()).isTrue();
            assertThat(result.output().classes()).containsKey("stamp/Stamp.class");
            assertThat(result.output().encode()).isEqualTo(full.output().encode());
            assertThat(reporter.traces).as("no compile to build on").isEmpty();
        }
    }

    /** {@code -a}: every file compiled, whatever is remembered; the next edit builds on that compile. */
    @Test
    void aRebuildCompilesEveryFileAndTheNextEditBuildsOnIt() throws IOException, BuildException {
        edit("util/Strings.java", "\"!\"", "\"?\"");
        Target target = Target.resolve(dir, ".");
        reporter.traces.clear();
        Compiler.Result rebuilt = warm.compile(target, target.sources(), hashes(target), OPTIONS, List.of(), "context",
                false, reporter);
        assertThat(rebuilt.output().encode()).isEqualTo(full(target).output().encode());
        assertThat(reporter.traces).isEmpty();

        // Built on the first compile, this would be no change at all.
        edit("util/Strings.java", "\"?\"", "\"!\"");
        compile("javac 1 of 6 files");
    }

    @Test
    void nothingChangedGivesTheRememberedOutput() throws IOException, BuildException {
        compile("javac 0");
    }

    @Test
    void aJvmThatRemembersNothingCompilesInFull() throws IOException, BuildException {
        edit("util/Strings.java", "\"!\"", "\"?\"");
        Target target = Target.resolve(dir, ".");
        Compiler.Result result = WarmCompiles.none().compile(target, target.sources(), hashes(target), OPTIONS, List.of(),
                "context", true, reporter);
        assertThat(result.output().encode()).isEqualTo(full(target).output().encode());
        assertThat(reporter.traces).isEmpty();
    }

    /**
     * What the warm compiler rests on, on a real code base (jiffy's own sources, with their
     * dependencies): each source compiled alone, against the class files of a full compile of
     * the others, gives the class files and the types that the full compile gave it.
     */
    @Test
    void eachOfJiffysOwnSourcesCompiledAloneGivesTheFullCompilesClassFiles() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> sources = new java.util.ArrayList<>();
        // The remote tier's protobuf classes are generated into target/ by the build.
        for (String dir : List.of("src/main/java", "target/generated-sources/protobuf/java")) {
            try (var walk = Files.walk(root.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        List<Path> jars = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.endsWith(".jar")).map(Path::of).toList();
        Compiler.Detailed full = Compiler.compile(root, sources, false, OPTIONS, jars, Map.of(), Map.of(), true);
        assertThat(full.result().ok()).as(full.result().diagnostics()).isTrue();
        assertThat(full.whole()).isTrue();
        Map<String, byte[]> all = full.result().output().classes();
        int checked = 0;
        for (Path source : sources) {
            if (source.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            Compiler.Unit unit = full.units().get(source);
            Map<String, byte[]> others = new java.util.TreeMap<>(all);
            unit.entries().forEach(others::remove);
            Compiler.Detailed alone = Compiler.compile(root, List.of(source), false, OPTIONS, jars, others, Map.of(), true);
            assertThat(alone.result().ok()).as(source + ": " + alone.result().diagnostics()).isTrue();
            Compiler.Unit again = alone.units().get(source);
            assertThat(again.api()).as(source.toString()).isEqualTo(unit.api());
            assertThat(again.entries()).as(source.toString()).containsExactlyInAnyOrderElementsOf(unit.entries());
            for (String entry : unit.entries()) {
                assertThat(alone.result().output().classes().get(entry)).as(entry).isEqualTo(all.get(entry));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * One compile through the warm compiler, checked against a fresh full one; {@code how} is
     * part of its -x line ("full" for none: no remembered compile to build on).
     */
    private Compiler.Result compile(String how) throws IOException, BuildException {
        reporter.traces.clear();
        Target target = Target.resolve(dir, ".");
        Compiler.Result result = warm.compile(target, target.sources(), hashes(target), OPTIONS, List.of(), "context",
                true, reporter);
        Compiler.Result full = full(target);
        assertThat(result.diagnostics()).isEqualTo(full.diagnostics());
        assertThat(result.ok()).isEqualTo(full.ok());
        if (full.ok()) {
            assertThat(result.output().encode()).isEqualTo(full.output().encode());
        }
        if (how.equals("full")) {
            assertThat(reporter.traces).allMatch(t -> t.startsWith("javac: all files"));
        } else if (how.startsWith("javac ") && !how.equals("javac 0")) {
            assertThat(reporter.traces).singleElement().asString().startsWith(how);
        } else if (!how.equals("javac 0")) {
            assertThat(reporter.traces).singleElement().asString().startsWith("javac: all files").contains(how);
        } else {
            assertThat(reporter.traces).isEmpty();
        }
        return result;
    }

    private Compiler.Result full(Target target) throws IOException, BuildException {
        return Compiler.compile(target.root(), target.sources(), false, OPTIONS, List.of());
    }

    private static Map<String, String> hashes(Target target) throws IOException, BuildException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path source : target.sources()) {
            hashes.put(target.relative(source), Sha256.of(source));
        }
        return hashes;
    }

    private void write(String name, String text) throws IOException, BuildException {
        write(dir, name, text);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void edit(String name, String from, String to) throws IOException, BuildException {
        Path file = dir.resolve(name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
