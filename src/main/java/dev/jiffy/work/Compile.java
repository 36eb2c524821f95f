package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.OutputId;
import dev.jiffy.deps.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The compile action: all sources of a program (or of one module) in one javac task, keyed by
 * each source's path below the target's root and content, the javac options, the dependency set
 * and the output IDs of the modules it compiles against, so that a module is compiled again when
 * a module it depends on compiles to other classes, and only then, as Go compiles per package.
 */
final class Compile implements Action<Compile.Compiled> {
    /** Class files, main classes and warnings, and the output ID that link is keyed by. */
    record Compiled(CompileOutput output, OutputId id) {}

    /**
     * What javac compiles against: the jars, the compiled modules of the reactor (before the
     * jars), and the annotation processors' own path, or null to find processors on the class
     * path as javac does.
     */
    record ClassPath(Resolution jars, List<Compiled> modules, Resolution processors) {
        static ClassPath of(Resolution jars) {
            return new ClassPath(jars, List.of(), null);
        }
    }

    private final Target target;
    private final List<Path> sources;
    private final Map<String, String> sourceHashes;
    private final List<String> javacOptions;
    private final ClassPath classpath;
    private final Path cwd;
    private final BuildReporter reporter;
    private final ActionKey key;
    private final WarmCompiles compiles;

    /**
     * @param sourceHashes each source's path below the target's root and its SHA-256, in the order of {@code sources}
     */
    Compile(Target target, List<Path> sources, Map<String, String> sourceHashes, List<String> javacOptions,
            ClassPath classpath, Toolchain toolchain, Path cwd, BuildReporter reporter) {
        this.target = target;
        this.sources = sources;
        this.sourceHashes = sourceHashes;
        this.javacOptions = javacOptions;
        this.classpath = classpath;
        this.cwd = cwd;
        this.reporter = reporter;
        ActionKey key = toolchain.key("compile");
        sourceHashes.forEach((path, sha) -> key.add("source " + path + " " + sha));
        javacOptions.forEach(o -> key.add("javac-option " + o));
        classpath.modules().forEach(m -> key.add("module " + m.id()));
        classpath.jars().artifacts().forEach(a -> key.add(a.keyLine()));
        if (classpath.processors() != null) {
            classpath.processors().artifacts().forEach(a -> key.add("processor " + a.keyLine()));
        }
        this.key = key;
        this.compiles = toolchain.compiles();
    }

    @Override
    public ActionKey key() {
        return key;
    }

    /**
     * Checked against its output ID, as Go's GetBytes does: the lookup only compared sizes, and
     * damaged class files must not be linked into a program.
     */
    @Override
    public Reuse<Compiled> reuse(Cache cache, Lookup.Hit hit) {
        try {
            byte[] data = Files.readAllBytes(cache.outputFile(hit.outputId()));
            if (data.length != hit.size() || !OutputId.of(data).equals(hit.outputId())) {
                return Reuse.reject("content does not match its output ID");
            }
            return Reuse.use(new Compiled(CompileOutput.decode(data), hit.outputId()));
        } catch (IOException | RuntimeException e) {
            return Reuse.reject("content unreadable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String describe() {
        int n = sources.size();
        return "javac " + n + " file" + (n == 1 ? "" : "s") + " of " + SourceSet.display(cwd, target.path());
    }

    /**
     * What this compile's action ID holds but the sources' content, and where the sources and the
     * class path are: what a remembered compile must share with this one to be built on.
     */
    private String context(List<Path> classpath) {
        StringBuilder b = new StringBuilder();
        key.lines().stream().filter(l -> !l.startsWith("source ")).forEach(l -> b.append(l).append('\n'));
        b.append("root ").append(target.root()).append('\n');
        sources.forEach(s -> b.append("path ").append(s).append('\n'));
        classpath.forEach(p -> b.append("classpath ").append(p).append('\n'));
        return b.toString();
    }

    /** javac's diagnostics are printed as javac prints them; a failed compile has said why. */
    @Override
    public Compiled run(Cache cache, ActionId id) throws BuildException, IOException {
        return run(cache, id, true);
    }

    /** Every source compiled, even in the compile server, which could compile only those that changed. */
    @Override
    public Compiled rebuild(Cache cache, ActionId id) throws BuildException, IOException {
        return run(cache, id, false);
    }

    private Compiled run(Cache cache, ActionId id, boolean incremental) throws BuildException, IOException {
        // A compile output is a zip of class files, which javac reads as it reads a jar.
        List<Path> files = new java.util.ArrayList<>();
        for (Compiled m : classpath.modules()) {
            files.add(cache.outputFile(m.id()));
        }
        files.addAll(classpath.jars().files());
        List<String> options = new java.util.ArrayList<>(javacOptions);
        if (classpath.processors() != null) {
            options.add(0, "-processorpath");
            options.add(1, String.join(java.io.File.pathSeparator,
                    classpath.processors().files().stream().map(Path::toString).toList()));
        }
        Compiler.Result result = compiles.compile(target, sources, sourceHashes, options, files, context(files), incremental,
                reporter);
        if (!result.diagnostics().isEmpty()) {
            reporter.compilerOutput(Compiler.forDisplay(result.diagnostics(), target.root(), cwd));
        }
        if (!result.ok()) {
            throw new BuildException("");
        }
        return new Compiled(result.output(), cache.put(id, result.output().encode()).outputId());
    }
}
