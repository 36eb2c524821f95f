package dev.jiffy.cli;

import dev.jiffy.cache.CacheCleaner;
import dev.jiffy.junit.TestResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/**
 * {@code jiffy clean -cache}: removes the whole cache, safely while other processes use it.
 * {@code jiffy clean -testcache}: forgets every cached test result, as {@code go clean -testcache} does.
 */
final class CleanCommand {
    private final PrintStream out;
    private final Settings settings;
    private final Clock clock;

    CleanCommand(PrintStream out, Settings settings, Clock clock) {
        this.out = out;
        this.settings = settings;
        this.clock = clock;
    }

    int run(List<String> args) throws UsageException, IOException {
        if (args.equals(List.of("-testcache"))) {
            if (settings.cacheEnabled() && Files.isDirectory(settings.cacheDir())) {
                TestResults.expireAll(settings.cacheDir(), clock);
            }
            return 0;
        }
        if (!args.equals(List.of("-cache"))) {
            throw new UsageException("clean takes one flag: -cache or -testcache");
        }
        if (settings.cacheEnabled()) {
            CacheCleaner.clean(settings.cacheDir());
        }
        return 0;
    }
}
