package dev.jiffy.work;

import dev.jiffy.project.MavenBuild;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one Maven module that a build reads: every {@code .java} file below its source
 * directory, and its resources as the resources plugin copies them. Each is recorded as an input
 * with its stamp, and so is every directory listed, whose mtime moves when a file is added.
 *
 * @param target         the sources as a directory target, or null for a module without any
 * @param sourceHashes   each source's path below the source directory and its SHA-256
 * @param resources      each resource's name in the program and its file
 * @param resourceHashes each resource's name and its SHA-256
 */
record ModuleFiles(Target target, Map<String, String> sourceHashes, Map<String, Path> resources,
        Map<String, String> resourceHashes) {

    /**
     * @param required whether the module must have sources: the program's own module must, a
     *                 module it depends on may hold only resources, or nothing at all
     */
    static ModuleFiles read(MavenBuild build, String where, boolean required, Path cwd, SourceScanner scanner,
            Map<Path, String> inputs) throws BuildException, IOException {
        Target target = sources(build, where, required, cwd, scanner, inputs);
        Map<String, String> sourceHashes = new LinkedHashMap<>();
        if (target != null) {
            for (Path source : target.sources()) {
                SourceScanner.Scanned s = scanner.scan(source, SourceSet.display(cwd, source));
                sourceHashes.put(target.relative(source), s.sha256());
                inputs.put(source, s.stamp());
            }
        }
        Map<String, Path> resources = new LinkedHashMap<>();
        Map<String, String> resourceHashes = new LinkedHashMap<>();
        for (MavenBuild.ResourceDirectory r : build.resources()) {
            resources(r, where, cwd, scanner, inputs, resources, resourceHashes);
        }
        return new ModuleFiles(target, sourceHashes, resources, resourceHashes);
    }

    private static Target sources(MavenBuild build, String where, boolean required, Path cwd, SourceScanner scanner,
            Map<Path, String> inputs) throws BuildException, IOException {
        Path dir = build.sourceDirectory();
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new BuildException(where + ": no source directory " + SourceSet.display(cwd, dir));
            }
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
        if (!any && !required) {
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
        return new Target(dir, dir, false, found.sources(), found.directories(), Target.programName(build.artifactId()));
    }

    /** One resource directory, as the resources plugin copies it; filtering is not done yet. */
    private static void resources(MavenBuild.ResourceDirectory r, String where, Path cwd, SourceScanner scanner,
            Map<Path, String> inputs, Map<String, Path> resources, Map<String, String> hashes)
            throws BuildException, IOException {
        if (!Files.isDirectory(r.directory())) {
            return;
        }
        if (r.filtering()) {
            throw new BuildException(where + ": resource filtering (" + SourceSet.display(cwd, r.directory())
                    + ") is not supported yet");
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
                String entry = prefix + relative.toString().replace('\\', '/');
                resources.put(entry, p);
                hashes.put(entry, s.sha256());
                inputs.put(p, s.stamp());
            }
        }
    }
}
