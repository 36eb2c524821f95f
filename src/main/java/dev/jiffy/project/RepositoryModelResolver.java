package dev.jiffy.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;

/**
 * The model builder's way to the repositories: a parent that is not at its relativePath, or a
 * BOM a dependencyManagement imports, is asked of a {@link PomRepository}; every pom it hands out
 * is recorded, so that what the effective model came from is known.
 */
final class RepositoryModelResolver implements ModelResolver {
    private final PomRepository repository;
    private final List<Path> read;

    RepositoryModelResolver(PomRepository repository, List<Path> read) {
        this.repository = repository;
        this.read = read;
    }

    // ModelSource is deprecated for ModelSource2, which the interface still returns.
    @SuppressWarnings("deprecation")
    @Override
    public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
        try {
            Path pom = repository.pom(groupId, artifactId, version);
            read.add(pom);
            return new FileModelSource(pom.toFile());
        } catch (IOException e) {
            throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
        }
    }

    @SuppressWarnings("deprecation")
    @Override
    public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
        return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
    }

    @SuppressWarnings("deprecation")
    @Override
    public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
        return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
    }

    /** A project's own repositories are not asked yet: its poms come from the user's (settings.xml, Central). */
    @Override
    public void addRepository(Repository repository) {}

    @Override
    public void addRepository(Repository repository, boolean replace) {}

    @Override
    public ModelResolver newCopy() {
        return new RepositoryModelResolver(repository, read);
    }
}
