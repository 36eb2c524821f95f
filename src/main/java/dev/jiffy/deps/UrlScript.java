package dev.jiffy.deps;

import dev.jiffy.cache.AtomicFiles;
import dev.jiffy.cache.Sha256;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code jiffy run URL}: the script at a URL, with the files its {@code //SOURCES} and
 * {@code //FILES} name relative to it, copied into {@code dir} (a directory of the cache named
 * by the URL's hash), so that the build reads them as local files and caches the program by
 * their content. The copy is fetched again at most once an {@link #RECHECK}; offline, or when
 * the server cannot be reached, the last copy runs, with one warning.
 */
public final class UrlScript {
    /** How long a copy is used without asking the server again. */
    public static final Duration RECHECK = Duration.ofHours(1);
    private static final String FETCHED = ".fetched";

    private final URI url;
    private final Path dir;
    private final Clock clock;
    private final HttpClient http;

    private UrlScript(URI url, Path dir, Clock clock) {
        this.url = url;
        this.dir = dir;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Where the copies of {@code url}'s script live below {@code root}. */
    public static Path directory(Path root, String url) {
        return root.resolve(Sha256.of(url.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The local copy of the script at {@code url}, fetched when there is none, when it is older
     * than {@link #RECHECK}, or never when {@code offline}.
     *
     * @param warn where the one warning goes when the last copy runs instead of a fresh one
     */
    public static Path fetch(String url, Path dir, boolean offline, Clock clock, Consumer<String> warn)
            throws DependencyException, IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DependencyException(url + ": not a URL (" + e.getMessage() + ")");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new DependencyException(url + ": names no file (expected https://host/path/Script.java)");
        }
        UrlScript script = new UrlScript(uri, dir, clock);
        Path local = dir.resolve(name);
        Path fetched = dir.resolve(FETCHED);
        boolean fresh = Files.isRegularFile(local) && Files.isRegularFile(fetched)
                && Files.getLastModifiedTime(fetched).toInstant().isAfter(clock.instant().minus(RECHECK));
        if (fresh) {
            return local;
        }
        if (offline) {
            if (Files.isRegularFile(local)) {
                warn.accept(url + ": offline; running the copy fetched " + Files.getLastModifiedTime(fetched));
                return local;
            }
            throw new DependencyException(url + ": offline, and never fetched");
        }
        try {
            script.copy(name, true, new HashSet<>());
        } catch (Unreachable e) {
            if (!Files.isRegularFile(local)) {
                throw new DependencyException(url + ": " + e.getMessage());
            }
            warn.accept(url + ": " + e.getMessage() + "; running the copy fetched "
                    + (Files.exists(fetched) ? Files.getLastModifiedTime(fetched) : "before"));
            return local;
        }
        Files.createDirectories(dir);
        AtomicFiles.write(fetched, new byte[0]);
        Files.setLastModifiedTime(fetched, FileTime.from(clock.instant()));
        return local;
    }

    /** The server could not be asked: no answer, or an error of its own (5xx). */
    private static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    /**
     * Fetches {@code relative} (to the script's URL) into the directory and, for a source, the
     * files its {@code //SOURCES} and {@code //FILES} name, relative to it.
     */
    private void copy(String relative, boolean source, Set<String> done) throws DependencyException, IOException, Unreachable {
        if (!done.add(relative)) {
            return;
        }
        URI where = url.resolve(relative);
        Path local = dir.resolve(relative).normalize();
        if (!local.startsWith(dir) || relative.startsWith("../") || relative.equals("..")) {
            throw new DependencyException(where + ": lies outside the script's directory " + url.resolve("."));
        }
        byte[] body = get(where);
        Files.createDirectories(local.getParent());
        AtomicFiles.write(local, body);
        if (!source) {
            return;
        }
        for (Directives.Directive d : Directives.parse(where.toString(), body).all()) {
            boolean sources = d.keyword().equals("SOURCES");
            if (!sources && !d.keyword().equals("FILES")) {
                continue;
            }
            for (String entry : Words.splitList(d.value())) {
                String file = !sources && entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry;
                if (file.isEmpty()) {
                    continue;
                }
                if (file.chars().anyMatch(c -> c == '*' || c == '?' || c == '{' || c == '[')) {
                    throw new DependencyException(d.file() + ":" + d.line() + ": //" + d.keyword() + " " + entry
                            + ": a glob cannot list the files of a URL");
                }
                Path parent = Path.of(relative).getParent();
                String child = (parent == null ? Path.of(file) : parent.resolve(file)).normalize().toString();
                copy(child, sources, done);
            }
        }
    }

    private byte[] get(URI where) throws DependencyException, IOException, Unreachable {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(where).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable("cannot be fetched (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + where);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new Unreachable("the server answered HTTP " + status);
        }
        if (status != 200) {
            throw new DependencyException(where + ": HTTP " + status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String start = new String(response.body(), 0, Math.min(response.body().length, 256), StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || start.startsWith("<!doctype html") || start.startsWith("<html")) {
            throw new DependencyException(where + ": the server sent an HTML page, not a file"
                    + " (a link to a page that shows the script, not to the raw file?)");
        }
        return response.body();
    }
}
