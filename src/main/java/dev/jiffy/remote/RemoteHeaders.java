package dev.jiffy.remote;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JIFFY_REMOTE_HEADERS: extra request headers such as {@code Authorization=Bearer <token>}, as
 * {@code Name=value} pairs separated by newlines or commas (as Bazel's {@code --remote_header}).
 * Values are secrets: no message here ever includes one.
 */
public final class RemoteHeaders {
    /** Headers that the HTTP client sets itself (it would drop them silently). */
    private static final Set<String> RESTRICTED = Set.of("access-control-request-headers", "access-control-request-method",
            "connection", "content-length", "content-transfer-encoding", "expect", "host", "keep-alive", "origin",
            "trailer", "transfer-encoding", "upgrade", "via");

    private RemoteHeaders() {}

    /** The headers, in order; throws naming the entry's position or header name, never its value. */
    public static Map<String, String> parse(String setting) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (setting == null) {
            return headers;
        }
        int n = 0;
        for (String entry : setting.split("[\n,]")) {
            n++;
            entry = entry.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("entry " + n + " is not Name=value");
            }
            String name = entry.substring(0, eq).strip();
            String value = entry.substring(eq + 1).strip();
            if (!isToken(name)) {
                throw new IllegalArgumentException("entry " + n + ": the header name is not a valid HTTP token");
            }
            if (RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by jiffy itself");
            }
            if (!isValue(value)) {
                throw new IllegalArgumentException("header " + name + ": the value has control characters");
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** The headers as they may be shown: names only, each value replaced. */
    public static String redacted(String setting) {
        if (setting == null || setting.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try {
            for (String name : parse(setting).keySet()) {
                b.append(b.length() == 0 ? "" : ",").append(name).append("=xxxxx");
            }
        } catch (IllegalArgumentException e) {
            return "xxxxx";
        }
        return b.toString();
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
