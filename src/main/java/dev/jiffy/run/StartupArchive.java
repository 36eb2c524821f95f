package dev.jiffy.run;

import dev.jiffy.cache.CacheStats;
import dev.jiffy.cache.Sha256;
import dev.jiffy.cache.Trim;
import dev.jiffy.work.Jdk;
import dev.jiffy.work.ShellQuote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A program's start-up archive beside its executable, made by a run the user asked for, never by
 * running the program's code an extra time. On JDK 17 to 24 it is a dynamic class-data archive
 * ({@code -XX:ArchiveClassesAtExit}): only what the JDK's own default archive lacks, about a
 * hundred KB for Hello. On JDK 25 and later it is the AOT cache (JEP 483, 514, 515): classes
 * loaded and linked ahead of time, with method profiles, recorded by the run
 * ({@code -XX:AOTMode=record}) and assembled after it.
 *
 * <p>The run that records it is the program's second or a later one, exec'd as every run is (its
 * pid, signals and status are the program's). It leaves a claim {@code ID.PID.run} and, at its
 * exit, what the JVM wrote, in the training directory beside the cache ({@code <cache>.train}),
 * which no clean or trim removes under a running JVM: JDK 17 ends a run with status 1 when the
 * directory it must write into has gone. A later run that finds the claim of a process that is
 * gone has the JVM check what it left ({@code -Xshare:on}, {@code -XX:AOTMode=on}; JDK 25
 * assembles the cache first) in the background, and renames it into place as
 * {@code .cds-KEY.SIZE.jsa} (or {@code .aot}); if it left nothing usable, {@code .cds-KEY.none}
 * says not to try again. The size in the name is checked before every use (the run file's one
 * {@code stat} covers it), because JDK 17 crashes on a dynamic archive cut short; a damaged one is
 * removed and made again.
 *
 * <p>The key is the JDK's home and build and the program's JVM options, and for the AOT cache
 * also the CPU, whose code it holds.
 * Archives stay in the local cache: the remote tier stores only action outputs.
 */
public final class StartupArchive {
    /** Free space (KiB) a recording run needs: JDK 17 ends with status 1 when it cannot write the archive. */
    static final long ROOM_KIB = 64 * 1024;
    /** Options of the program's own that decide archives or agents; jiffy then adds none. */
    private static final List<String> OWN_OPTIONS = List.of("-Xshare", "SharedArchiveFile", "ArchiveClassesAtExit",
            "SharedClassListFile", "DumpLoadedClassList", "AutoCreateSharedArchive", "AOTCache", "AOTMode",
            "AOTConfiguration", "-javaagent", "-agentlib", "-agentpath");
    /** The first bytes of a CDS archive or AOT cache (HotSpot's magic, little-endian): 0xf00baba2 or 0xf00baba8. */
    private static final int MAGIC_STATIC = 0xf00baba2;
    private static final int MAGIC_DYNAMIC = 0xf00baba8;

    private final Path java;
    private final Path executable;
    private final List<String> jvmOptions;
    private final String key;
    private final boolean aot;
    private final Path trainDir;

    private StartupArchive(Path java, Path executable, List<String> jvmOptions, String key, boolean aot, Path trainDir) {
        this.java = java;
        this.executable = executable;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.key = key;
        this.aot = aot;
        this.trainDir = trainDir;
    }

    /**
     * The archive of {@code executable} on {@code jdk}; null when jiffy adds none: a program started
     * with {@code -jar} (its manifest may name an agent) or one whose options choose archives or
     * agents themselves.
     *
     * @param trainDir where runs record archives (see {@link #trainingDirectory})
     */
    public static StartupArchive of(Jdk jdk, Path executable, List<String> jvmOptions, boolean asJar, Path trainDir) {
        if (asJar || jvmOptions.stream().anyMatch(o -> OWN_OPTIONS.stream().anyMatch(o::contains))) {
            return null;
        }
        boolean aot = jdk.feature() >= 25;
        // The program's options too: an archive made under others (--enable-preview, a module
        // option) is one the JVM would reject in silence at every start.
        String id = jdk.home() + "\n" + jdk.vmVersion() + "\n" + String.join("\0", jvmOptions) + (aot ? "\n" + cpu() : "");
        return new StartupArchive(jdk.javaBinary(), executable, jvmOptions,
                Sha256.of(id.getBytes(StandardCharsets.UTF_8)).substring(0, 16), aot, trainDir);
    }

    /** Where runs record archives for the cache at {@code cacheRoot}: beside it, so that a clean leaves it. */
    public static Path trainingDirectory(Path cacheRoot) {
        return Path.of(cacheRoot + Trim.TRAINING_SUFFIX);
    }

    /** Whether this is JDK 25's AOT cache rather than a dynamic class-data archive. */
    boolean isAotCache() {
        return aot;
    }

    private String prefix() {
        return CacheStats.ARCHIVE_PREFIX + key + ".";
    }

    private String extension() {
        return aot ? ".aot" : ".jsa";
    }

    private Path dir() {
        return executable.getParent();
    }

    /** The file a run that made no archive leaves, so that later runs do not try again. */
    Path noneMarker() {
        return dir().resolve(prefix() + "none");
    }

    /** sh words that match the archives of this key: {@code '<dir>/.cds-KEY.'*'.jsa'}. */
    String shellGlob() {
        return ShellQuote.quote(dir() + "/" + prefix()) + "*" + ShellQuote.quote(extension());
    }

    /**
     * The archive to start with now, or null; archives of this key whose size is not the one in
     * their name, or whose first bytes are not an archive's, are removed, to be made again.
     */
    Path current() throws IOException {
        Path found = null;
        try (var files = Files.newDirectoryStream(dir(), prefix() + "*" + extension())) {
            for (Path f : files) {
                if (found == null && intact(f)) {
                    found = f;
                } else {
                    Files.deleteIfExists(f);
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return found;
    }

    private boolean intact(Path f) throws IOException {
        String name = f.getFileName().toString();
        String size = name.substring(prefix().length(), name.length() - extension().length());
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(f)) {
            if (!size.matches("[0-9]{1,18}") || Files.size(f) != Long.parseLong(size) || in.readNBytes(head, 0, 4) != 4) {
                return false;
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        int magic = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
        return magic == MAGIC_STATIC || magic == MAGIC_DYNAMIC;
    }

    /** Whether a run may record the archive: no earlier run found it cannot be made, and the training directory is there. */
    boolean mayTrain() {
        return trainDir != null && !Files.exists(noneMarker());
    }

    /** The sh words that start the program with the archive, whose path is the sh word {@code pathWord}. */
    List<String> useWords(String pathWord) {
        return aot ? List.of(q("-XX:AOTCache=") + pathWord, q("-Xlog:aot*=off"), q("-Xlog:cds*=off"))
                : List.of(q("-XX:SharedArchiveFile=") + pathWord, q("-Xlog:cds*=off"));
    }

    /** The name of this executable's and key's files in the training directory (no dots: the pid follows the first). */
    private String trainId() {
        return Sha256.of(executable.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-" + key;
    }

    private String trainBase() {
        return trainDir + "/" + trainId() + ".";
    }

    /**
     * sh lines for the claims of runs that recorded an archive: one of a live process means a
     * run is recording; one of a process that is gone starts the background job that checks and
     * places what it left. Either way this run starts without an archive ({@code command} with
     * no flags is the plain command line).
     */
    String claimLines(java.util.function.Function<List<String>, String> command) {
        return "set +f; jiffy_c=\n"
                + "for jiffy_f in " + q(trainBase()) + "*.run; do\n"
                + "  [ -f \"$jiffy_f\" ] || continue\n"
                + "  jiffy_c=1 jiffy_b=${jiffy_f%.run}\n"
                + "  kill -0 \"${jiffy_b##*.}\" 2>/dev/null && continue\n"
                + "  { mv -f \"$jiffy_f\" \"$jiffy_b.placing\" && { set +f; cd " + q(trainDir.toString())
                + " && [ -O . ] && " + placeLines()
                + "; }; } </dev/null >/dev/null 2>&1 3>&- 4>&- 5>&- &\n"
                + "done; set -f\n"
                + "[ -n \"$jiffy_c\" ] && exec " + command.apply(List.of()) + " \"$@\"\n";
    }

    /**
     * sh lines that exec the program with the flags that record the archive at its exit
     * (silenced: the run's output and status are the program's), after its claim; when the
     * training directory is not the user's or is nearly full, nothing (the lines after run).
     */
    String trainLines(java.util.function.Function<List<String>, String> command) {
        String dir = q(trainDir.toString());
        String base = q(trainBase()) + "$$";
        List<String> record = aot
                ? List.of(q("-XX:AOTMode=record"), q("-XX:AOTConfiguration=") + base + ".conf",
                        // JDK 25 prints "AOTConfiguration recorded" on stdout whatever -Xlog says.
                        q("-XX:+UnlockDiagnosticVMOptions"), q("-XX:-DisplayVMOutput"), q("-Xlog:aot*=off"),
                        q("-Xlog:cds*=off"))
                : List.of(q("-XX:ArchiveClassesAtExit=") + base + ".jsa", q("-Xlog:cds*=off"));
        return "if [ -O " + dir + " ] && [ -w " + dir + " ] && jiffy_k=$(exec df -Pk -- " + dir + " 2>/dev/null) &&\n"
                + "  { read -r jiffy_x; read -r jiffy_x jiffy_x jiffy_x jiffy_k jiffy_x; } <<jiffy_df &&\n"
                + "$jiffy_k\n"
                + "jiffy_df\n"
                + "  [ \"$jiffy_k\" -gt " + ROOM_KIB + " ] 2>/dev/null && { true >" + base + ".run; } 2>/dev/null; then\n"
                + "  exec " + command.apply(record) + " \"$@\"\n"
                + "fi\n";
    }

    /**
     * The background job for {@code $jiffy_b} (a claim's name without ".run"), in the training
     * directory (where a JVM that crashes on a bad archive leaves its hs_err file, for trim): the
     * JVM checks what the run left; a good archive is renamed into place under its size, else the
     * none marker.
     */
    private String placeLines() {
        String java = q(this.java.toString());
        String tail = (jvmOptions.isEmpty() ? "" : ShellQuote.join(jvmOptions) + " ") + "-cp " + q(executable.toString());
        String check = aot
                ? "[ -s \"$jiffy_b.conf\" ] && " + java + " -XX:AOTMode=create \"-XX:AOTConfiguration=$jiffy_b.conf\""
                        + " \"-XX:AOTCache=$jiffy_b.aot\" " + tail + " && " + java + " -XX:AOTMode=on"
                        + " \"-XX:AOTCache=$jiffy_b.aot\" " + tail + " -version"
                : "[ -s \"$jiffy_b.jsa\" ] && " + java + " -Xshare:on \"-XX:SharedArchiveFile=$jiffy_b.jsa\" " + tail
                        + " -version";
        String made = "\"$jiffy_b" + extension() + "\"";
        // Renamed over one of the same size, then any of another size removed: a reader always finds one.
        return "if " + check + "; then jiffy_n=$(wc -c <" + made + ") && jiffy_a=" + q(dir() + "/" + prefix())
                + "$((jiffy_n))" + q(extension()) + " && mv -f " + made + " \"$jiffy_a\" && for jiffy_o in " + shellGlob()
                + "; do [ \"$jiffy_o\" = \"$jiffy_a\" ] || rm -f \"$jiffy_o\"; done"
                + "; else { true >" + q(noneMarker().toString()) + "; } 2>/dev/null; fi; rm -f \"$jiffy_b\".*";
    }

    private static String q(String word) {
        return ShellQuote.quote(word);
    }

    /** Removes the archives made from an executable, as when its bytes turned out damaged. */
    static void removeAll(Path executable) throws IOException {
        try (var files = Files.newDirectoryStream(executable.getParent(), CacheStats.ARCHIVE_PREFIX + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The CPU, as far as code compiled ahead of time depends on it: its model and feature flags. */
    private static String cpu() {
        StringBuilder id = new StringBuilder(System.getProperty("os.arch"));
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1)) {
            lines.takeWhile(l -> !l.isBlank())
                    .filter(l -> l.startsWith("model name") || l.startsWith("flags") || l.startsWith("Features"))
                    .forEach(l -> id.append('\n').append(l));
        } catch (IOException | java.io.UncheckedIOException e) {
            // another platform: the architecture alone
        }
        return id.toString();
    }
}
