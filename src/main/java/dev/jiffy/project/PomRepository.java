package dev.jiffy.project;

import java.io.IOException;
import java.nio.file.Path;

/** Where poms that are not on disk beside the project come from: parents and imported BOMs. */
@FunctionalInterface
public interface PomRepository {
    /** The pom file of {@code groupId:artifactId:version}; an exception whose message says why there is none. */
    Path pom(String groupId, String artifactId, String version) throws IOException;
}
