package dev.jiffy.remote;

import dev.jiffy.cache.ActionId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of Bazel's HTTP remote-cache protocol, as bazel-remote and nginx WebDAV serve it:
 * {@code GET/HEAD/PUT {base}/cas/<sha256>} for content and {@code {base}/ac/<actionID>} for
 * action results. Every call is short: connecting may take a second, an answer a few seconds
 * plus a second per MiB, so that a slow server costs a run little before it is given up on.
 */
public final class RemoteCache {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** jiffy's action results are a few hundred bytes; anything far larger is not one. */
    static final long MAX_ACTION_RESULT = 1 << 20;

    private final RemoteUrl url;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private HttpClient client;

    public RemoteCache(RemoteUrl url, Map<String, String> headers, Duration requestTimeout) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.requestTimeout = requestTimeout;
    }

    /** Made on first use: a run whose lookups all hit locally does not pay for an HTTP client. */
    private synchronized HttpClient client() {
        if (client == null) {
            // HTTP/1.1: plain http:// with HTTP/2 would try an h2c upgrade, which WebDAV servers need not handle.
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
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
        HttpRequest request = request(entry, requestTimeout).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        int status = send(request, HttpResponse.BodyHandlers.discarding(), entry, requestTimeout).statusCode();
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
        HttpRequest request = request(entry, timeout).GET().build();
        HttpResponse<byte[]> response = send(request, info -> info.statusCode() == 200
                ? new BoundedBody(limit, entry)
                : HttpResponse.BodySubscribers.replacing(null), entry, timeout);
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status == 404) {
            return null;
        }
        throw refused("GET", entry, status);
    }

    private boolean put(String entry, byte[] data) throws IOException {
        Duration timeout = timeoutFor(data.length);
        // ofByteArray sends a Content-Length, which WebDAV servers need for a PUT.
        HttpRequest request = request(entry, timeout)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build();
        int status = send(request, HttpResponse.BodyHandlers.discarding(), entry, timeout).statusCode();
        if (status == 200 || status == 201 || status == 202 || status == 204) {
            return true;
        }
        if (status == 413) {
            return false;
        }
        throw refused("PUT", entry, status);
    }

    private HttpRequest.Builder request(String entry, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(entry)).timeout(timeout);
        if (url.authorization() != null) {
            b.setHeader("Authorization", url.authorization());
        }
        headers.forEach(b::setHeader);
        return b;
    }

    /** A few seconds, and a second more per MiB: a big executable on a slow link is not a dead server. */
    private Duration timeoutFor(long bytes) {
        return requestTimeout.plusMillis(bytes / 1024);
    }

    /**
     * Sends a request and waits for the whole answer, body included, at most {@code timeout}:
     * the client's own timeout stops at the response headers, so a server that stalls mid-body
     * would otherwise hold the run.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String entry,
            Duration timeout) throws IOException {
        CompletableFuture<HttpResponse<T>> response = client().sendAsync(request, handler);
        String what = request.method() + " " + entry;
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new HttpTimeoutException(what + ": no answer within " + seconds(timeout));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RemoteCacheException r) {
                throw r;
            }
            throw new IOException(what + ": " + describe(cause), cause);
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(CONNECT_TIMEOUT);
        }
        if (t instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (t instanceof ConnectException) {
            return "cannot connect" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
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
