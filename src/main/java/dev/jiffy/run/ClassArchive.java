package dev.jiffy.run;

import dev.jiffy.cache.Sha256;
import dev.jiffy.work.BuildReporter;
import dev.jiffy.work.Jdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A class-data archive of a program: the JDK's default class list plus every class of the
 * executable, dumped once per executable and JDK ({@code java -Xshare:dump}) beside the
 * executable, so that later runs map those classes instead of loading and verifying them.
 * The dump only loads classes, it never runs the program's code, so it can run in the
 * background, detached, after a build. The JVM checks an archive before using it and runs
 * without one that does not fit (another JDK, a changed jar, garbage).
 */
public final class ClassArchive {
    /** A dump that has not finished in this time is taken to have died. */
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(10);

    private ClassArchive() {}

    /** The archive for {@code executable} on the JDK at {@code javaHome} ({@code vmVersion} tells builds apart). */
    public static Path location(Path executable, Path javaHome, String vmVersion) {
        String key = Sha256.of((javaHome + "\n" + vmVersion).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return executable.resolveSibling(dev.jiffy.cache.CacheStats.ARCHIVE_PREFIX + key + ".jsa");
    }

    /**
     * The program's archive, whose dump starts in the background the first time; a dump that
     * cannot start only costs start-up time, so it is said under -x and the run goes on.
     */
    public static Path prepare(Jdk jdk, Path executable, BuildReporter reporter) {
        Path archive = location(executable, jdk.home(), jdk.vmVersion());
        try {
            startDump(jdk.home(), executable, archive);
        } catch (IOException e) {
            reporter.step("no class-data archive: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return archive;
    }

    /** Removes the archives made from an executable, as when its bytes turned out damaged. */
    static void removeAll(Path executable) throws IOException {
        try (var files = Files.list(executable.getParent())) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith(dev.jiffy.cache.CacheStats.ARCHIVE_PREFIX)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Starts a detached dump of the archive unless it exists or another dump is under way.
     * The dump writes a temporary file and renames it into place, so a reader sees all or nothing.
     */
    static void startDump(Path javaHome, Path executable, Path archive) throws IOException {
        if (Files.exists(archive)) {
            return;
        }
        Path marker = archive.resolveSibling(archive.getFileName() + ".dumping");
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException e) {
            if (Files.getLastModifiedTime(marker).toInstant().isAfter(Instant.now().minus(DUMP_TIMEOUT))) {
                return;
            }
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
        }
        Path list = archive.resolveSibling(archive.getFileName() + ".classlist");
        Files.write(list, classList(javaHome, executable));
        Path temp = archive.resolveSibling(".tmp-" + Long.toHexString(System.nanoTime()) + ".jsa");
        String script = "\"$1\" -Xshare:dump -XX:SharedClassListFile=\"$2\" -XX:SharedArchiveFile=\"$3\" -cp \"$4\""
                + " >/dev/null 2>&1 && mv -f \"$3\" \"$5\"; rm -f \"$2\" \"$3\" \"$6\"";
        new ProcessBuilder("sh", "-c", script, "sh", javaHome.resolve("bin/java").toString(), list.toString(),
                temp.toString(), executable.toString(), archive.toString(), marker.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The JDK's own class list (what its default archive holds) and every class in the executable. */
    private static List<String> classList(Path javaHome, Path executable) throws IOException {
        List<String> lines = new ArrayList<>();
        Path jdkList = javaHome.resolve("lib/classlist");
        if (Files.isRegularFile(jdkList)) {
            for (String line : Files.readAllLines(jdkList, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.startsWith("@")) {
                    lines.add(line);
                }
            }
        }
        try (JarFile jar = new JarFile(executable.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    lines.add(name.substring(0, name.length() - ".class".length()));
                }
            }
        }
        return lines;
    }
}
