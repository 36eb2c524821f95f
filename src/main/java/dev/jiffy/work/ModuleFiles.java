package dev.jiffy.work;

import dev.jiffy.cache.Sha256;
import dev.jiffy.project.MavenBuild;
import dev.jiffy.project.Reactor;
import dev.jiffy.project.ResourceFilter;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one Maven module that a build reads: every {@code .java} file below its source
 * directory, and its resources as the resources plugin copies them. Each is recorded as an input
 * with its stamp, and so is every directory listed, whose mtime moves when a file is added.
 *
 * @param target         the sources as a directory target, or null for a module without any
 * @param sourceHashes   each source's path below the source directory and its SHA-256
 * @param resources      each resource by its name in the program
 * @param resourceHashes each resource's name and the SHA-256 of its content, filtered or not
 * @param environment    the variables filtered resources read, with their values
 */
record ModuleFiles(Target target, Map<String, String> sourceHashes, Map<String, Resource> resources,
        Map<String, String> resourceHashes, Map<String, String> environment) {

    /** A module may have no sources: it holds only resources, or runs a main class of its dependencies. */
    static ModuleFiles read(Reactor.Module module, ResourceFilter.Values values, Path cwd, SourceScanner scanner,
            Map<Path, String> inputs) throws BuildException, IOException {
        return read(module, module.build().sourceDirectory(), module.build().resources(), true, values, cwd, scanner, inputs);
    }

    /** The module's test sources and test resources. */
    static ModuleFiles readTests(Reactor.Module module, ResourceFilter.Values values, Path cwd, SourceScanner scanner,
            Map<Path, String> inputs) throws BuildException, IOException {
        MavenBuild.Tests tests = module.build().tests();
        return read(module, tests.sourceDirectory(), tests.resources(), false, values, cwd, scanner, inputs);
    }

    private static ModuleFiles read(Reactor.Module module, Path dir, List<MavenBuild.ResourceDirectory> resourceDirs,
            boolean main, ResourceFilter.Values values, Path cwd, SourceScanner scanner, Map<Path, String> inputs)
            throws BuildException, IOException {
        Target target = sources(dir, module.build().artifactId(), cwd, scanner, inputs);
        Map<String, String> sourceHashes = new LinkedHashMap<>();
        if (target != null) {
            for (Path source : target.sources()) {
                SourceScanner.Scanned s = scanner.scan(source, SourceSet.display(cwd, source));
                sourceHashes.put(target.relative(source), s.sha256());
                inputs.put(source, s.stamp());
            }
        }
        ModuleFiles files = new ModuleFiles(target, sourceHashes, new LinkedHashMap<>(), new LinkedHashMap<>(),
                new TreeMap<>());
        if (main) {
            files.describe(module);
        }
        ResourceFilter filter = null;
        for (MavenBuild.ResourceDirectory r : resourceDirs) {
            if (r.filtering() && filter == null) {
                filter = new ResourceFilter(module.effective().model(), values);
            }
            files.add(r, r.filtering() ? filter : null, values.env(), scanner, inputs);
        }
        return files;
    }

    private static Target sources(Path dir, String artifactId, Path cwd, SourceScanner scanner, Map<Path, String> inputs)
            throws BuildException, IOException {
        if (!Files.isDirectory(dir)) {
            // Pinned by the nearest directory there is, whose mtime moves when the source directory is made.
            Path existing = dir.getParent();
            while (existing != null && !Files.isDirectory(existing)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                inputs.put(existing, scanner.stampDirectory(existing));
            }
            return null;
        }
        boolean any;
        try (Stream<Path> walk = Files.walk(dir)) {
            any = walk.anyMatch(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p));
        }
        if (!any) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path d : walk.filter(Files::isDirectory).sorted().toList()) {
                    inputs.put(d, scanner.stampDirectory(d));
                }
            }
            return null;
        }
        Target found = Target.resolve(cwd, dir.toString());
        for (Path d : found.directories()) {
            inputs.put(d, scanner.stampDirectory(d));
        }
        // The program runs on the class path from one jar, which holds no module descriptor.
        List<Path> sources = found.sources().stream()
                .filter(p -> !p.getFileName().toString().equals("module-info.java")).toList();
        return new Target(dir, dir, false, sources, found.directories(), Target.programName(artifactId));
    }

    /**
     * What maven-archiver puts in every jar, and programs read their own version from:
     * {@code META-INF/maven/<group>/<artifact>/pom.properties} and the pom.
     */
    private void describe(Reactor.Module module) throws IOException {
        org.apache.maven.model.Model m = module.effective().model();
        String dir = "META-INF/maven/" + m.getGroupId() + "/" + m.getArtifactId() + "/";
        byte[] properties = ("artifactId=" + m.getArtifactId() + "\ngroupId=" + m.getGroupId() + "\nversion=" + m.getVersion()
                + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        resources.put(dir + "pom.properties", new Resource(module.pom(), properties));
        resourceHashes.put(dir + "pom.properties", Sha256.of(properties));
        resources.put(dir + "pom.xml", Resource.of(module.pom()));
        resourceHashes.put(dir + "pom.xml", Sha256.of(module.pom()));
    }

    /** One resource directory, as the resources plugin copies it, filtered through {@code filter} unless null. */
    private void add(MavenBuild.ResourceDirectory r, ResourceFilter filter, Map<String, String> env,
            SourceScanner scanner, Map<Path, String> inputs) throws IOException {
        if (!Files.isDirectory(r.directory())) {
            return;
        }
        List<PathMatcher> includes = r.includes().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<PathMatcher> excludes = r.excludes().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        String prefix = r.targetPath() == null || r.targetPath().isEmpty() ? "" : r.targetPath().replace('\\', '/') + "/";
        List<Path> all;
        try (Stream<Path> walk = Files.walk(r.directory())) {
            all = walk.sorted().toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                inputs.put(p, scanner.stampDirectory(p));
                continue;
            }
            Path relative = r.directory().relativize(p);
            if ((includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(relative)))
                    && excludes.stream().noneMatch(m -> m.matches(relative))) {
                SourceScanner.Scanned s = scanner.scan(p, p.toString());
                inputs.put(p, s.stamp());
                String entry = prefix + relative.toString().replace('\\', '/');
                if (filter != null && ResourceFilter.filters(p)) {
                    byte[] original = Files.readAllBytes(p);
                    byte[] content = filter.filter(p);
                    ResourceFilter.environmentRead(original).forEach(n -> environment.put(n, env.getOrDefault(n, "")));
                    resources.put(entry, new Resource(p, content));
                    resourceHashes.put(entry, Sha256.of(content));
                } else {
                    resources.put(entry, Resource.of(p));
                    resourceHashes.put(entry, s.sha256());
                }
            }
        }
    }
}
