package dev.jiffy.work;

import dev.jiffy.cache.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a long-lived JVM (the compile server) keeps of its last compiles, so that an edit
 * recompiles only the sources that changed, against the class files of the others, when the
 * changed sources' types look the same to every other source ({@link TypeApi}). Otherwise, and
 * whenever anything is out of the ordinary (a warning javac prints as it goes, an error, an
 * annotation processor, a source added or removed, a changed {@code package-info.java}), it
 * compiles everything, as the compile action always did. javac's notes at the end of a compile
 * are kept as long as an edit leaves them the same ({@link DeferredWarnings}). Either way the
 * result is the full compile's, byte for byte, and so is its output ID (WarmCompilesTest
 * compares them).
 *
 * <p>A compile is remembered under everything its action ID holds but the sources' content:
 * the target's root and source paths, the javac options, the class path and jiffy's and the
 * JDK's versions. jiffy's own JVM, which builds one program and exits, remembers nothing.
 */
public final class WarmCompiles {
    private static final long MAX_BYTES = 64L << 20;
    private static final List<String> UNSUPPORTED_OPTIONS = List.of("-sourcepath", "--source-path",
            "--module-source-path", "-Xplugin", "-Xprefer", "-implicit");

    /**
     * One remembered compile: each source's SHA-256 and what it compiled to, the output, and the
     * sources javac's notes (its only warnings, if any) are about ({@link DeferredWarnings}), or
     * null with the {@code lint} that finds them, not run yet.
     */
    private record Snapshot(Map<String, String> hashes, Map<String, Compiler.Unit> units, CompileOutput output,
            Map<String, Set<String>> flagged, Lint lint, long bytes) {}

    /**
     * The compile, with the lints on, that finds which sources a compile's {@code notes} are
     * about, of the {@code contents} that compile read, whenever it runs.
     */
    private record Lint(Target target, List<String> options, List<Path> classpath, String notes,
            Map<Path, byte[]> contents) {
        long bytes() {
            return contents.values().stream().mapToLong(c -> c.length).sum();
        }
    }

    private final int capacity;
    private final Map<String, Snapshot> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private WarmCompiles(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers nothing: every compile is a full one. */
    public static WarmCompiles none() {
        return new WarmCompiles(0);
    }

    /** Remembers the last compile of up to {@code targets} programs or modules (and at most 64 MiB of classes). */
    public static WarmCompiles keeping(int targets) {
        return new WarmCompiles(targets);
    }

    /**
     * Compiles {@code sources} of {@code target} as {@link Compiler#compile} does.
     *
     * @param hashes      each source's path below the target's root and its SHA-256
     * @param context     what the compile's action ID holds but the sources' content
     * @param incremental false for a full compile whatever is remembered ({@code -a}), which the
     *                    next edit builds on
     */
    synchronized Compiler.Result compile(Target target, List<Path> sources, Map<String, String> hashes,
            List<String> options, List<Path> classpath, String context, boolean incremental, BuildReporter reporter)
            throws IOException {
        if (capacity == 0 || target.singleFile() || sources.size() < 2
                || options.stream().anyMatch(o -> UNSUPPORTED_OPTIONS.stream().anyMatch(o::startsWith))) {
            return Compiler.compile(target.root(), sources, target.singleFile(), options, classpath);
        }
        Snapshot last = recent.remove(context);
        if (last != null) {
            bytes -= last.bytes();
            if (last.lint() != null && incremental) {
                last = settled(last);
            }
        }
        if (last != null && incremental) {
            Compiler.Result result = incremental(last, target, sources, hashes, options, classpath, context, reporter);
            if (result != null) {
                return result;
            }
        }
        Compiler.Detailed full = Compiler.compile(target.root(), sources, false, options, classpath, Map.of(), Map.of(), true);
        Compiler.Result result = full.result();
        String diagnostics = result.diagnostics();
        // Anything but notes is printed as javac goes, which no incremental compile can know it would print the same.
        if (result.ok() && full.whole() && (diagnostics.isEmpty() || DeferredWarnings.notesOnly(diagnostics))
                && read(target, full, sources, hashes)) {
            Map<String, Compiler.Unit> units = new LinkedHashMap<>();
            full.units().forEach((path, unit) -> units.put(target.relative(path), unit));
            Lint lint = diagnostics.isEmpty() ? null : new Lint(target, List.copyOf(options), List.copyOf(classpath),
                    diagnostics, full.read());
            remember(context, new Snapshot(Map.copyOf(hashes), units, result.output(), lint == null ? Map.of() : null,
                    lint, size(result.output()) + (lint == null ? 0 : lint.bytes())));
        } else if (last != null) {
            // Still true of the sources it names: the edit that fixes this one builds on it.
            remember(context, last);
        }
        return result;
    }

    /**
     * True if javac read the sources as {@code hashes} has them: else a source changed during the
     * compile, whose result is then not one to build on.
     */
    private static boolean read(Target target, Compiler.Detailed compile, List<Path> sources, Map<String, String> hashes) {
        for (Path source : sources) {
            byte[] content = compile.read().get(source);
            if (content == null || !Sha256.of(content).equals(hashes.get(target.relative(source)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the sources the notes of each remembered compile are about, where not yet found, so
     * that the next edit need not: for the compile server to call when it has no request.
     */
    public synchronized void settle() {
        for (Map.Entry<String, Snapshot> e : List.copyOf(recent.entrySet())) {
            if (e.getValue().lint() != null) {
                Snapshot settled = settled(e.getValue());
                bytes -= e.getValue().bytes();
                if (settled == null) {
                    recent.remove(e.getKey());
                } else {
                    e.setValue(settled); // not an access: the order of use stays
                    bytes += settled.bytes();
                }
            }
        }
    }

    /** True if a remembered compile has notes not yet traced to their sources. */
    public synchronized boolean unsettled() {
        return recent.values().stream().anyMatch(s -> s.lint() != null);
    }

    /**
     * The snapshot with the sources its notes are about, found by compiling the sources as they
     * were then again, with the lints on; null if the lints say anything the notes do not account
     * for, or fail.
     */
    private static Snapshot settled(Snapshot s) {
        Lint l = s.lint();
        String output;
        try {
            output = Compiler.compile(l.target().root(), List.copyOf(l.contents().keySet()), false, lint(l.options()),
                    l.classpath(), Map.of(), l.contents(), false).result().diagnostics();
        } catch (IOException | RuntimeException failed) {
            return null; // then the next edit compiles in full, as it would have
        }
        Map<String, Set<String>> flagged = DeferredWarnings.of(output);
        if (flagged == null || !DeferredWarnings.explain(flagged, l.notes())) {
            return null;
        }
        return new Snapshot(s.hashes(), s.units(), s.output(), Map.copyOf(flagged), null, s.bytes() - l.bytes());
    }

    private static List<String> lint(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(DeferredWarnings.LINT);
        return all;
    }

    /** The changed sources compiled against the others' classes; null if only a full compile will do. */
    private Compiler.Result incremental(Snapshot last, Target target, List<Path> sources, Map<String, String> hashes,
            List<String> options, List<Path> classpath, String context, BuildReporter reporter) throws IOException {
        if (!last.hashes().keySet().equals(hashes.keySet())) {
            return null;
        }
        List<Path> changed = new ArrayList<>();
        for (Path source : sources) {
            String relative = target.relative(source);
            if (!hashes.get(relative).equals(last.hashes().get(relative))) {
                changed.add(source);
            }
        }
        if (changed.isEmpty()) {
            // Its output was trimmed from the cache: this is the same compile.
            remember(context, last);
            return new Compiler.Result(last.output(), last.output().warnings());
        }
        Map<String, byte[]> classes = new TreeMap<>(last.output().classes());
        for (Path source : changed) {
            String name = source.getFileName().toString();
            if (name.equals("package-info.java") || name.equals("module-info.java")) {
                reporter.trace("javac: all files: " + target.relative(source) + " changed");
                return null;
            }
            last.units().get(target.relative(source)).entries().forEach(classes::remove);
        }
        // With the lints on, which change no class file, so as to see which sources javac's notes are about.
        Compiler.Detailed part = Compiler.compile(target.root(), changed, false, lint(options), classpath, classes, Map.of(),
                true);
        Compiler.Result result = part.result();
        Map<String, Set<String>> found = result.ok() ? DeferredWarnings.of(result.diagnostics()) : null;
        if (found == null || !part.whole() || !read(target, part, changed, hashes)) {
            reporter.trace("javac: all files: " + changed.size() + " changed file(s) alone " + (result.ok()
                    ? "gave warnings or ran an annotation processor" : "failed") + ", so javac's own output is a full compile's");
            return null;
        }
        Map<String, Set<String>> flagged = new TreeMap<>(last.flagged());
        changed.forEach(source -> flagged.remove(target.relative(source)));
        flagged.putAll(found);
        if (!DeferredWarnings.signature(flagged).equals(DeferredWarnings.signature(last.flagged()))) {
            reporter.trace("javac: all files: javac's notes on unchecked or deprecated uses change");
            return null;
        }
        Map<String, Compiler.Unit> units = new LinkedHashMap<>(last.units());
        for (Path source : changed) {
            Compiler.Unit unit = part.units().get(source);
            String relative = target.relative(source);
            if (!unit.api().equals(last.units().get(relative).api())) {
                reporter.trace("javac: all files: the types of " + relative + " changed");
                return null;
            }
            units.put(relative, unit);
        }
        classes.putAll(result.output().classes());
        List<String> mains = new ArrayList<>();
        for (Path source : sources) {
            mains.addAll(units.get(target.relative(source)).mains());
        }
        String notes = last.output().warnings();
        CompileOutput output = new CompileOutput(classes, mains, notes);
        remember(context, new Snapshot(Map.copyOf(hashes), units, output, Map.copyOf(flagged), null, size(output)));
        reporter.trace("javac " + changed.size() + " of " + sources.size() + " files: the other files' types are unchanged");
        return new Compiler.Result(output, notes);
    }

    private static long size(CompileOutput output) {
        return output.classes().values().stream().mapToLong(c -> c.length).sum();
    }

    private void remember(String context, Snapshot snapshot) {
        recent.put(context, snapshot);
        bytes += snapshot.bytes();
        for (Iterator<Snapshot> i = recent.values().iterator(); i.hasNext() && (recent.size() > capacity || bytes > MAX_BYTES); ) {
            bytes -= i.next().bytes();
            i.remove();
        }
    }
}
