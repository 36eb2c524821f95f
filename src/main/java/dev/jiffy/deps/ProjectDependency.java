package dev.jiffy.deps;

import java.nio.file.Path;
import java.util.List;

/**
 * A dependency as a pom declares it, with what Maven reads beside the coordinate.
 *
 * @param coordinate the artifact, its version managed already; {@code type} as the pom says
 *                   ({@code jar}, {@code test-jar}, {@code pom}, ...)
 * @param scope      compile, provided, runtime, test, system or import
 * @param exclusions {@code groupId:artifactId} of each exclusion ({@code *} allowed)
 * @param systemPath the file of a {@code system} dependency, else null
 */
public record ProjectDependency(Coordinate coordinate, String scope, boolean optional, List<String> exclusions,
        Path systemPath) {}
