package dev.jiffy.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A directory of a test's own with jiffy set up in it: {@code work/}, the directory jiffy runs in,
 * and {@code cache/}, its JIFFY_CACHE, which jiffy makes when it first needs it. Registered on a
 * field, a sandbox is one test's; on a static field, the class's tests share it. It is removed
 * when they are done.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Sandbox sandbox = new Sandbox();
 * final Path work = sandbox.work();
 * final Jiffy jiffy = sandbox.jiffy();
 * }</pre>
 *
 * <p>The directory is made with the sandbox, so that the test's fields can start from it.
 */
public final class Sandbox implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Sandbox.class);

    private final Path dir;
    private final Path work;
    private boolean shared;

    public Sandbox() {
        try {
            // The real path: the launcher and jiffy see $PWD and the cache through no symbolic link.
            dir = Files.createTempDirectory("jiffy-test-").toRealPath();
            work = Files.createDirectory(dir.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sandbox itself, which holds work/ and cache/ and whatever a test puts beside them. */
    public Path dir() {
        return dir;
    }

    public Path work() {
        return work;
    }

    public Path cache() {
        return dir.resolve("cache");
    }

    /** bin/jiffy started in work/ with cache/ as its cache, and none of the test JVM's JIFFY_* settings. */
    public Jiffy jiffy() {
        return Jiffy.create(cache(), work);
    }

    /**
     * jiffy as on another machine, for a remote cache that one machine fills and another reads:
     * {@code <name>/work} (made here) and {@code <name>/cache} in the sandbox.
     */
    public Jiffy machine(String name) {
        Path home = dir.resolve(name);
        try {
            Files.createDirectories(home.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jiffy().withCache(home.resolve("cache")).in(home.resolve("work"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = true;
        removeWhenDone(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!shared) {
            removeWhenDone(context);
        }
    }

    /** JUnit closes what a context's store holds when the context ends: after the test, or the class. */
    private void removeWhenDone(ExtensionContext context) {
        context.getStore(NAMESPACE).put(this, (AutoCloseable) () -> deleteTree(dir));
    }

    /**
     * Deletes {@code dir} and all below it, symbolic links as links; what vanishes meanwhile is
     * gone already. A program's start-up archive is placed by a background job that may still
     * be writing into its executable's directory after the test; the tree is then deleted again
     * once that file is there, for up to a minute.
     */
    private static void deleteTree(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteOnce(dir);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                if (attempt == 240) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void deleteOnce(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
