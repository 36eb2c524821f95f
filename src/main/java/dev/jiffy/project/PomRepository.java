package dev.jiffy.project;

import dev.jiffy.deps.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where poms that are not on disk beside the project come from: parents and imported BOMs. */
@FunctionalInterface
public interface PomRepository {
    /**
     * The pom file of {@code groupId:artifactId:version}; an exception whose message says why there is none.
     *
     * @param repositories the repositories the poms read so far declare, asked before the user's own
     */
    Path pom(String groupId, String artifactId, String version, List<Repository> repositories) throws IOException;
}
