package dev.jiffy.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * BOM a dependencyManagement imports, is asked of a {@link PomRepository}, with the repositories
 * the poms read so far declare, as Maven asks them; every pom it hands out is recorded, so that
 * what the effective model came from is known.
 */
final class RepositoryModelResolver implements ModelResolver {
    private final PomRepository repository;
    private final List<Path> read;
    private final List<dev.jiffy.deps.Repository> repositories;

    RepositoryModelResolver(PomRepository repository, List<Path> read) {
        this(repository, read, new ArrayList<>());
    }

    private RepositoryModelResolver(PomRepository repository, List<Path> read, List<dev.jiffy.deps.Repository> repositories) {
        this.repository = repository;
        this.read = read;
        this.repositories = repositories;
    }

    // ModelSource is deprecated for ModelSource2, which the interface still returns.
    @SuppressWarnings("deprecation")
    @Override
    public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
        try {
            Path pom = repository.pom(groupId, artifactId, version, List.copyOf(repositories));
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

    @Override
    public void addRepository(Repository repository) {
        addRepository(repository, false);
    }

    /** The first declaration of an id wins, as in Maven, unless it is to be replaced. */
    @Override
    public void addRepository(Repository added, boolean replace) {
        for (int i = 0; i < repositories.size(); i++) {
            if (repositories.get(i).id().equals(added.getId())) {
                if (replace) {
                    repositories.set(i, new dev.jiffy.deps.Repository(added.getId(), added.getUrl()));
                }
                return;
            }
        }
        repositories.add(new dev.jiffy.deps.Repository(added.getId(), added.getUrl()));
    }

    @Override
    public ModelResolver newCopy() {
        return new RepositoryModelResolver(repository, read, new ArrayList<>(repositories));
    }
}
