package dev.jiffy.build;

import dev.jiffy.cache.OutputId;
import java.nio.file.Path;
import java.util.List;

/**
 * A built (or found) program: the executable in the cache, what to run in it, and whether it was
 * a hit. {@code javaOptions} are the program's own JVM options.
 */
public record BuildResult(Path executable, OutputId outputId, String mainClass, Jdk jdk, List<String> javaOptions,
        boolean hit) {}
