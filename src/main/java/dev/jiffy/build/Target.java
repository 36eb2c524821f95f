package dev.jiffy.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
            throw new BuildException(arg + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
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
            Path name = path.getFileName();
            return new Target(path, path, false, sources, directories, name == null ? "main" : name.toString());
        }
        if (!Files.isRegularFile(path, LinkOption.values())) {
            throw new BuildException(arg + ": not a regular file or directory");
        }
        String file = path.getFileName().toString();
        if (!file.endsWith(".java")) {
            throw new BuildException(arg + ": not a .java file or a directory");
        }
        return new Target(path, path.getParent(), true, List.of(path), List.of(), file.substring(0, file.length() - ".java".length()));
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
