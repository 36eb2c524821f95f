package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.OutputId;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.DependencyException;
import dev.jiffy.deps.DirectiveException;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ResolvedArtifact;
import dev.jiffy.deps.ScriptDirectives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action graph of one program, as in Go's {@code cmd/go/internal/work}: resolve (the
 * dependencies of {@code //DEPS}), compile (all sources in one javac task), link (the
 * executable). Each action's output is cached under its action ID; on a hit nothing is
 * resolved, compiled or linked.
 */
public final class Builder {
    /** A resolution that names a SNAPSHOT or a range is re-checked after this long, as run files are. */
    static final long DYNAMIC_RESOLUTION_NANOS = 3_600_000_000_000L;

    private final Cache cache;
    private final Jdk jdk;
    private final String toolVersion;
    private final Path cwd;
    private final BuildReporter reporter;
    private final SourceScanner scanner;
    private final Resolve resolve;

    public Builder(Cache cache, Jdk jdk, String toolVersion, Path cwd, BuildReporter reporter, SourceScanner scanner,
            java.time.Clock clock) {
        this.cache = cache;
        this.jdk = jdk;
        this.toolVersion = toolVersion;
        this.cwd = cwd;
        this.reporter = reporter;
        this.scanner = scanner;
        this.resolve = new Resolve(cache, toolVersion, jdk, reporter, clock);
    }

    /** Builds the program, or finds it; returns null under {@code -n} when something would be built. */
    public BuildResult build(BuildRequest request) throws BuildException, WrongJdkException, IOException {
        Target target = request.target();
        SourceSet set = SourceSet.scan(target, scanner, cwd);
        ScriptDirectives directives;
        try {
            directives = ScriptDirectives.of(set.directives(), request.env(), request.properties());
        } catch (DirectiveException e) {
            throw new BuildException(e.getMessage());
        }
        checkJava(directives, set);
        Resolution resolution = resolve.dependencies(directives.dependencies(), directives.repositories(),
                request.offline(), request.rebuild(), request.dryRun());
        if (resolution == null) {
            return null;
        }

        ActionKey compileKey = new ActionKey("compile", toolVersion, jdk);
        for (Path source : set.sources()) {
            compileKey.add("source " + target.relative(source) + " " + set.scanned().get(source).sha256());
        }
        directives.javacOptions().forEach(o -> compileKey.add("javac-option " + o));
        resolution.artifacts().forEach(a -> compileKey.add(a.keyLine()));
        reporter.hashLines("compile", compileKey.lines());
        ActionId compileId = compileKey.id();

        CompileOutput compiled = null;
        OutputId compiledId = null;
        if (!request.rebuild() && cache.get(compileId) instanceof Lookup.Hit hit) {
            compiled = readCompileOutput(hit);
            compiledId = hit.outputId();
        }
        if (compiled != null) {
            if (!compiled.warnings().isEmpty()) {
                reporter.compilerOutput(Compiler.forDisplay(compiled.warnings(), target.root(), cwd));
            }
        } else {
            int n = set.sources().size();
            reporter.step("javac " + n + " file" + (n == 1 ? "" : "s") + " of " + SourceSet.display(cwd, target.path()));
            if (request.dryRun()) {
                return null;
            }
            Resolution withFiles = resolve.withFiles(resolution, directives.dependencies(), directives.repositories(),
                    request.offline());
            if (!withFiles.sameArtifacts(resolution)) {
                return build(request); // a SNAPSHOT moved meanwhile: start again from the new set
            }
            resolution = withFiles;
            Compiler.Result result = Compiler.compile(target.root(), set.sources(), target.singleFile(),
                    directives.javacOptions(), resolution.files());
            if (!result.diagnostics().isEmpty()) {
                reporter.compilerOutput(Compiler.forDisplay(result.diagnostics(), target.root(), cwd));
            }
            if (!result.ok()) {
                throw new BuildException("");
            }
            compiled = result.output();
            compiledId = cache.put(compileId, compiled.encode()).outputId();
        }

        String main = chooseMain(request, target, compiled, directives);
        List<String> javaOptions = directives.javaOptions();
        Map<String, String> resourceHashes = new LinkedHashMap<>();
        Map<Path, String> inputs = new LinkedHashMap<>();
        set.scanned().forEach((p, s) -> inputs.put(p, s.stamp()));
        set.globDirectories().forEach(inputs::put);
        for (Map.Entry<String, Path> r : set.resources().entrySet()) {
            SourceScanner.Scanned s = scanner.scan(r.getValue(), r.getValue().toString());
            resourceHashes.put(r.getKey(), s.sha256());
            inputs.put(r.getValue(), s.stamp());
        }
        ActionKey linkKey = new ActionKey("link", toolVersion, jdk)
                .add("compile " + compiledId)
                .add("main " + main)
                .add("name " + target.programName());
        javaOptions.forEach(o -> linkKey.add("java-option " + o));
        resolution.artifacts().forEach(a -> linkKey.add(a.keyLine()));
        resourceHashes.forEach((name, sha) -> linkKey.add("file " + name + " " + sha));
        reporter.hashLines("link", linkKey.lines());
        ActionId linkId = linkKey.id();
        if (!request.rebuild() && cache.get(linkId) instanceof Lookup.Hit hit) {
            Path exe = cache.outputFile(hit.outputId());
            if (Executable.isBuiltFor(exe, linkId)) {
                return new BuildResult(exe, hit.outputId(), main, jdk, javaOptions, true, inputs, directives.environment());
            }
            reporter.warning(exe + " was not built for " + target.programName() + " (its build info names another action);"
                    + " rebuilding it");
        }
        reporter.step("link " + target.programName() + " (main class " + main + ")");
        if (request.dryRun()) {
            return null;
        }
        Resolution withFiles = resolve.withFiles(resolution, directives.dependencies(), directives.repositories(),
                request.offline());
        if (!withFiles.sameArtifacts(resolution)) {
            return build(request);
        }
        resolution = withFiles;
        byte[] exe = link(target, main, linkId, compiledId, compileKey, compiled, resolution, set.resources(), javaOptions);
        Lookup.Hit put = cache.putExecutable(linkId, target.programName(), exe);
        return new BuildResult(cache.outputFile(put.outputId()), put.outputId(), main, jdk, javaOptions, false, inputs,
                directives.environment());
    }

    private byte[] link(Target target, String main, ActionId linkId, OutputId compiledId, ActionKey compileKey,
            CompileOutput compiled, Resolution resolution, Map<String, Path> resources, List<String> javaOptions)
            throws IOException {
        Map<String, byte[]> program = new LinkedHashMap<>(compiled.classes());
        for (Map.Entry<String, Path> r : resources.entrySet()) {
            program.put(r.getKey(), Files.readAllBytes(r.getValue()));
        }
        FatJar.Merged merged = FatJar.merge(program, resolution.files());
        merged.duplicates().forEach(d -> reporter.verbose("duplicate class " + d));
        String info = buildInfo(target, main, linkId, compiledId, compileKey, resolution);
        return Executable.write(target.programName(), main, jdk, javaOptions, info, merged.entries(), merged.multiRelease());
    }

    /** {@code //JAVA 21} wants exactly that feature release, {@code //JAVA 17+} at least it. */
    private void checkJava(ScriptDirectives directives, SourceSet set) throws WrongJdkException {
        String wanted = directives.javaVersion();
        if (wanted == null) {
            return;
        }
        boolean atLeast = wanted.endsWith("+");
        int version = Integer.parseInt(atLeast ? wanted.substring(0, wanted.length() - 1) : wanted);
        if (atLeast ? jdk.feature() < version : jdk.feature() != version) {
            var d = set.directives().stream().filter(x -> x.keyword().equals("JAVA")).reduce((a, b) -> b).orElseThrow();
            throw new WrongJdkException(wanted, d.file() + ":" + d.line());
        }
    }

    /**
     * A cached compile output, or null when its content vanished, was damaged or does not decode:
     * then it is rebuilt. It is checked against its output ID, as Go's GetBytes does: the lookup
     * only compared sizes, and damaged class files must not be linked into a program.
     */
    private CompileOutput readCompileOutput(Lookup.Hit hit) {
        try {
            byte[] data = Files.readAllBytes(cache.outputFile(hit.outputId()));
            return data.length == hit.size() && OutputId.of(data).equals(hit.outputId()) ? CompileOutput.decode(data) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String chooseMain(BuildRequest request, Target target, CompileOutput compiled, ScriptDirectives directives)
            throws BuildException {
        String wanted = request.mainClass();
        String from = "-main";
        if (wanted == null && directives.main() != null) {
            wanted = directives.main().value().strip();
            from = directives.main().file() + ":" + directives.main().line() + ": //MAIN";
        }
        String where = SourceSet.display(cwd, target.path());
        if (wanted != null) {
            if (!compiled.classes().containsKey(wanted.replace('.', '/') + ".class")) {
                throw new BuildException(from + " " + wanted + ": no such class in " + where);
            }
            return wanted;
        }
        List<String> mains = compiled.mainClasses();
        if (mains.size() == 1) {
            return mains.get(0);
        }
        if (mains.isEmpty()) {
            throw new BuildException(where + ": no class with a main method (choose one with -main Class or //MAIN)");
        }
        throw new BuildException(where + ": several classes with a main method: " + String.join(", ", mains)
                + " (choose one with -main Class or //MAIN)");
    }

    private String buildInfo(Target target, String main, ActionId linkId, OutputId compiledId, ActionKey compileKey,
            Resolution resolution) {
        StringBuilder b = new StringBuilder();
        b.append("program\t").append(target.programName()).append('\n');
        b.append("main\t").append(main).append('\n');
        b.append("action\t").append(linkId).append('\n');
        b.append("compile\t").append(compiledId).append('\n');
        b.append("jdk\t").append(jdk.describe()).append('\n');
        b.append("jiffy\t").append(toolVersion).append('\n');
        for (String line : compileKey.lines()) {
            if (line.startsWith("source ")) {
                int space = line.lastIndexOf(' ');
                b.append("source\t").append(line, "source ".length(), space).append('\t').append(line.substring(space + 1)).append('\n');
            }
        }
        for (ResolvedArtifact a : resolution.artifacts()) {
            b.append("dep\t").append(a.coordinate()).append(a.sha256() == null ? "" : "\t" + a.sha256()).append('\n');
        }
        return b.toString();
    }
}
