package dev.jiffy.work;

import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Sha256;
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

/**
 * What any tests run with beside their classes, a module's or a script's: the JUnit Platform
 * launcher of the version their engines are built on (a resolve action), once their JUnit
 * versions are known to agree, and their resources as a directory.
 */
final class TestRuntime {
    /** The versions used when the test class path has JUnit 4 and no JUnit Platform. */
    static final String VINTAGE = "5.14.1";
    static final String PLATFORM = "1.14.1";
    /** The include pattern of a script's or a directory's tests: every class. */
    static final String EVERY_CLASS = dev.jiffy.project.MavenBuild.classPattern("**/*");

    private TestRuntime() {}

    /**
     * The launcher of the platform the tests' engines are built on, unless the tests bring it;
     * JUnit 4 alone gets the Vintage engine. Empty without any JUnit: discovery then finds nothing.
     */
    static Resolution launcher(Resolution tests, List<Repository> repositories, String where, ActionRunner runner,
            Cache cache, boolean offline, Toolchain toolchain, BuildReporter reporter, Clock clock)
            throws BuildException, IOException {
        String conflict = conflict(tests);
        if (conflict != null) {
            throw new BuildException(where + ": the test class path mixes JUnit versions ("
                    + conflict + "), which fail in ways that do not name the cause; align them, with junit-bom say");
        }
        String platform = version(tests, "org.junit.platform:junit-platform-engine:");
        List<Coordinate> wanted = new ArrayList<>();
        if (platform == null && version(tests, "junit:junit:") != null) {
            wanted.add(new Coordinate("org.junit.vintage", "junit-vintage-engine", VINTAGE, null, "jar"));
            platform = PLATFORM;
        }
        if (platform != null && version(tests, "org.junit.platform:junit-platform-launcher:") == null) {
            wanted.add(new Coordinate("org.junit.platform", "junit-platform-launcher", platform, null, "jar"));
        }
        if (wanted.isEmpty()) {
            return Resolution.EMPTY;
        }
        Resolve resolve = Resolve.of(wanted, repositories, offline, toolchain, reporter, clock);
        Resolution found = runner.get(resolve);
        return found == null ? null : resolve.withFiles(cache, found);
    }

    /**
     * Two JUnit Platform artifacts of different versions, or a Jupiter or Vintage engine built
     * for another platform than the one there (engine 5.X goes with platform 1.X, 6.X with 6.X),
     * as {@code a 1.10.0, b 1.8.2}; null when they agree.
     */
    static String conflict(Resolution r) {
        Map<String, String> platform = new java.util.TreeMap<>();
        Map<String, String> engines = new java.util.TreeMap<>();
        for (ResolvedArtifact a : r.artifacts()) {
            String[] f = a.coordinate().split(":");
            if (f.length < 3) {
                continue;
            }
            String version = f[2];
            if (f[0].equals("org.junit.platform")) {
                platform.put(f[1], version);
            } else if (f[1].equals("junit-jupiter-engine") || f[1].equals("junit-vintage-engine")) {
                engines.put(f[1], version);
            }
        }
        String engine = platform.get("junit-platform-engine");
        for (Map.Entry<String, String> p : platform.entrySet()) {
            if (engine != null && !p.getValue().equals(engine)) {
                return "junit-platform-engine " + engine + ", " + p.getKey() + " " + p.getValue();
            }
        }
        for (Map.Entry<String, String> e : engines.entrySet()) {
            if (engine != null && !platformOf(e.getValue()).equals(minor(engine))) {
                return e.getKey() + " " + e.getValue() + ", junit-platform-engine " + engine;
            }
        }
        return null;
    }

    /** The platform's major.minor an engine of this version is built for. */
    private static String platformOf(String engine) {
        String m = minor(engine);
        return m.startsWith("5.") ? "1." + m.substring(2) : m;
    }

    private static String minor(String version) {
        String[] f = version.split("[.-]");
        return f.length < 2 ? version : f[0] + "." + f[1];
    }

    private static String version(Resolution r, String prefix) {
        return r.artifacts().stream().map(ResolvedArtifact::coordinate).filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length()).split(":")[0]).findFirst().orElse(null);
    }

    /**
     * The resources, main and test, as one directory in {@code temp}, named in the key by their
     * hashes: a directory, as surefire's target/test-classes is, since tests look resources up as
     * files ({@code getResource(...).getPath()}).
     */
    static Path resourceDirectory(Map<String, Resource> resources, Path temp, List<String> keyLines)
            throws IOException {
        Path dir = Files.createDirectories(temp.resolve("resources"));
        for (Map.Entry<String, Resource> r : resources.entrySet()) {
            byte[] content = r.getValue().content();
            Path file = dir.resolve(r.getKey()).normalize();
            if (!file.startsWith(dir)) {
                throw new IOException(r.getKey() + ": a resource name that leaves the class path");
            }
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            keyLines.add("resource " + r.getKey() + " " + Sha256.of(content));
        }
        return dir;
    }
}
