package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.Repository;
import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ResolvedArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        this.toolchain = new Toolchain(toolVersion, jdk, WarmCompiles.none());
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
        return link(tool.artifactId(), main, mainClass, tool.toString(), javaOptions, resolution, runner);
    }

    /**
     * {@code jiffy run app.jar}: a jar on disk, run by its manifest's {@code Main-Class} with the
     * jars its {@code Class-Path} names (relative to it), linked as a tool is: the executable holds
     * their content, and the link's ID is made of their hashes. Null under {@code -n} when it
     * would be linked.
     *
     * @param jars the jar, then its Class-Path's jars ({@link #classPath})
     */
    public BuildResult buildJar(List<Path> jars, String mainClass, List<String> javaOptions, boolean rebuild, boolean dryRun)
            throws BuildException, WrongJdkException, IOException {
        ActionRunner runner = new ActionRunner(cache, reporter, rebuild, dryRun);
        List<ResolvedArtifact> artifacts = new ArrayList<>();
        for (Path jar : jars) {
            artifacts.add(new ResolvedArtifact("file:" + jar, jar, dev.jiffy.cache.Sha256.of(jar)));
        }
        String name = jars.get(0).getFileName().toString().replaceFirst("\\.jar$", "");
        return link(Target.programName(name), artifacts.get(0), mainClass, jars.get(0).getFileName().toString(), javaOptions,
                new Resolution(List.copyOf(artifacts)), runner);
    }

    /**
     * Links {@code resolution} into an executable that runs {@code main}'s {@code Main-Class} (or
     * {@code mainClass}) with the options its manifest asks for, or finds it; null under {@code -n}.
     */
    private BuildResult link(String name, ResolvedArtifact main, String mainClass, String display, List<String> javaOptions,
            Resolution resolution, ActionRunner runner) throws BuildException, WrongJdkException, IOException {
        String mainName = mainClass != null ? mainClass : mainClassOf(main);
        String agent = FatJar.launcherAgent(main.file());
        checkClassVersion(main, mainName, display);
        List<String> options = new ArrayList<>(FatJar.launchOptions(main.file()));
        options.addAll(javaOptions);
        Link link = new Link(new Link.Program(name, null, mainName, agent, options, null, List.of(), Map.of(), Map.of(),
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

    /** A jar and the jars its manifest's {@code Class-Path} names, relative to its directory; a missing one is an error. */
    public static List<Path> classPath(Path jar, String display) throws BuildException, IOException {
        List<Path> all = new ArrayList<>(List.of(jar));
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest mf = file.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String entry : cp.strip().split("\\s+")) {
                    if (entry.isEmpty()) {
                        continue;
                    }
                    Path p = jar.getParent().resolve(java.net.URLDecoder.decode(entry, java.nio.charset.StandardCharsets.UTF_8))
                            .normalize();
                    if (!Files.isRegularFile(p)) {
                        throw new BuildException(display + ": its manifest's Class-Path names " + entry + ", which is not there");
                    }
                    all.add(p);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new BuildException(display + ": not a jar (" + e.getMessage() + ")");
        }
        return all;
    }

    /**
     * A tool compiled for a newer Java than this JDK (class file major version 65 is Java 21) is
     * run on a newer JDK, as a //JAVA line would ask.
     */
    private void checkClassVersion(ResolvedArtifact artifact, String mainName, String tool)
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
                    throw WrongJdkException.tool(feature, tool);
                }
            }
        }
    }

    private static String mainClassOf(ResolvedArtifact artifact) throws BuildException, IOException {
        try (JarFile jar = new JarFile(artifact.file().toFile(), false)) {
            Manifest mf = jar.getManifest();
            String main = mf == null ? null : mf.getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                throw new BuildException(artifact.coordinate().replaceFirst("^file:", "") + ": its jar names no Main-Class"
                        + " (choose one with -main Class)");
            }
            return main.strip();
        }
    }
}
