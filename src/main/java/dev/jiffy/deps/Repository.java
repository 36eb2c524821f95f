package dev.jiffy.deps;

import java.net.URI;
import java.util.Map;

/** A Maven repository from {@code //REPOS [id=]url}, or one of JBang's short names. */
public record Repository(String id, String url) {
    /** JBang's short names for well-known repositories. */
    static final Map<String, String> SHORT_NAMES = Map.of(
            "central", "https://repo1.maven.org/maven2/",
            "mavencentral", "https://repo1.maven.org/maven2/",
            "google", "https://maven.google.com/",
            "jitpack", "https://jitpack.io/",
            "jcenter", "https://jcenter.bintray.com/",
            "sonatype-snapshots", "https://oss.sonatype.org/content/repositories/snapshots/",
            "apache-snapshots", "https://repository.apache.org/snapshots/");

    public static Repository parse(String spec) {
        int eq = spec.indexOf('=');
        String id = eq < 0 ? null : spec.substring(0, eq).strip();
        String url = eq < 0 ? spec.strip() : spec.substring(eq + 1).strip();
        String known = SHORT_NAMES.get(url.toLowerCase(java.util.Locale.ROOT));
        if (known != null) {
            return new Repository(id == null ? url.toLowerCase(java.util.Locale.ROOT) : id, known);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a repository URL or a known name (" + String.join(", ", SHORT_NAMES.keySet()) + ")");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http") || uri.getScheme().equals("file"))) {
            throw new IllegalArgumentException("\"" + url + "\" is not a repository URL (http, https or file) or a known name ("
                    + String.join(", ", new java.util.TreeSet<>(SHORT_NAMES.keySet())) + ")");
        }
        return new Repository(id == null || id.isEmpty() ? "repo" + Integer.toHexString(url.hashCode()) : id, url);
    }
}
