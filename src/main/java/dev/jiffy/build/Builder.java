package dev.jiffy.build;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.OutputId;
import dev.jiffy.deps.Directives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The action graph of one program, as in Go's {@code cmd/go/internal/work}: compile (all sources
 * in one javac task) then link (write the executable). Each action's output is cached under its
 * action ID; on a hit nothing is compiled or linked.
 */
public final class Builder {
    private final Cache cache;
    private final Jdk jdk;
    private final String toolVersion;
    private final Path cwd;
    private final BuildReporter reporter;
    private final SourceScanner scanner;

    public Builder(Cache cache, Jdk jdk, String toolVersion, Path cwd, BuildReporter reporter, SourceScanner scanner) {
        this.cache = cache;
        this.jdk = jdk;
        this.toolVersion = toolVersion;
        this.cwd = cwd;
        this.reporter = reporter;
        this.scanner = scanner;
    }

    /** Builds the program, or finds it; returns null under {@code -n} when something would be built. */
    public BuildResult build(BuildRequest request) throws BuildException, IOException {
        Target target = request.target();
        ActionKey compileKey = new ActionKey("compile", toolVersion, jdk);
        List<Directives.Directive> directives = new ArrayList<>();
        for (Path source : target.sources()) {
            SourceScanner.Scanned scanned = scanner.scan(source, display(source));
            compileKey.add("source " + target.relative(source) + " " + scanned.sha256());
            directives.addAll(scanned.directives().all());
        }
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
                reporter.compilerOutput(compiled.warnings());
            }
        } else {
            reporter.step("javac " + target.sources().size() + " file" + (target.sources().size() == 1 ? "" : "s")
                    + " of " + display(target.path()));
            if (request.dryRun()) {
                return null;
            }
            Compiler.Result result = Compiler.compile(cwd, target, List.of());
            if (!result.diagnostics().isEmpty()) {
                reporter.compilerOutput(result.diagnostics());
            }
            if (!result.ok()) {
                throw new BuildException("");
            }
            compiled = result.output();
            compiledId = cache.put(compileId, compiled.encode()).outputId();
        }

        String main = chooseMain(request, target, compiled, directives);
        List<String> javaOptions = List.of();
        ActionKey linkKey = new ActionKey("link", toolVersion, jdk)
                .add("compile " + compiledId)
                .add("main " + main)
                .add("name " + target.programName());
        javaOptions.forEach(o -> linkKey.add("java-option " + o));
        reporter.hashLines("link", linkKey.lines());
        ActionId linkId = linkKey.id();
        if (!request.rebuild() && cache.get(linkId) instanceof Lookup.Hit hit) {
            Path exe = cache.outputFile(hit.outputId());
            return new BuildResult(exe, hit.outputId(), main, jdk, javaOptions, true);
        }
        reporter.step("link " + target.programName() + " (main class " + main + ")");
        if (request.dryRun()) {
            return null;
        }
        String info = buildInfo(target, main, linkId, compiledId, compileKey);
        byte[] exe = Executable.write(target.programName(), main, jdk, javaOptions, info, compiled.classes());
        Lookup.Hit put = cache.putExecutable(linkId, target.programName(), exe);
        return new BuildResult(cache.outputFile(put.outputId()), put.outputId(), main, jdk, javaOptions, false);
    }

    /** A cached compile output, or null when its content vanished or does not decode: then it is rebuilt. */
    private CompileOutput readCompileOutput(Lookup.Hit hit) {
        try {
            byte[] data = Files.readAllBytes(cache.outputFile(hit.outputId()));
            return data.length == hit.size() ? CompileOutput.decode(data) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String chooseMain(BuildRequest request, Target target, CompileOutput compiled,
            List<Directives.Directive> directives) throws BuildException {
        String wanted = request.mainClass();
        String from = "-main";
        List<Directives.Directive> mainDirectives = directives.stream().filter(d -> d.keyword().equals("MAIN")).toList();
        if (wanted == null && !mainDirectives.isEmpty()) {
            Directives.Directive d = mainDirectives.get(mainDirectives.size() - 1);
            wanted = d.value();
            from = d.file() + ":" + d.line() + ": //MAIN";
        }
        if (wanted != null) {
            if (!compiled.classes().containsKey(wanted.replace('.', '/') + ".class")) {
                throw new BuildException(from + " " + wanted + ": no such class in " + display(target.path()));
            }
            return wanted;
        }
        List<String> mains = compiled.mainClasses();
        if (mains.size() == 1) {
            return mains.get(0);
        }
        if (mains.isEmpty()) {
            throw new BuildException(display(target.path()) + ": no class with a main method (choose one with -main Class or //MAIN)");
        }
        throw new BuildException(display(target.path()) + ": several classes with a main method: " + String.join(", ", mains)
                + " (choose one with -main Class or //MAIN)");
    }

    private String buildInfo(Target target, String main, ActionId linkId, OutputId compiledId, ActionKey compileKey) {
        StringBuilder b = new StringBuilder();
        b.append("program\t").append(target.programName()).append('\n');
        b.append("main\t").append(main).append('\n');
        b.append("action\t").append(linkId).append('\n');
        b.append("compile\t").append(compiledId).append('\n');
        b.append("jdk\t").append(jdk.describe()).append('\n');
        b.append("jiffy\t").append(toolVersion).append('\n');
        for (String line : compileKey.lines()) {
            if (line.startsWith("source ")) {
                b.append("source\t").append(line.substring("source ".length()).replace(' ', '\t')).append('\n');
            }
        }
        return b.toString();
    }

    private String display(Path p) {
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
