package dev.jiffy.work;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ResolvedArtifact;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code jiffy tool}: an artifact's {@code Main-Class} with its dependencies, linked into a
 * cached executable named after the artifact. The graph is resolve then link; there is nothing
 * to compile. What the artifact's manifest asks of {@code java -jar} (Add-Opens, Add-Exports,
 * Enable-Native-Access) becomes JVM options, as the executable is started with a class path; a
 * Launcher-Agent-Class goes into the executable's manifest, which is then started with -jar.
 */
public final class ToolBuilder {
    private final Cache cache;
    private final Jdk jdk;
    private final String toolVersion;
    private final BuildReporter reporter;
    private final Resolve resolve;

    public ToolBuilder(Cache cache, Jdk jdk, String toolVersion, BuildReporter reporter, Clock clock) {
        this.cache = cache;
        this.jdk = jdk;
        this.toolVersion = toolVersion;
        this.reporter = reporter;
        this.resolve = new Resolve(cache, toolVersion, jdk, reporter, clock);
    }

    /**
     * Builds the tool, or finds it; null under {@code -n} when something would be built.
     *
     * @param mainClass {@code -main}, or null for the artifact's {@code Main-Class}
     */
    public BuildResult build(Coordinate tool, List<Repository> repos, String mainClass, List<String> javaOptions,
            boolean offline, boolean rebuild, boolean dryRun) throws BuildException, WrongJdkException, IOException {
        Resolution cached = resolve.dependencies(List.of(tool), repos, offline, rebuild, dryRun);
        if (cached == null) {
            return null;
        }
        // The main class and the manifest's options are read from the tool's own jar.
        Resolution resolution = resolve.withFiles(cached, List.of(tool), repos, offline);
        ResolvedArtifact main = resolution.artifacts().stream()
                .filter(a -> a.coordinate().startsWith(tool.groupId() + ":" + tool.artifactId() + ":"))
                .findFirst().orElseThrow(() -> new BuildException(tool + ": the resolver did not return the artifact itself"));
        String mainName = mainClass != null ? mainClass : mainClassOf(main);
        String agent = FatJar.launcherAgent(main.file());
        checkClassVersion(main, mainName, tool);
        List<String> options = new ArrayList<>(FatJar.launchOptions(main.file()));
        options.addAll(javaOptions);
        String name = tool.artifactId();
        ActionKey key = new ActionKey("link-tool", toolVersion, jdk).add("main " + mainName).add("name " + name);
        options.forEach(o -> key.add("java-option " + o));
        if (agent != null) {
            key.add("launcher-agent " + agent);
        }
        resolution.artifacts().forEach(a -> key.add(a.keyLine()));
        reporter.hashLines("link-tool", key.lines());
        ActionId id = key.id();
        if (!rebuild && cache.get(id) instanceof Lookup.Hit hit) {
            java.nio.file.Path exe = cache.outputFile(hit.outputId());
            if (Executable.isBuiltFor(exe, id)) {
                return new BuildResult(exe, hit.outputId(), mainName, jdk, options, true, Map.of(), Map.of(), agent);
            }
            reporter.warning(exe + " was not built for " + name + " (its build info names another action); rebuilding it");
        }
        reporter.step("link " + name + " (" + resolution.artifacts().size() + " jars, main class " + mainName + ")");
        if (dryRun) {
            return null;
        }
        FatJar.Merged merged = FatJar.merge(Map.of(), resolution.files());
        merged.duplicates().forEach(d -> reporter.verbose("duplicate class " + d));
        StringBuilder info = new StringBuilder();
        info.append("program\t").append(name).append('\n').append("main\t").append(mainName).append('\n')
                .append("action\t").append(id).append('\n').append("jdk\t").append(jdk.describe()).append('\n')
                .append("jiffy\t").append(toolVersion).append('\n');
        resolution.artifacts().forEach(a -> info.append("dep\t").append(a.coordinate()).append('\n'));
        byte[] exe = Executable.write(name, mainName, agent, jdk, options, info.toString(), merged.entries(), merged.multiRelease());
        Lookup.Hit put = cache.putExecutable(id, name, exe);
        return new BuildResult(cache.outputFile(put.outputId()), put.outputId(), mainName, jdk, options, false, Map.of(),
                Map.of(), agent);
    }

    /**
     * A tool compiled for a newer Java than this JDK (class file major version 65 is Java 21) is
     * run on a newer JDK, as a //JAVA line would ask.
     */
    private void checkClassVersion(ResolvedArtifact artifact, String mainName, Coordinate tool)
            throws WrongJdkException, IOException {
        try (JarFile jar = new JarFile(artifact.file().toFile(), false)) {
            var entry = jar.getEntry(mainName.replace('.', '/') + ".class");
            if (entry == null) {
                return;
            }
            byte[] head;
            try (var in = jar.getInputStream(entry)) {
                head = in.readNBytes(8);
            }
            if (head.length == 8) {
                int feature = ((head[6] & 0xff) << 8 | (head[7] & 0xff)) - 44;
                if (feature > jdk.feature()) {
                    throw new WrongJdkException(feature + "+", tool.toString() + " (its main class is compiled for Java " + feature + ")");
                }
            }
        }
    }

    private static String mainClassOf(ResolvedArtifact artifact) throws BuildException, IOException {
        try (JarFile jar = new JarFile(artifact.file().toFile(), false)) {
            Manifest mf = jar.getManifest();
            String main = mf == null ? null : mf.getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                throw new BuildException(artifact.coordinate() + ": its jar names no Main-Class (choose one with -main Class)");
            }
            return main.strip();
        }
    }
}
