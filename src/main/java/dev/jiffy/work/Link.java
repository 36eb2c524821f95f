package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.OutputId;
import dev.jiffy.deps.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The link action: the program's classes and resources and, flattened, its dependencies, written
 * as one executable ({@link Executable}) and stored with {@code putExecutable}. A tool links too,
 * with nothing compiled: its own jar is one of the dependencies.
 */
final class Link implements Action<Link.Linked> {
    /** The executable in the cache. */
    record Linked(Path executable, OutputId id) {}

    /**
     * What goes into the executable.
     *
     * @param project        a Maven project's {@code groupId:artifactId:version}, or null
     * @param compiled       the compile output, or null for a tool
     * @param modules        the modules of the reactor the program runs with; a class of
     *                       {@code compiled} wins over theirs
     * @param resources      {@code //FILES} or a project's resources, by name in the executable
     * @param resourceHashes the SHA-256 of each resource's content, by name
     * @param launcherAgent  a tool jar's {@code Launcher-Agent-Class}, or null
     * @param sourceHashes   for the build info: each source's path below the target's root and SHA-256
     */
    record Program(String name, String project, String main, String launcherAgent, List<String> javaOptions,
            Compile.Compiled compiled, List<Module> modules, Map<String, Resource> resources,
            Map<String, String> resourceHashes, Map<String, String> sourceHashes, Resolution resolution) {}

    /** A module of the reactor linked into a program: its coordinates and its compile output, null without sources. */
    record Module(String coordinates, Compile.Compiled compiled) {}

    private final Program program;
    private final Toolchain toolchain;
    private final BuildReporter reporter;
    private final ActionKey key;

    Link(Program program, Toolchain toolchain, BuildReporter reporter) {
        this.program = program;
        this.toolchain = toolchain;
        this.reporter = reporter;
        ActionKey k = toolchain.key(program.compiled() == null ? "link-tool" : "link");
        if (program.compiled() != null) {
            k.add("compile " + program.compiled().id());
        }
        if (program.project() != null) {
            k.add("project " + program.project());
        }
        program.modules().forEach(m -> k.add("module " + m.coordinates() + " " + (m.compiled() == null ? "-" : m.compiled().id())));
        k.add("main " + program.main()).add("name " + program.name());
        program.javaOptions().forEach(o -> k.add("java-option " + o));
        if (program.launcherAgent() != null) {
            k.add("launcher-agent " + program.launcherAgent());
        }
        program.resolution().artifacts().forEach(a -> k.add(a.keyLine()));
        program.resourceHashes().forEach((name, sha) -> k.add("file " + name + " " + sha));
        // The build info names each source: an edit that compiles to the same classes (a comment)
        // still makes another executable, or a hit would give one that names the old sources.
        program.sourceHashes().forEach((path, sha) -> k.add("source " + path + " " + sha));
        this.key = k;
    }

    @Override
    public ActionKey key() {
        return key;
    }

    /**
     * A cache entry (a remote one above all) that maps this action to another program's
     * executable, whose bytes match their own digest, is caught by the build info's action line.
     */
    @Override
    public Reuse<Linked> reuse(Cache cache, Lookup.Hit hit) throws IOException {
        Path exe = cache.outputFile(hit.outputId());
        if (Executable.isBuiltFor(exe, key.id())) {
            return Reuse.use(new Linked(exe, hit.outputId()));
        }
        reporter.warning(exe + " was not built for " + program.name() + " (its build info names another action);"
                + " rebuilding it");
        return Reuse.reject("the executable's build info names another action");
    }

    @Override
    public String describe() {
        String what = program.compiled() == null ? program.resolution().artifacts().size() + " jars, " : "";
        return "link " + program.name() + " (" + what + "main class " + program.main() + ")";
    }

    @Override
    public Linked run(Cache cache, ActionId id) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (program.compiled() != null) {
            entries.putAll(program.compiled().output().classes());
        }
        for (Module m : program.modules()) {
            if (m.compiled() != null) {
                m.compiled().output().classes().forEach(entries::putIfAbsent);
            }
        }
        for (Map.Entry<String, Resource> r : program.resources().entrySet()) {
            entries.put(r.getKey(), r.getValue().content());
        }
        FatJar.Merged merged = FatJar.merge(entries, program.resolution().files());
        merged.duplicates().forEach(d -> reporter.verbose("duplicate class " + d));
        BuildInfo info = new BuildInfo(program.name(), program.project(), program.modules(), program.main(), id,
                program.compiled() == null ? null : program.compiled().id(), toolchain.jdk(), toolchain.toolVersion(),
                program.sourceHashes(), program.resolution().artifacts());
        byte[] exe = Executable.write(program.name(), program.main(), program.launcherAgent(), toolchain.jdk(),
                program.javaOptions(), info.text(), merged.entries(), merged.multiRelease());
        Lookup.Hit put = cache.putExecutable(id, program.name(), exe);
        return new Linked(cache.outputFile(put.outputId()), put.outputId());
    }
}
