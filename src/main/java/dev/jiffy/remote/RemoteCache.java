package dev.jiffy.remote;

import dev.jiffy.cache.ActionId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of Bazel's HTTP remote-cache protocol, as bazel-remote and nginx WebDAV serve it:
 * {@code GET/HEAD/PUT {base}/cas/<sha256>} for content and {@code {base}/ac/<actionID>} for
 * action results. Every call is short: connecting may take a second, a whole answer a few
 * seconds plus a second per MiB, so that a slow server costs a run little before it is given up on.
 *
 * <p>It speaks HTTP through {@link HttpURLConnection}, not java.net.http: in a fresh JVM, which
 * every jiffy run is, java.net.http's first requests cost about 0.5-0.9 s of class loading,
 * lambdas and TLS set-up (measured, see bench/RESULTS.md), HttpURLConnection's about 0.1 s,
 * and a remote hit must cost little more than a local one.
 */
public final class RemoteCache {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** jiffy's action results are a few hundred bytes; anything far larger is not one. */
    static final long MAX_ACTION_RESULT = 1 << 20;

    private final RemoteUrl url;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private ExecutorService requests;

    public RemoteCache(RemoteUrl url, Map<String, String> headers, Duration requestTimeout) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.requestTimeout = requestTimeout;
    }

    /** The action result stored for {@code action}, or null when the server has none. */
    public byte[] getActionResult(ActionId action) throws IOException {
        return get("ac/" + action.hex(), MAX_ACTION_RESULT, requestTimeout);
    }

    /** The blob named by {@code digest}, checked against it, or null when the server has none. */
    public byte[] getBlob(Digest digest) throws IOException {
        String entry = "cas/" + digest.sha256();
        byte[] data = get(entry, digest.size(), timeoutFor(digest.size()));
        if (data != null && !digest.matches(data)) {
            throw RemoteCacheException.badEntry(entry + ": the content does not match its digest ("
                    + data.length + " bytes, " + digest.size() + " expected)");
        }
        return data;
    }

    /** True when the server has the blob, so that an upload can skip it. */
    public boolean hasBlob(Digest digest) throws IOException {
        String entry = "cas/" + digest.sha256();
        int status = exchange("HEAD", entry, null, 0, requestTimeout).status();
        if (status == 200) {
            return true;
        }
        if (status == 404) {
            return false;
        }
        throw refused("HEAD", entry, status);
    }

    /** Uploads a blob; false when the server refuses it as too large (413). */
    public boolean putBlob(Digest digest, byte[] data) throws IOException {
        return put("cas/" + digest.sha256(), data);
    }

    /** Uploads an action result; false when the server refuses it as too large (413). */
    public boolean putActionResult(ActionId action, byte[] data) throws IOException {
        return put("ac/" + action.hex(), data);
    }

    private byte[] get(String entry, long limit, Duration timeout) throws IOException {
        Answer answer = exchange("GET", entry, null, limit, timeout);
        if (answer.status() == 200) {
            return answer.body();
        }
        if (answer.status() == 404) {
            return null;
        }
        throw refused("GET", entry, answer.status());
    }

    private boolean put(String entry, byte[] data) throws IOException {
        int status = exchange("PUT", entry, data, 0, timeoutFor(data.length)).status();
        if (status == 200 || status == 201 || status == 202 || status == 204) {
            return true;
        }
        if (status == 413) {
            return false;
        }
        throw refused("PUT", entry, status);
    }

    private record Answer(int status, byte[] body) {}

    /**
     * One request, with its whole answer read within {@code timeout}. The request runs on a
     * daemon thread and is abandoned when late: a read timeout alone would let a server that
     * sends a byte now and then hold the run, and HttpURLConnection cannot be cut from outside
     * (its disconnect drains the body first). An abandoned thread ends with the run, if not before
     * (the read timeout), and the server is not asked again: a timeout disables it.
     */
    private Answer exchange(String method, String entry, byte[] upload, long limit, Duration timeout)
            throws IOException {
        String what = method + " " + entry;
        Future<Answer> answer = requests().submit(() -> exchangeNow(what, method, entry, upload, limit, timeout));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException(what + ": no answer within " + seconds(timeout));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(what + ": " + e.getCause(), e.getCause());
        }
    }

    private Answer exchangeNow(String what, String method, String entry, byte[] upload, long limit, Duration timeout)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.resolve(entry).toURL().openConnection();
        try {
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            if (url.authorization() != null) {
                c.setRequestProperty("Authorization", url.authorization());
            }
            headers.forEach(c::setRequestProperty);
            if (upload != null) {
                c.setDoOutput(true);
                // A fixed length sends a Content-Length, which WebDAV servers need for a PUT.
                c.setFixedLengthStreamingMode(upload.length);
                c.setRequestProperty("Content-Type", "application/octet-stream");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(upload);
                }
            }
            int status = c.getResponseCode();
            if (status == 200 && method.equals("GET")) {
                return new Answer(status, readBody(c, entry, limit));
            }
            discardBody(c, status);
            return new Answer(status, null);
        } catch (SocketTimeoutException e) {
            boolean connecting = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
            throw new IOException(what + ": " + (connecting ? "no connection within " + seconds(CONNECT_TIMEOUT)
                    : "no answer within " + seconds(timeout)), e);
        } catch (RemoteCacheException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(what + ": " + describe(e), e);
        }
    }

    /** Reads a body of at most {@code limit} bytes, and all of the length the server announced. */
    private static byte[] readBody(HttpURLConnection c, String entry, long limit) throws IOException {
        long announced = c.getContentLengthLong();
        if (announced > limit) {
            c.disconnect();
            throw RemoteCacheException.badEntry(entry + " is longer than " + limit + " bytes");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(announced > 0 ? (int) announced : 512);
        try (InputStream in = c.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (body.size() + (long) n > limit) {
                    c.disconnect();
                    throw RemoteCacheException.badEntry(entry + " is longer than " + limit + " bytes");
                }
                body.write(buf, 0, n);
            }
        }
        if (announced >= 0 && body.size() != announced) {
            throw new IOException("the connection closed after " + body.size() + " of " + announced + " bytes");
        }
        return body.toByteArray();
    }

    /** Reads an answer's body away, so that the connection can carry the next request. */
    private static void discardBody(HttpURLConnection c, int status) throws IOException {
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private synchronized ExecutorService requests() {
        if (requests == null) {
            requests = Executors.newCachedThreadPool(task -> {
                Thread t = new Thread(task, "jiffy-remote-cache");
                t.setDaemon(true);
                return t;
            });
        }
        return requests;
    }

    /** A few seconds, and a second more per MiB: a big executable on a slow link is not a dead server. */
    private Duration timeoutFor(long bytes) {
        return requestTimeout.plusMillis(bytes / 1024);
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "cannot connect" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static RemoteCacheException refused(String method, String entry, int status) {
        String meaning = switch (status) {
            case 401 -> " (unauthorized: check the credentials)";
            case 403 -> " (forbidden: check the credentials)";
            case 413 -> " (too large)";
            default -> status >= 500 ? " (server error)" : "";
        };
        return RemoteCacheException.refused(method + " " + entry + ": HTTP " + status + meaning);
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
