package dev.jiffy.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.CacheCleaner;
import dev.jiffy.cache.DiskCache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.Sha256;
import dev.jiffy.remote.RemoteCache;
import dev.jiffy.remote.RemoteListener;
import dev.jiffy.remote.RemoteUrl;
import dev.jiffy.remote.TieredCache;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run whose classes become jiffy's class-data archive ({@code bin/jiffy} passes
 * {@code -Djiffy.archive=dump} then) ends with one upload and one remote hit through the real
 * remote tier, against a throwaway server on the loopback interface holding entries in memory.
 * So the HTTP client's and protobuf's classes are archived whatever that run did, and a remote
 * hit later does not load them from the jars and the JDK's modules (about 250 classes).
 */
final class RemoteWarmUp {
    static final String PROPERTY = "jiffy.archive";

    private RemoteWarmUp() {}

    static boolean wanted() {
        return "dump".equals(System.getProperty(PROPERTY));
    }

    /**
     * Does it; returns whether the remote hit came back. A failure only means fewer classes
     * archived, so it is not reported.
     */
    static boolean run() {
        HttpServer server = null;
        Path temp = null;
        try {
            Map<String, byte[]> store = new ConcurrentHashMap<>();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> answer(exchange, store));
            server.start();
            RemoteUrl url = RemoteUrl.parse("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                    + server.getAddress().getPort() + "/warm-up");
            temp = Files.createTempDirectory("jiffy-warm-up");
            ActionId action = new ActionId(Sha256.of("jiffy remote warm-up".getBytes(StandardCharsets.UTF_8)));
            byte[] program = "jiffy remote warm-up program".getBytes(StandardCharsets.UTF_8);
            try (TieredCache uploader = tier(temp.resolve("up"), url, true)) {
                uploader.putExecutable(action, "warm-up", program);
            }
            try (TieredCache reader = tier(temp.resolve("down"), url, false)) {
                return reader.get(action) instanceof Lookup.Hit;
            }
        } catch (IOException | RuntimeException e) {
            return false; // only a head start for later runs
        } finally {
            if (server != null) {
                server.stop(0);
            }
            removeQuietly(temp);
        }
    }

    private static TieredCache tier(Path root, RemoteUrl url, boolean upload) throws IOException {
        RemoteCache remote = new RemoteCache(url, Map.of(), RemoteCache.REQUEST_TIMEOUT);
        return new TieredCache(DiskCache.open(root, Clock.systemUTC(), false), remote, upload, new RemoteListener() {
            @Override
            public void trace(String line) {}

            @Override
            public void warning(String line) {}
        });
    }

    /** A WebDAV server's part of Bazel's HTTP cache protocol: PUT stores, GET and HEAD read. */
    private static void answer(HttpExchange exchange, Map<String, byte[]> store) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    store.put(path, exchange.getRequestBody().readAllBytes());
                    exchange.sendResponseHeaders(201, -1);
                }
                case "GET", "HEAD" -> {
                    byte[] body = store.get(path);
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else if (exchange.getRequestMethod().equals("HEAD")) {
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private static void removeQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        for (String cache : new String[] {"up", "down"}) {
            try {
                CacheCleaner.clean(temp.resolve(cache));
            } catch (IOException e) {
                // left in the temporary directory
            }
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // left in the temporary directory
        }
    }
}
