package dev.jiffy.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JIFFY_REMOTE_CACHE, {@code http(s)://[user:token@]host[:port][/prefix]}, split into the base
 * that requests go to (without the user-info, so that no message or exception can show it) and
 * the Basic credentials taken from the user-info.
 *
 * @param base          scheme, host, port and prefix, without user-info and without a trailing slash
 * @param authorization the Basic Authorization header value, or null without user-info
 */
public record RemoteUrl(URI base, String authorization) {
    /** Parses the setting; the message of what it throws never contains the setting itself. */
    public static RemoteUrl parse(String setting) {
        URI uri;
        try {
            uri = new URI(setting);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("not an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the URL has a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        URI base;
        try {
            base = new URI(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + hostPort(uri) + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String authorization = null;
        if (uri.getUserInfo() != null) {
            // getUserInfo() is decoded: a user name cannot hold ':', a token may.
            authorization = "Basic " + Base64.getEncoder().encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8));
        }
        return new RemoteUrl(base, authorization);
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** The address of an entry, {@code {base}/ac/<id>} or {@code {base}/cas/<sha256>}. */
    URI resolve(String entry) {
        return URI.create(base + "/" + entry);
    }

    /** Nothing secret: the base never has user-info. */
    @Override
    public String toString() {
        return base.toString();
    }
}
