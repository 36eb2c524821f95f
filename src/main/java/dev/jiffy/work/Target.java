package dev.jiffy.work;

import dev.jiffy.project.BuildFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What to build: one {@code .java} file, or every {@code .java} file below a directory.
 * Sources are kept sorted by their path relative to {@code root}, so action IDs do not depend
 * on the order a directory lists its files in.
 */
public record Target(Path path, Path root, boolean singleFile, List<Path> sources, List<Path> directories,
        String programName) {

    /** Resolves the command-line argument {@code arg} against {@code cwd}. */
    public static Target resolve(Path cwd, String arg) throws BuildException, IOException {
        Path path = cwd.resolve(arg).normalize();
        if (!Files.exists(path)) {
            if (Files.isSymbolicLink(path)) {
                throw new BuildException(arg + ": a symbolic link to " + Files.readSymbolicLink(path) + ", which is not there");
            }
            throw new BuildException(arg + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            BuildFile build = BuildFile.nearest(path);
            if (build != null && build.kind() == BuildFile.Kind.GRADLE) {
                // Compiled as a plain directory, its source sets would mix and its dependencies be missing.
                throw new BuildException(arg + ": a Gradle build (" + SourceSet.display(cwd, build.file())
                        + "); jiffy reads Maven projects, not Gradle builds: run one of its .java files instead");
            }
            List<Path> all;
            try (Stream<Path> walk = Files.walk(path)) {
                all = walk.sorted().toList();
            }
            List<Path> sources = all.stream()
                    .filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p)).toList();
            List<Path> directories = all.stream().filter(Files::isDirectory).toList();
            if (sources.isEmpty()) {
                throw new BuildException(arg + ": no .java files in directory");
            }
            for (Path source : sources) {
                checkName(path.relativize(source).toString());
            }
            Path name = path.getFileName();
            return new Target(path, path, false, sources, directories, programName(name == null ? "main" : name.toString()));
        }
        // A symbolic link is followed, as java follows one; the link is what is read and stamped,
        // so pointing it at another file is a change.
        if (!Files.isRegularFile(path)) {
            throw new BuildException(arg + ": not a regular file or directory");
        }
        String file = path.getFileName().toString();
        if (!file.endsWith(".java") && !isScript(path)) {
            throw new BuildException(arg + ": not a .java file, a script or a directory");
        }
        checkName(arg);
        return new Target(path, path.getParent(), true, List.of(path), List.of(),
                programName(file.endsWith(".java") ? file.substring(0, file.length() - ".java".length()) : file));
    }

    /**
     * A file without the {@code .java} extension that is a script all the same: one named without
     * any extension, or whose first line is {@code #!...} (as {@code java} runs one in source-file
     * mode) or a comment (JBang's {@code ///usr/bin/env jbang}).
     */
    private static boolean isScript(Path file) throws IOException {
        if (!file.getFileName().toString().contains(".")) {
            return true;
        }
        byte[] start = new byte[3];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(start, 0, 3);
            return n >= 2 && ((start[0] == '#' && start[1] == '!') || (start[0] == '/' && start[1] == '/'));
        }
    }

    /** Action IDs and build info are made of lines: a source whose name breaks a line cannot be named in them. */
    private static void checkName(String source) throws BuildException {
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) {
            throw new BuildException(source.replace("\n", "\\n").replace("\r", "\\r")
                    + ": a file name with a line break cannot be built; rename it");
        }
    }

    /**
     * The executable's name: the file's or directory's, made one safe path element for the cache
     * (DESIGN section 2 refuses {@code ..}, backslashes and a leading dot), so that any file
     * javac accepts can be run.
     */
    static String programName(String name) {
        String safe = name.replace('\\', '_').replace("..", "_");
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        return safe.isEmpty() ? "main" : safe;
    }

    /** A source's path relative to the target's root, with {@code /} separators. */
    public String relative(Path source) {
        return root.relativize(source).toString().replace('\\', '/');
    }

    /**
     * What a run file re-checks: every source and, for a directory target, every directory
     * below it, whose mtime moves when a file is added or removed.
     */
    public List<Path> inputs() {
        List<Path> inputs = new java.util.ArrayList<>(sources);
        inputs.addAll(directories);
        return inputs;
    }
}
