package dev.jiffy.deps;

import dev.jiffy.cache.Sha256;
import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactProperties;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.version.Version;

/**
 * Resolves dependencies with Apache Maven Resolver, set up by MIMA as Maven would be: the user's
 * settings.xml (mirrors, proxies, credentials, offline) and local repository are honoured.
 * This is the only class that touches the resolver, and it is loaded only on a resolve miss.
 */
public final class MavenResolver implements AutoCloseable {
    private final Context context;
    private final List<RemoteRepository> repositories;

    /**
     * @param repositories {@code //REPOS}; when given they replace Maven Central, as in JBang
     *                     (settings.xml mirrors still apply)
     */
    public MavenResolver(List<Repository> repositories, boolean offline, DownloadListener progress) {
        ContextOverrides.Builder overrides = ContextOverrides.create().withUserSettings(true);
        if (offline) {
            overrides.offline(true);
        }
        if (progress != null) {
            overrides.transferListener(new Progress(progress));
        }
        if (!repositories.isEmpty()) {
            List<RemoteRepository> remotes = new ArrayList<>();
            for (Repository r : repositories) {
                remotes.add(new RemoteRepository.Builder(r.id(), "default", r.url()).build());
            }
            overrides.repositories(remotes);
        }
        this.context = Runtimes.INSTANCE.getRuntime().create(overrides.build());
        this.repositories = context.remoteRepositories();
    }

    private RepositorySystem system() {
        return context.repositorySystem();
    }

    private RepositorySystemSession session() {
        return context.repositorySystemSession();
    }

    /** Resolves {@code dependencies} and what they need, in class-path order; {@code @pom} ones are BOMs. */
    public Resolution resolve(List<Coordinate> dependencies) throws DependencyException, IOException {
        List<Dependency> managed = new ArrayList<>();
        List<Dependency> direct = new ArrayList<>();
        for (Coordinate c : dependencies) {
            if (c.type().equals("pom")) {
                managed.addAll(bom(c));
            }
        }
        Map<String, String> managedVersions = new LinkedHashMap<>();
        managed.forEach(d -> managedVersions.putIfAbsent(d.getArtifact().getGroupId() + ":" + d.getArtifact().getArtifactId(),
                d.getArtifact().getVersion()));
        for (Coordinate c : dependencies) {
            if (c.type().equals("pom")) {
                continue;
            }
            String version = c.version() != null ? c.version() : managedVersions.get(c.groupId() + ":" + c.artifactId());
            if (version == null) {
                throw new DependencyException(c + ": no version given and no //DEPS ...@pom BOM manages it");
            }
            direct.add(new Dependency(artifact(c.withVersion(version)), "runtime"));
        }
        if (direct.isEmpty()) {
            return Resolution.EMPTY;
        }
        CollectRequest collect = new CollectRequest(direct, managed, repositories);
        List<ArtifactResult> results;
        try {
            results = system().resolveDependencies(session(), new DependencyRequest(collect, null)).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new DependencyException(firstLine(e));
        }
        List<ResolvedArtifact> artifacts = new ArrayList<>();
        for (ArtifactResult r : results) {
            artifacts.add(resolved(r.getArtifact()));
        }
        return new Resolution(List.copyOf(artifacts));
    }

    /**
     * The class paths of a project's dependencies, resolved as Maven resolves them: scopes
     * mediated through the graph, optional dependencies of dependencies left out, exclusions
     * and {@code dependencyManagement} applied to transitive dependencies too. A dependency on a
     * module of the reactor ({@code modules}: each one's pom by {@code groupId:artifactId:version})
     * is read from that module's pom, so what it depends on comes in as from a repository, and it
     * is listed among the modules rather than the jars.
     */
    public Classpaths resolveClasspaths(List<ProjectDependency> dependencies, List<ProjectDependency> managed,
            Map<String, Path> modules) throws DependencyException, IOException {
        return resolve(dependencies, managed, modules, false);
    }

    /**
     * The test class path, as surefire has it: every scope but import, test included; it is both
     * class paths of the result.
     */
    public Classpaths resolveTestClasspath(List<ProjectDependency> dependencies, List<ProjectDependency> managed,
            Map<String, Path> modules) throws DependencyException, IOException {
        return resolve(dependencies, managed, modules, true);
    }

    private Classpaths resolve(List<ProjectDependency> dependencies, List<ProjectDependency> managed,
            Map<String, Path> modules, boolean tests) throws DependencyException, IOException {
        CollectRequest collect = new CollectRequest();
        for (ProjectDependency d : dependencies) {
            if ((tests || !d.scope().equals("test")) && !d.scope().equals("import")) {
                collect.addDependency(dependency(d));
            }
        }
        for (ProjectDependency m : managed) {
            collect.addManagedDependency(dependency(m));
        }
        collect.setRepositories(repositories);
        if (collect.getDependencies().isEmpty()) {
            return Classpaths.EMPTY;
        }
        ReactorWorkspace workspace = new ReactorWorkspace(modules);
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession(session());
        session.setWorkspaceReader(workspace);
        List<ArtifactResult> results;
        try {
            results = system().resolveDependencies(session, new DependencyRequest(collect, tests
                    ? DependencyFilterUtils.classpathFilter(JavaScopes.TEST)
                    : DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME))).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new DependencyException(firstLine(e));
        }
        List<ResolvedArtifact> compile = new ArrayList<>();
        List<ResolvedArtifact> runtime = new ArrayList<>();
        List<String> compileModules = new ArrayList<>();
        List<String> runtimeModules = new ArrayList<>();
        for (ArtifactResult r : results) {
            String scope = r.getRequest().getDependencyNode().getDependency().getScope();
            boolean onCompile = tests || !scope.equals(JavaScopes.RUNTIME);
            boolean onRuntime = tests || scope.equals(JavaScopes.COMPILE) || scope.equals(JavaScopes.RUNTIME);
            if (workspace.holds(r)) {
                Artifact a = r.getArtifact();
                String module = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion();
                if (onCompile) {
                    compileModules.add(module);
                }
                if (onRuntime) {
                    runtimeModules.add(module);
                }
                continue;
            }
            ResolvedArtifact a = resolved(r.getArtifact());
            if (onCompile) {
                compile.add(a);
            }
            if (onRuntime) {
                runtime.add(a);
            }
        }
        return new Classpaths(new Resolution(List.copyOf(compile)), new Resolution(List.copyOf(runtime)),
                List.copyOf(compileModules), List.copyOf(runtimeModules));
    }

    private Dependency dependency(ProjectDependency d) {
        Coordinate c = d.coordinate();
        ArtifactType type = session().getArtifactTypeRegistry().get(c.type());
        if (type == null) {
            type = new DefaultArtifactType(c.type());
        }
        String classifier = c.classifier() != null ? c.classifier() : type.getClassifier();
        Map<String, String> properties = d.systemPath() == null ? Map.of()
                : Map.of(ArtifactProperties.LOCAL_PATH, d.systemPath().toString());
        Artifact artifact = new DefaultArtifact(c.groupId(), c.artifactId(), classifier, type.getExtension(), c.version(),
                properties, type);
        List<Exclusion> exclusions = new ArrayList<>();
        for (String ga : d.exclusions()) {
            int colon = ga.indexOf(':');
            exclusions.add(new Exclusion(ga.substring(0, colon), ga.substring(colon + 1), "*", "*"));
        }
        return new Dependency(artifact, d.scope(), d.optional(), exclusions);
    }

    private static ResolvedArtifact resolved(Artifact a) throws IOException {
        String coordinate = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()
                + (a.getClassifier().isEmpty() ? "" : ":" + a.getClassifier());
        String sha = a.isSnapshot() || a.getProperty(ArtifactProperties.LOCAL_PATH, null) != null
                ? Sha256.of(a.getFile().toPath()) : null;
        return new ResolvedArtifact(coordinate, a.getFile().toPath(), sha);
    }

    /**
     * The pom of {@code group:artifact:version}, in the local repository, from {@code first} (a
     * project's own repositories, behind the user's mirrors and proxies) or else the repositories.
     */
    public Path pom(String groupId, String artifactId, String version, List<Repository> first) throws DependencyException {
        List<RemoteRepository> asked = new ArrayList<>();
        for (Repository r : first) {
            asked.add(new RemoteRepository.Builder(r.id(), "default", r.url()).build());
        }
        asked = new ArrayList<>(system().newResolutionRepositories(session(), asked));
        for (RemoteRepository r : repositories) {
            if (asked.stream().noneMatch(a -> a.getId().equals(r.getId()))) {
                asked.add(r);
            }
        }
        try {
            return system().resolveArtifact(session(), new ArtifactRequest(
                    new DefaultArtifact(groupId, artifactId, "", "pom", version), asked, null)).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new DependencyException(firstLine(e));
        }
    }

    /** The newest release of {@code group:artifact}. */
    public String newestRelease(Coordinate ga) throws DependencyException {
        VersionRangeRequest request = new VersionRangeRequest(artifact(ga.withVersion("[0,)")), repositories, null);
        try {
            VersionRangeResult result = system().resolveVersionRange(session(), request);
            for (int i = result.getVersions().size() - 1; i >= 0; i--) {
                Version v = result.getVersions().get(i);
                if (!v.toString().endsWith("-SNAPSHOT")) {
                    return v.toString();
                }
            }
        } catch (VersionRangeResolutionException e) {
            throw new DependencyException(firstLine(e));
        }
        throw new DependencyException(ga.groupId() + ":" + ga.artifactId() + ": no release found in "
                + repositories.stream().map(RemoteRepository::getUrl).toList());
    }

    private List<Dependency> bom(Coordinate c) throws DependencyException {
        try {
            // The descriptor reader takes a missing pom for one without dependencies; a missing BOM is an error.
            system().resolveArtifact(session(), new ArtifactRequest(artifact(c), repositories, null));
        } catch (ArtifactResolutionException e) {
            throw new DependencyException(firstLine(e));
        }
        try {
            ArtifactDescriptorResult d = system().readArtifactDescriptor(session(),
                    new ArtifactDescriptorRequest(artifact(c), repositories, null));
            if (!d.getExceptions().isEmpty()) {
                throw new DependencyException(c + ": " + firstLine(d.getExceptions().get(0)));
            }
            return d.getManagedDependencies();
        } catch (ArtifactDescriptorException e) {
            throw new DependencyException(firstLine(e));
        }
    }

    private static Artifact artifact(Coordinate c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier() == null ? "" : c.classifier(),
                c.type().equals("pom") ? "pom" : "jar", c.version());
    }

    /**
     * The resolver's messages nest causes, and the innermost is not always the best: offline, it
     * is "Cannot access central (url) in offline mode", without the artifact, which only its
     * parent names. So the innermost cause is taken unless its parent's message says all it
     * says and more.
     */
    private static String firstLine(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause().getMessage() != null && !saysMore(t.getMessage(), t.getCause().getMessage())) {
            t = t.getCause();
        }
        String message = t.getMessage();
        String line = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }

    private static boolean saysMore(String message, String causeMessage) {
        return message != null && message.length() > causeMessage.length() && message.contains(causeMessage);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Passes the resolver's transfer events on as file name and byte counts. */
    private static final class Progress extends AbstractTransferListener {
        private final DownloadListener listener;

        Progress(DownloadListener listener) {
            this.listener = listener;
        }

        @Override
        public void transferProgressed(TransferEvent event) {
            TransferResource r = event.getResource();
            listener.progressed(fileName(r), event.getTransferredBytes(), r.getContentLength());
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            listener.finished(fileName(event.getResource()));
        }

        @Override
        public void transferFailed(TransferEvent event) {
            listener.finished(fileName(event.getResource()));
        }

        private static String fileName(TransferResource r) {
            return r.getResourceName().substring(r.getResourceName().lastIndexOf('/') + 1);
        }
    }
}
