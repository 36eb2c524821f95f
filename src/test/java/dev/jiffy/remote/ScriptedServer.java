package dev.jiffy.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An HTTP cache server whose answers a test scripts: by default it stores PUTs and serves them
 * back as nginx WebDAV does (201 on PUT, 200 or 404 on GET and HEAD); a script can answer any
 * request otherwise: another status, wrong bytes, a body cut short, or no answer at all. It
 * records every request, so tests can check the order and headers of what a client sent.
 */
public final class ScriptedServer implements AutoCloseable {
    /** What a client sent: method, path (with the prefix), the headers (names in lower case) and the body. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        public String line() {
            return method + " " + path;
        }
    }

    /** A scripted answer. */
    public record Answer(int status, byte[] body, boolean truncate, boolean hangs, boolean trickles) {
        public static Answer status(int status) {
            return new Answer(status, new byte[0], false, false, false);
        }

        public static Answer body(byte[] body) {
            return new Answer(200, body, false, false, false);
        }

        /** Headers that promise the whole body, then half of it and a closed connection. */
        public static Answer truncated(byte[] body) {
            return new Answer(200, body, true, false, false);
        }

        /** No answer until the server closes: the client has to time out. */
        public static Answer hang() {
            return new Answer(200, new byte[0], false, true, false);
        }

        /** The right body, one byte every 100 ms: never silent long enough for a read timeout. */
        public static Answer trickle(byte[] body) {
            return new Answer(200, body, false, false, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, byte[]> store = new ConcurrentHashMap<>();
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Request, Answer> script = r -> null;

    private ScriptedServer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ScriptedServer s = new ScriptedServer(http);
        http.createContext("/", s::handle);
        http.setExecutor(s.executor);
        http.start();
        return s;
    }

    /** Answers requests with {@code script} first; where it returns null, as the store. */
    public ScriptedServer script(Function<Request, Answer> script) {
        this.script = script;
        return this;
    }

    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + prefix;
    }

    /** What was PUT, by path; tests change it to plant bad entries. */
    public Map<String, byte[]> store() {
        return store;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<String> requestLines() {
        return requests().stream().map(Request::line).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new java.util.TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), headers,
                    ex.getRequestBody().readAllBytes());
            requests.add(r);
            Answer a = script.apply(r);
            if (a == null) {
                a = fromStore(r);
            }
            if (a.hangs()) {
                closing.await(60, TimeUnit.SECONDS);
                return;
            }
            boolean head = r.method().equals("HEAD");
            long length = a.body().length == 0 ? -1 : a.body().length;
            ex.sendResponseHeaders(a.status(), head ? -1 : length);
            if (!head && a.trickles()) {
                OutputStream out = ex.getResponseBody();
                for (byte b : a.body()) {
                    out.write(b);
                    out.flush();
                    if (closing.await(100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } else if (!head && a.body().length > 0) {
                OutputStream out = ex.getResponseBody();
                out.write(a.body(), 0, a.truncate() ? a.body().length / 2 : a.body().length);
                out.flush();
                // For a truncated answer, closing the exchange short of the promised length closes the connection.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer fromStore(Request r) {
        switch (r.method()) {
            case "PUT" -> {
                boolean existed = store.put(r.path(), r.body()) != null;
                return Answer.status(existed ? 204 : 201);
            }
            case "GET", "HEAD" -> {
                byte[] data = store.get(r.path());
                return data == null ? Answer.status(404) : Answer.body(data);
            }
            default -> {
                return Answer.status(405);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
