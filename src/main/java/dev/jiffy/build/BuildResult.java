package dev.jiffy.build;

import dev.jiffy.cache.OutputId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A built (or found) program: the executable in the cache, what to run in it, and whether it was
 * a hit. {@code javaOptions} are the program's own JVM options; {@code inputs} maps every file
 * the build read (sources, sourced files, resources) to the stamp it was read under, or null.
 */
public record BuildResult(Path executable, OutputId outputId, String mainClass, Jdk jdk, List<String> javaOptions,
        boolean hit, Map<Path, String> inputs) {}
