package dev.jiffy.work;

import dev.jiffy.cache.OutputId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A built (or found) program: the executable in the cache, what to run in it, and whether it was
 * a hit. {@code javaOptions} are the program's own JVM options; {@code inputs} maps every file
 * the build read (sources, sourced files, resources) to the stamp it was read under, or null;
 * {@code environment} the variables the build read ({@code ${env.NAME}} in directives) with their
 * values; {@code launcherAgent} the {@code Launcher-Agent-Class} of a tool's jar, or null: such an
 * executable starts with {@code java -jar}, which runs that agent before the main class.
 */
public record BuildResult(Path executable, OutputId outputId, String mainClass, Jdk jdk, List<String> javaOptions,
        boolean hit, Map<Path, String> inputs, Map<String, String> environment, String launcherAgent) {

    /** A program without a launcher agent. */
    public BuildResult(Path executable, OutputId outputId, String mainClass, Jdk jdk, List<String> javaOptions,
            boolean hit, Map<Path, String> inputs, Map<String, String> environment) {
        this(executable, outputId, mainClass, jdk, javaOptions, hit, inputs, environment, null);
    }

    /** A build that read no variables. */
    public BuildResult(Path executable, OutputId outputId, String mainClass, Jdk jdk, List<String> javaOptions,
            boolean hit, Map<Path, String> inputs) {
        this(executable, outputId, mainClass, jdk, javaOptions, hit, inputs, Map.of());
    }
}
