package dev.jiffy.cli;

/** A URL as it may be printed: the password or token in its user-info replaced, never shown. */
final class RedactedUrl {
    private RedactedUrl() {}

    static String of(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int slash = url.indexOf('/', hostStart);
        int authorityEnd = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at < hostStart) {
            return url;
        }
        String userInfo = url.substring(hostStart, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? "" : userInfo.substring(0, colon);
        return url.substring(0, hostStart) + (user.isEmpty() ? "" : user + ":") + "xxxxx" + url.substring(at);
    }
}
