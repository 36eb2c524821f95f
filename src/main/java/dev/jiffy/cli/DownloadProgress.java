package dev.jiffy.cli;

import dev.jiffy.deps.DownloadListener;
import java.io.PrintStream;

/** One progress line on a terminal's stderr while the resolver downloads, cleared when done. */
final class DownloadProgress implements DownloadListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private long lastPrint;

    DownloadProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progressed(String file, long done, long total) {
        long now = System.nanoTime();
        if (now - lastPrint < 100_000_000L) {
            return;
        }
        lastPrint = now;
        String amount = total > 0 ? bar(done, total) + " " + (done * 100 / total) + "%" : Quantities.humanSize(done);
        err.print("\r\033[Kdownloading " + file + " " + amount);
        err.flush();
    }

    @Override
    public synchronized void finished(String file) {
        if (lastPrint != 0) {
            err.print("\r\033[K");
            err.flush();
            lastPrint = 0;
        }
    }

    private static String bar(long done, long total) {
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
    }
}
