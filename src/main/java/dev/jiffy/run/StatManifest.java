package dev.jiffy.run;

import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.cache.UnixNanos;
import dev.jiffy.deps.Directives;
import dev.jiffy.work.SourceScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Git's index for the JVM path: for each input, its stamp (size, mtime, ctime, inode), SHA-256
 * and directives, so that when a run file is stale only the files that changed are read again.
 * An entry is trusted only if its file had not changed within {@link RunFiles#RACY} of the
 * manifest being written: an edit in the same timestamp tick would otherwise go unseen.
 */
public final class StatManifest implements SourceScanner {
    private static final String HEADER = "jiffy stat manifest 1 ";
    private static final char SEP = '\u0001';

    private record Entry(String stat, String sha256, List<String> directives) {}

    private final Path file;
    private final String parser;
    private final long writtenNanos;
    private final Map<String, Entry> old;
    private final Map<String, Entry> fresh = new HashMap<>();
    private boolean changed;

    private StatManifest(Path file, String parser, long writtenNanos, Map<String, Entry> old) {
        this.file = file;
        this.parser = parser;
        this.writtenNanos = writtenNanos;
        this.old = old;
    }

    /**
     * Loads the manifest kept at {@code file} (null: keep none); a missing or bad file is an
     * empty manifest, and so is one written by another jiffy ({@code parser}, jiffy's version):
     * the directives it keeps are that jiffy's reading of the files.
     */
    public static StatManifest load(Path file, String parser) {
        Map<String, Entry> entries = new HashMap<>();
        long written = Long.MIN_VALUE;
        if (file != null) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).startsWith(HEADER) && lines.get(0).endsWith(" " + versionWord(parser))) {
                    String rest = lines.get(0).substring(HEADER.length());
                    written = Long.parseLong(rest.substring(0, rest.indexOf(' ')));
                    for (String line : lines.subList(1, lines.size())) {
                        String[] f = line.split("\t", 4);
                        if (f.length == 4) {
                            List<String> directives = f[2].isEmpty() ? List.of() : List.of(f[2].split(String.valueOf(SEP)));
                            entries.put(f[3], new Entry(f[0], f[1], directives));
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                // first build of this target
            } catch (IOException | RuntimeException e) {
                entries.clear();
            }
        }
        return new StatManifest(file, parser, written, entries);
    }

    /** The version as one word of the header line. */
    private static String versionWord(String version) {
        return version.replace(' ', '_').replace('\n', '_');
    }

    @Override
    public Scanned scan(Path path, String display) throws IOException {
        FileStamp stamp = FileStamp.of(path);
        String key = path.toString();
        Entry e = old.get(key);
        if (e == null || !e.stat().equals(stamp.statLine()) || stamp.changedNanos() >= writtenNanos - RunFiles.RACY.toNanos()) {
            byte[] content = Files.readAllBytes(path);
            Directives d = Directives.parse(display, content);
            List<String> lines = new ArrayList<>();
            d.all().forEach(x -> lines.add(x.line() + " " + x.keyword() + " " + x.value()));
            e = new Entry(stamp.statLine(), dev.jiffy.cache.Sha256.of(content), lines);
            changed = true;
        }
        fresh.put(key, e);
        List<Directives.Directive> directives = new ArrayList<>();
        for (String l : e.directives()) {
            String[] f = l.split(" ", 3);
            directives.add(new Directives.Directive(f[1], f.length > 2 ? f[2] : "", display, Integer.parseInt(f[0])));
        }
        return new Scanned(e.sha256(), new Directives(directives), stamp.statLine());
    }

    @Override
    public String stampDirectory(Path directory) throws IOException {
        return FileStamp.of(directory).statLine();
    }

    /** Saves, or leaves the old file: the manifest only saves reading files again. */
    public void saveQuietly(Clock clock) {
        try {
            save(clock);
        } catch (IOException e) {
            // the next build reads those files again
        }
    }

    /** Writes the entries used by this build back, if any changed. */
    public void save(Clock clock) throws IOException {
        if (file == null || (!changed && fresh.size() == old.size())) {
            return;
        }
        long now = UnixNanos.now(clock);
        StringBuilder text = new StringBuilder(HEADER).append(now).append(' ').append(versionWord(parser)).append('\n');
        fresh.forEach((path, e) -> {
            if (path.indexOf('\n') < 0) {
                text.append(e.stat()).append('\t').append(e.sha256()).append('\t')
                        .append(String.join(String.valueOf(SEP), e.directives()).replace('\t', ' ').replace('\n', ' '))
                        .append('\t').append(path).append('\n');
            }
        });
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
