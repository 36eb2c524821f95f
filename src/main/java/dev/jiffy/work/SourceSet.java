package dev.jiffy.work;

import dev.jiffy.deps.Directives;
import dev.jiffy.deps.Words;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every input of a program: the target's sources, the files that {@code //SOURCES} brings in
 * (recursively: a sourced file's directives count too), the resources of {@code //FILES}, and
 * all directives, each with its content hash and the stamp it was hashed under; and the
 * directories that {@code //SOURCES} globs listed, with the stamps they were listed under.
 */
record SourceSet(List<Path> sources, Map<Path, SourceScanner.Scanned> scanned, Map<String, Path> resources,
        List<Directives.Directive> directives, Map<Path, String> globDirectories) {

    static SourceSet scan(Target target, SourceScanner scanner, Path cwd) throws IOException, BuildException {
        Map<Path, String> globDirectories = new LinkedHashMap<>();
        Map<Path, SourceScanner.Scanned> scanned = new LinkedHashMap<>();
        Map<String, Path> resources = new LinkedHashMap<>();
        List<Directives.Directive> directives = new ArrayList<>();
        Set<Path> queued = new LinkedHashSet<>(target.sources());
        List<Path> todo = new ArrayList<>(target.sources());
        for (int i = 0; i < todo.size(); i++) {
            Path source = todo.get(i);
            SourceScanner.Scanned s = scanner.scan(source, display(cwd, source));
            scanned.put(source, s);
            for (Directives.Directive d : s.directives().all()) {
                directives.add(d);
                // JBang takes a .java file named in //DEPS as a source.
                boolean sources = d.keyword().equals("SOURCES") || d.keyword().equals("DEPS");
                if (sources) {
                    for (Path p : expand(source, d, scanner, globDirectories)) {
                        if (queued.add(p)) {
                            todo.add(p);
                        }
                    }
                } else if (d.keyword().equals("FILES")) {
                    addFiles(source, d, resources, scanner, globDirectories);
                }
            }
        }
        return new SourceSet(List.copyOf(todo), scanned, resources, directives, globDirectories);
    }

    /**
     * The files a {@code //SOURCES} line names: paths or globs relative to the declaring file.
     * Every directory a glob lists is stamped first, into {@code globDirectories}.
     */
    private static List<Path> expand(Path declaring, Directives.Directive d, SourceScanner scanner,
            Map<Path, String> globDirectories) throws IOException, BuildException {
        Path base = declaring.getParent();
        List<Path> found = new ArrayList<>();
        for (String pattern : names(d)) {
            if (pattern.isEmpty() || (d.keyword().equals("DEPS") && !pattern.endsWith(".java"))) {
                continue;
            }
            if (!isGlob(pattern)) {
                Path p = base.resolve(pattern).normalize();
                if (!Files.isRegularFile(p)) {
                    throw new BuildException(where(d) + "//" + d.keyword() + " " + pattern + ": no such file");
                }
                found.add(p);
                continue;
            }
            found.addAll(glob(base, pattern, d, scanner, globDirectories).values());
        }
        return found;
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '{' || c == '[');
    }

    /**
     * The regular files a glob matches below {@code base}, sorted, each by its path below the
     * glob's fixed part ({@code res/} of {@code res/**.txt}); at least one. Every directory the
     * glob lists is stamped first, into {@code globDirectories}, so a file added later is seen.
     */
    private static Map<String, Path> glob(Path base, String pattern, Directives.Directive d, SourceScanner scanner,
            Map<Path, String> globDirectories) throws IOException, BuildException {
        int firstGlob = firstGlobSegment(pattern);
        Path root = base.resolve(pattern.substring(0, firstGlob)).normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(firstGlob));
        Map<String, Path> matched = new java.util.TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    if (!globDirectories.containsKey(dir)) {
                        globDirectories.put(dir, scanner.stampDirectory(dir));
                    }
                }
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> matcher.matches(root.relativize(p)))
                        .forEach(p -> matched.put(root.relativize(p).toString().replace('\\', '/'), p));
            }
        }
        if (matched.isEmpty()) {
            throw new BuildException(where(d) + "//" + d.keyword() + " " + pattern + ": matches no file");
        }
        return matched;
    }

    /** Where the first path segment holding a glob character starts. */
    private static int firstGlobSegment(String pattern) {
        int glob = 0;
        while (glob < pattern.length() && "*?{[".indexOf(pattern.charAt(glob)) < 0) {
            glob++;
        }
        return pattern.lastIndexOf('/', glob) + 1;
    }

    /**
     * {@code //FILES [target=]source ...}: resources put into the executable at {@code target}. A
     * source may be a glob: each file it matches goes in by its file name, as JBang puts it
     * ({@code //FILES res/*.txt} puts {@code res/a.txt} at {@code a.txt}), or for
     * {@code mount=glob} below {@code mount} at its path below the glob's fixed part.
     */
    private static void addFiles(Path declaring, Directives.Directive d, Map<String, Path> resources, SourceScanner scanner,
            Map<Path, String> globDirectories) throws IOException, BuildException {
        for (String spec : names(d)) {
            if (spec.isEmpty()) {
                continue;
            }
            int eq = spec.indexOf('=');
            String name = eq < 0 ? spec : spec.substring(0, eq);
            String source = eq < 0 ? spec : spec.substring(eq + 1);
            if (isGlob(source)) {
                String mount = eq < 0 ? "" : name.endsWith("/") || name.isEmpty() ? name : name + "/";
                for (Map.Entry<String, Path> m : glob(declaring.getParent(), source, d, scanner, globDirectories).entrySet()) {
                    // As JBang has it: without a mount a match goes in by its file name, with one below it by its path.
                    String at = eq < 0 ? m.getValue().getFileName().toString() : mount + m.getKey();
                    resources.put(entry(d, spec, at), m.getValue());
                }
                continue;
            }
            Path file = declaring.getParent().resolve(source).normalize();
            if (!Files.isRegularFile(file)) {
                throw new BuildException(where(d) + "//FILES " + spec + ": no such file");
            }
            resources.put(entry(d, spec, name), file);
        }
    }

    /** A resource's name in the executable: a relative file path, leading {@code /} and {@code ./} dropped. */
    private static String entry(Directives.Directive d, String spec, String name) throws BuildException {
        String entry = name.replace('\\', '/');
        while (entry.startsWith("/") || entry.startsWith("./")) {
            entry = entry.substring(entry.startsWith("/") ? 1 : 2);
        }
        if (entry.isEmpty() || entry.contains("../") || entry.endsWith("/")) {
            throw new BuildException(where(d) + "//FILES " + spec + ": the name in the executable must be a relative file path");
        }
        return entry;
    }

    /** The entries of a //SOURCES or //FILES line: as in JBang, commas and semicolons separate too. */
    private static List<String> names(Directives.Directive d) throws BuildException {
        try {
            return Words.splitList(d.value());
        } catch (IllegalArgumentException e) {
            throw new BuildException(where(d) + "//" + d.keyword() + ": " + e.getMessage());
        }
    }

    private static String where(Directives.Directive d) {
        return d.file() + ":" + d.line() + ": ";
    }

    static String display(Path cwd, Path p) {
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
