package dev.jiffy.cli;

import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.cache.Sha256;
import dev.jiffy.cache.Trim;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code jiffy run - args}: a script read from standard input, kept under its content's hash
 * ({@code <cache>/run/@stdin/<sha256>/stdin.java}), so the same script is built once and a
 * changed one is a new file. Standard input is read to its end, as JBang reads it; the program
 * then finds it at end of file.
 */
final class StdinScript {
    private StdinScript() {}

    /** @param cacheRoot the cache, or null: then the file goes in the temporary directory */
    static Path save(InputStream in, Path cacheRoot) throws IOException {
        byte[] source = in.readAllBytes();
        String sha = Sha256.of(source);
        Path dir = cacheRoot != null ? cacheRoot.resolve(Trim.DERIVED).resolve("@stdin").resolve(sha)
                : Path.of(System.getProperty("java.io.tmpdir"), "jiffy-stdin-" + sha);
        Path file = dir.resolve("stdin.java");
        if (!Files.isRegularFile(file) || Files.size(file) != source.length) {
            Files.createDirectories(dir);
            AtomicFiles.write(file, source);
        }
        return file;
    }
}
