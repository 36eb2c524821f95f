package dev.jiffy.run;

import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.cache.Trim;
import dev.jiffy.cache.UnixNanos;
import dev.jiffy.work.ShellQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Run files: the fast path of DESIGN section 5. A run file is a sh fragment that bin/jiffy
 * sources for {@code jiffy run <target>}; it re-checks every input with one {@code stat} call
 * and, when nothing changed, execs the cached program, so a hit starts no jiffy JVM at all.
 * It lives at {@code <cache>/run<absolute target path>.run}, a name the launcher can form with
 * no helper process.
 */
public final class RunFiles {
    /** Git's racy rule: an input changed this recently could change again within its timestamp's tick. */
    static final Duration RACY = Duration.ofSeconds(2);
    /** After this, the JVM path runs again: it refreshes markUsed and re-checks what may move (SNAPSHOTs). */
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private static final Path UPTIME = Path.of("/proc/uptime");
    /** How a run file starts; bin/jiffy sources no file that starts otherwise. */
    static final String HEADER = "# jiffy run file for ";

    private RunFiles() {}

    /**
     * The key the launcher forms for a target argument: {@code $PWD/arg} (or arg if absolute),
     * trailing slashes and then one trailing {@code /.} removed; null when the launcher would not use it ({@code .}, {@code ..},
     * {@code //} or a newline in it), so that a key never reaches outside the run directory.
     */
    public static String key(String pwd, String arg) {
        String abs = arg.startsWith("/") ? arg : pwd + "/" + arg;
        while (abs.endsWith("/")) {
            abs = abs.substring(0, abs.length() - 1);
        }
        if (abs.endsWith("/.")) {
            abs = abs.substring(0, abs.length() - 2); // `run .`: the directory itself
        }
        if (abs.isEmpty() || abs.contains("//") || abs.contains("/./") || abs.contains("/../") || abs.endsWith("/.")
                || abs.endsWith("/..") || abs.indexOf('\n') >= 0 || abs.indexOf('\0') >= 0) {
            return null;
        }
        return abs;
    }

    /**
     * The key of {@code jiffy tool <spec>} for a coordinate: it names no file, so it sits under
     * {@code /@tool/}, where no absolute path of a file can be; null for a spec with a slash.
     */
    public static String toolKey(String spec) {
        return spec.indexOf('/') >= 0 ? null : key("", "/@tool/" + spec);
    }

    public static Path location(Path cacheRoot, String key) {
        return Path.of(cacheRoot + "/" + Trim.DERIVED + key + ".run");
    }

    /** Where the target's stat manifest is kept, beside its run file. */
    public static Path manifestLocation(Path cacheRoot, String key) {
        return Path.of(cacheRoot + "/" + Trim.DERIVED + key + ".stat");
    }

    /** Stamps every input now, before it is hashed: an edit after this point shows in the next stat. */
    public static Map<Path, String> stamp(List<Path> inputs) throws IOException {
        Map<Path, String> stamps = new java.util.LinkedHashMap<>();
        for (Path p : inputs) {
            stamps.put(p, FileStamp.of(p).statLine());
        }
        return stamps;
    }

    /**
     * Writes the run file, or removes a stale one and returns false when the rule forbids one: an
     * input changed within {@link #RACY}, or the platform lacks the clock the file checks.
     *
     * @param inputStamps stamps taken by {@link #stamp} before the inputs were hashed
     * @param env         variables whose values the build depended on, checked before each use
     */
    public static boolean write(Path file, Map<Path, String> inputStamps, Path executable, LaunchCommand command,
            Map<String, String> env, Clock clock) throws IOException {
        long now = UnixNanos.now(clock);
        Map<Path, String> pinned = new java.util.LinkedHashMap<>();
        for (Map.Entry<Path, String> e : inputStamps.entrySet()) {
            FileStamp s = FileStamp.of(e.getKey());
            if (!s.statLine().equals(e.getValue()) || s.changedNanos() > now - RACY.toNanos()) {
                Files.deleteIfExists(file);
                return false;
            }
            pinned.put(e.getKey(), e.getValue());
        }
        pinned.put(executable, FileStamp.of(executable).statLine());
        List<String> checks = env.entrySet().stream()
                .map(v -> "[ \"${" + v.getKey() + "-}\" = " + ShellQuote.quote(v.getValue()) + " ]").toList();
        return write(file, checks, pinned, command.statGlob(), command.runFileBody());
    }

    /**
     * Writes a run file that runs {@code body} when every one of {@code checks} (sh tests) holds,
     * the machine has not rebooted, the file is younger than {@link #LIFETIME} and every file of
     * {@code pinned} has the stamp given; or removes a stale one and returns false when the
     * platform lacks the clock the file checks.
     */
    static boolean write(Path file, List<String> checks, Map<Path, String> pinned, String body) throws IOException {
        return write(file, checks, pinned, null, body);
    }

    /**
     * As {@link #write(Path, List, Map, String)}, with {@code statGlob} (sh words, or null) also
     * given to the stat: files that may or may not exist, whose lines follow the pinned ones in
     * {@code $jiffy_st} for {@code body} to read.
     */
    static boolean write(Path file, List<String> checks, Map<Path, String> pinned, String statGlob, String body)
            throws IOException {
        String boot;
        long uptime;
        try {
            boot = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
            String up = Files.readString(UPTIME, StandardCharsets.US_ASCII).strip();
            uptime = Long.parseLong(up.substring(0, up.indexOf('.')));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            return false;
        }
        List<String> paths = pinned.keySet().stream().map(Path::toString).toList();
        // One brace group: sh parses it whole before running any of it, so a file cut short is a
        // syntax error (the launcher sources it with `command .`, which survives that), never a
        // command cut short. The first line is what the launcher looks for before sourcing.
        String text = HEADER + file.getFileName() + "; sourced by bin/jiffy, rewritten by jiffy.\n"
                + "{ { " + (checks.isEmpty() ? "" : String.join(" &&\n  ", checks) + " &&\n  ")
                + "read -r jiffy_boot </proc/sys/kernel/random/boot_id && [ \"$jiffy_boot\" = " + ShellQuote.quote(boot) + " ] &&\n"
                + "  read -r jiffy_up jiffy_idle </proc/uptime && [ \"${jiffy_up%.*}\" -lt " + (uptime + LIFETIME.toSeconds()) + " ] &&\n"
                + statCheck(paths, String.join("\n", pinned.values()), statGlob) + "; } || return 1\n"
                + body + "\n}\n";
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** The one stat of every pinned file (and of {@code statGlob}'s, whose lines may follow) against their stamps. */
    private static String statCheck(List<String> paths, String stamps, String statGlob) {
        String stat = "exec stat -L -c " + ShellQuote.quote(FileStamp.STAT_FORMAT) + " -- " + ShellQuote.join(paths);
        if (statGlob == null) {
            return "  [ \"$(" + stat + " 2>/dev/null)\" = " + ShellQuote.quote(stamps) + " ]";
        }
        // The launcher runs with globbing off (set -f); it is on for the glob only.
        return "  { set +f; jiffy_st=$(" + stat + " " + statGlob + " 2>/dev/null); set -f\n"
                + "  case $jiffy_st in " + ShellQuote.quote(stamps) + " | " + ShellQuote.quote(stamps + "\n") + "*) ;; *) false ;; esac; }";
    }
}
