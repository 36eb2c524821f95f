package dev.jiffy.cli;

import dev.jiffy.cache.CacheCleaner;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** {@code jiffy clean -cache}: removes the whole cache, safely while other processes use it. */
final class CleanCommand {
    private final PrintStream out;
    private final Settings settings;

    CleanCommand(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    int run(List<String> args) throws UsageException, IOException {
        if (!args.equals(List.of("-cache"))) {
            throw new UsageException("clean takes one flag: -cache");
        }
        if (settings.cacheEnabled()) {
            CacheCleaner.clean(settings.cacheDir());
        }
        return 0;
    }
}
