package dev.jiffy.work;

import dev.jiffy.cache.Sha256;
import dev.jiffy.deps.Directives;
import dev.jiffy.deps.Resolution;
import dev.jiffy.deps.ResolvedArtifact;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JBang's {@code --cp}/{@code --class-path}: the user's own jars and class directories, on the
 * compile class path after the resolved jars and merged into the executable as they are. Each is
 * keyed by its content (a directory by every file's path and hash), never by its path, and every
 * file and directory read is an input, so an edit or an added class is seen. Entries are separated
 * by the path separator, as in {@code java -cp}; {@code dir/*} is every jar in {@code dir}.
 */
final class LocalClassPath {
    private LocalClassPath() {}

    /**
     * @param flags  the {@code --cp} flags, each a directive of line 0 naming the flag
     * @param inputs where each file's and directory's stamp is put
     */
    static Resolution of(List<Directives.Directive> flags, Path cwd, SourceScanner scanner, Map<Path, String> inputs)
            throws IOException, BuildException {
        List<ResolvedArtifact> entries = new ArrayList<>();
        for (Directives.Directive flag : flags) {
            for (String entry : flag.value().split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                if (entry.equals("*") || entry.endsWith(File.separator + "*")) {
                    Path dir = cwd.resolve(entry.substring(0, entry.length() - 1)).normalize();
                    if (!Files.isDirectory(dir)) {
                        throw new BuildException(flag.file() + " " + entry + ": no such directory");
                    }
                    inputs.put(dir, scanner.stampDirectory(dir));
                    try (Stream<Path> list = Files.list(dir)) {
                        for (Path jar : list.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".jar")).sorted().toList()) {
                            entries.add(file(jar, cwd, scanner, inputs));
                        }
                    }
                    continue;
                }
                Path path = cwd.resolve(entry).normalize();
                if (Files.isDirectory(path)) {
                    entries.add(directory(path, cwd, scanner, inputs));
                } else if (Files.isRegularFile(path)) {
                    entries.add(file(path, cwd, scanner, inputs));
                } else {
                    throw new BuildException(flag.file() + " " + entry + ": no such file or directory");
                }
            }
        }
        return new Resolution(List.copyOf(entries));
    }

    private static ResolvedArtifact file(Path jar, Path cwd, SourceScanner scanner, Map<Path, String> inputs) throws IOException {
        SourceScanner.Scanned s = scanner.scan(jar, SourceSet.display(cwd, jar));
        inputs.put(jar, s.stamp());
        return new ResolvedArtifact("classpath:" + jar.getFileName(), jar, s.sha256());
    }

    /** A class directory: the hash of each file's path below it and content, in path order. */
    private static ResolvedArtifact directory(Path dir, Path cwd, SourceScanner scanner, Map<Path, String> inputs)
            throws IOException {
        StringBuilder listing = new StringBuilder();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted().toList();
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                inputs.put(p, scanner.stampDirectory(p));
            } else if (Files.isRegularFile(p)) {
                SourceScanner.Scanned s = scanner.scan(p, SourceSet.display(cwd, p));
                inputs.put(p, s.stamp());
                listing.append(dir.relativize(p).toString().replace('\\', '/')).append(' ').append(s.sha256()).append('\n');
            }
        }
        return new ResolvedArtifact("classpath:" + dir.getFileName() + "/", dir,
                Sha256.of(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
