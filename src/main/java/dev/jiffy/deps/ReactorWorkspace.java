package dev.jiffy.deps;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * The modules of a Maven reactor as the resolver sees them, as Maven's own reactor reader shows
 * them: a module's pom is read from its directory, so its dependencies (and its parent's) come
 * in transitively, and its jar is the module itself, which jiffy compiles from source. The file
 * handed out for a jar is the pom; {@link MavenResolver} takes any artifact found here for a
 * module and never reads that file.
 */
final class ReactorWorkspace implements WorkspaceReader {
    private final WorkspaceRepository repository = new WorkspaceRepository("reactor");
    private final Map<String, Path> poms;

    /** @param poms each module's pom by {@code groupId:artifactId:version} */
    ReactorWorkspace(Map<String, Path> poms) {
        this.poms = poms;
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        Path pom = poms.get(artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion());
        boolean main = artifact.getClassifier().isEmpty()
                && (artifact.getExtension().equals("pom") || artifact.getExtension().equals("jar"));
        return pom != null && main ? pom.toFile() : null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        String prefix = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":";
        return poms.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
    }

    /** True if the resolver found {@code result} here: it is a module, not a jar. */
    boolean holds(ArtifactResult result) {
        return result.getRepository() == repository;
    }
}
