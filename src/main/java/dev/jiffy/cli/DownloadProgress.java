package dev.jiffy.cli;

import java.io.PrintStream;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;

/** One progress line on a terminal's stderr while the resolver downloads, cleared when done. */
final class DownloadProgress extends AbstractTransferListener {
    private final PrintStream err;
    private long lastPrint;

    DownloadProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void transferProgressed(TransferEvent event) {
        long now = System.nanoTime();
        if (now - lastPrint < 100_000_000L) {
            return;
        }
        lastPrint = now;
        TransferResource r = event.getResource();
        long total = r.getContentLength();
        long done = event.getTransferredBytes();
        String name = r.getResourceName().substring(r.getResourceName().lastIndexOf('/') + 1);
        String bar = total > 0 ? bar(done, total) + String.format(" %3d%%", done * 100 / total) : Quantities.humanSize(done);
        err.print("\r\033[Kdownloading " + name + " " + bar);
        err.flush();
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        clear();
    }

    @Override
    public void transferFailed(TransferEvent event) {
        clear();
    }

    private void clear() {
        if (lastPrint != 0) {
            err.print("\r\033[K");
            err.flush();
            lastPrint = 0;
        }
    }

    private static String bar(long done, long total) {
        int width = 30;
        int filled = (int) Math.min(width, done * width / total);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }
}
