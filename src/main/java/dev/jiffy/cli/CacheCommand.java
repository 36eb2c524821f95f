package dev.jiffy.cli;

import dev.jiffy.cache.CacheDirectory;
import dev.jiffy.cache.CacheRefusedException;
import dev.jiffy.cache.CacheStats;
import dev.jiffy.cache.CacheVerifier;
import dev.jiffy.cache.Trim;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code jiffy cache stat | trim | verify | path}. */
final class CacheCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Settings settings;
    private final Clock clock;

    CacheCommand(PrintStream out, PrintStream err, Settings settings, Clock clock) {
        this.out = out;
        this.err = err;
        this.settings = settings;
        this.clock = clock;
    }

    int run(List<String> args) throws UsageException, Failure, IOException {
        if (args.isEmpty()) {
            throw new UsageException("cache needs a subcommand: stat, trim, verify or path");
        }
        String sub = args.get(0);
        List<String> flags = args.subList(1, args.size());
        if (sub.equals("path")) {
            noFlags(sub, flags);
            out.println(settings.cacheDir() == null ? "off" : settings.cacheDir());
            return 0;
        }
        if (!List.of("stat", "trim", "verify").contains(sub)) {
            throw new UsageException("unknown cache subcommand \"" + sub + "\" (stat, trim, verify, path)");
        }
        if (!settings.cacheEnabled()) {
            throw new Failure(1, "JIFFY_CACHE=off: there is no cache to " + sub);
        }
        Path root = settings.cacheDir();
        if (sub.equals("trim")) {
            boolean ifDue = flags.equals(List.of("-if-due"));
            if (!ifDue) {
                noFlags(sub, flags);
            }
            prepare(root);
            return trim(root, !ifDue);
        }
        noFlags(sub, flags);
        prepare(root);
        return sub.equals("stat") ? stat(root) : verify(root);
    }

    /** A cache that cannot be created names the setting that put it there. */
    private void prepare(Path root) throws IOException, Failure {
        try {
            CacheDirectory.prepare(root);
        } catch (CacheRefusedException e) {
            throw e;
        } catch (IOException e) {
            String named = settings.cacheSetting().isEmpty() ? "cache " + root : "JIFFY_CACHE=" + root;
            throw new Failure(1, named + ": cannot create the cache (" + Messages.describe(e) + ")");
        }
    }

    private static void noFlags(String sub, List<String> flags) throws UsageException {
        if (!flags.isEmpty()) {
            throw new UsageException("cache " + sub + ": unexpected argument \"" + flags.get(0) + "\"");
        }
    }

    private int stat(Path root) throws IOException {
        CacheStats s = CacheStats.of(root);
        row("cache", root.toString());
        row("entries", Long.toString(s.entries()));
        row("executables", Long.toString(s.executables()));
        row("content files", Long.toString(s.contentFiles()));
        row("bytes", s.bytes() + " (" + Quantities.humanSize(s.bytes()) + " of " + Quantities.humanSize(settings.cacheMax()) + ")");
        row("archives", s.archiveBytes() + " (" + Quantities.humanSize(s.archiveBytes()) + " of class-data archives, part of bytes)");
        row("oldest use", s.entries() == 0 ? "-" : Instant.ofEpochMilli(s.oldestUseMillis()).toString());
        row("newest use", s.entries() == 0 ? "-" : Instant.ofEpochMilli(s.newestUseMillis()).toString());
        long hits = s.counters().getOrDefault("hits", 0L);
        long misses = s.counters().getOrDefault("misses", 0L);
        row("hits", Long.toString(hits));
        row("misses", Long.toString(misses));
        s.counters().forEach((k, v) -> {
            if (!k.equals("hits") && !k.equals("misses")) {
                row(k.replace('-', ' '), k.contains("bytes") ? v + " (" + Quantities.humanSize(v) + ")" : Long.toString(v));
            }
        });
        return 0;
    }

    private void row(String name, String value) {
        out.printf("%-14s %s%n", name + ":", value);
    }

    private int trim(Path root, boolean force) throws IOException {
        Trim.Result r = new Trim(root, clock, settings.trimAge(), settings.cacheMax()).run(force);
        if (force && !r.ran()) {
            err.println("jiffy: another process is trimming " + root);
        } else if (force) {
            out.printf("trimmed %d entries (%s); %d left (%s)%n", r.removed(), Quantities.humanSize(r.removedBytes()),
                    r.kept(), Quantities.humanSize(r.keptBytes()));
        }
        return 0;
    }

    private int verify(Path root) throws IOException {
        CacheVerifier.Report r = CacheVerifier.verify(root);
        r.removed().forEach(line -> out.println("removed " + line));
        out.printf("verified %d files, removed %d%n", r.checked(), r.removed().size());
        return r.removed().isEmpty() ? 0 : 1;
    }
}
