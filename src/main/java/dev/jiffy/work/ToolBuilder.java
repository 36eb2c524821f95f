package dev.jiffy.work;

import dev.jiffy.cache.Cache;
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
    private final Toolchain toolchain;
    private final BuildReporter reporter;
    private final Clock clock;

    public ToolBuilder(Cache cache, Jdk jdk, String toolVersion, BuildReporter reporter, Clock clock) {
        this.cache = cache;
        this.toolchain = new Toolchain(toolVersion, jdk);
        this.reporter = reporter;
        this.clock = clock;
    }

    /**
     * Builds the tool, or finds it; null under {@code -n} when something would be built.
     *
     * @param mainClass {@code -main}, or null for the artifact's {@code Main-Class}
     */
    public BuildResult build(Coordinate tool, List<Repository> repos, String mainClass, List<String> javaOptions,
            boolean offline, boolean rebuild, boolean dryRun) throws BuildException, WrongJdkException, IOException {
        ActionRunner runner = new ActionRunner(cache, reporter, rebuild, dryRun);
        Resolve resolve = Resolve.of(List.of(tool), repos, offline, toolchain, reporter, clock);
        Resolution cached = runner.get(resolve);
        if (cached == null) {
            return null;
        }
        // The main class and the manifest's options are read from the tool's own jar.
        Resolution resolution = resolve.withFiles(cache, cached);
        ResolvedArtifact main = resolution.artifacts().stream()
                .filter(a -> a.coordinate().startsWith(tool.groupId() + ":" + tool.artifactId() + ":"))
                .findFirst().orElseThrow(() -> new BuildException(tool + ": the resolver did not return the artifact itself"));
        String mainName = mainClass != null ? mainClass : mainClassOf(main);
        String agent = FatJar.launcherAgent(main.file());
        checkClassVersion(main, mainName, tool);
        List<String> options = new ArrayList<>(FatJar.launchOptions(main.file()));
        options.addAll(javaOptions);
        Link link = new Link(new Link.Program(tool.artifactId(), null, mainName, agent, options, null, List.of(), Map.of(), Map.of(),
                Map.of(), resolution), toolchain, reporter);
        Link.Linked linked = runner.find(link);
        boolean hit = linked != null;
        if (!hit) {
            linked = runner.run(link);
            if (linked == null) {
                return null;
            }
        }
        return new BuildResult(linked.executable(), linked.id(), mainName, toolchain.jdk(), options, hit, Map.of(),
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
                if (feature > toolchain.jdk().feature()) {
                    throw WrongJdkException.tool(feature, tool.toString());
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
