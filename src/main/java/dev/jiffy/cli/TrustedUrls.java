package dev.jiffy.cli;

import dev.jiffy.cache.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The URL prefixes whose scripts the user trusts jiffy to run, one a line in
 * {@code trusted-urls.txt} of the user's configuration directory ({@code $XDG_CONFIG_HOME/jiffy},
 * else {@code $HOME/.config/jiffy}), never in the cache, which others may share or fill.
 */
final class TrustedUrls {
    private final Path file;

    private TrustedUrls(Path file) {
        this.file = file;
    }

    /** The user's list; a usage error when neither variable names a directory. */
    static TrustedUrls of(Map<String, String> env) throws UsageException {
        return new TrustedUrls(ConfigDirectory.of(env, "the trusted URLs").dir().resolve("trusted-urls.txt"));
    }

    Path file() {
        return file;
    }

    List<String> list() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /**
     * Whether {@code url} lies under a trusted prefix: the prefix, then nothing, a {@code /} (or
     * the prefix ends with one), so that trusting {@code https://host/a} trusts no {@code https://host/ab}.
     */
    boolean trusts(String url) throws IOException {
        for (String prefix : list()) {
            if (url.startsWith(prefix) && (url.length() == prefix.length() || prefix.endsWith("/")
                    || url.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    void add(String prefix) throws IOException {
        List<String> all = new ArrayList<>(list());
        if (!all.contains(prefix)) {
            all.add(prefix);
        }
        save(all);
    }

    /** False when the prefix was not in the list. */
    boolean remove(String prefix) throws IOException {
        List<String> all = new ArrayList<>(list());
        boolean removed = all.remove(prefix);
        if (removed) {
            save(all);
        }
        return removed;
    }

    private void save(List<String> prefixes) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        prefixes.forEach(p -> text.append(p).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
