package dev.jiffy.deps;

/**
 * A Maven coordinate as JBang writes it: {@code group:artifact:version[:classifier][@type]}; for
 * {@code jiffy tool} the version may be left out ({@code group:artifact}).
 */
public record Coordinate(String groupId, String artifactId, String version, String classifier, String type) {

    /** Parses {@code text}; the message of the exception says what is wrong, for one line to the user. */
    public static Coordinate parse(String text, boolean versionRequired) {
        String body = text;
        String type = "jar";
        int at = body.indexOf('@');
        if (at >= 0) {
            type = body.substring(at + 1);
            body = body.substring(0, at);
            if (type.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\": empty type after @");
            }
        }
        String[] parts = body.split(":", -1);
        if (parts.length < 2 || parts.length > 4 || (versionRequired && parts.length < 3)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a Maven coordinate (group:artifact:version[:classifier][@type])");
        }
        for (String p : parts) {
            if (p.isEmpty() || p.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '\\')) {
                throw new IllegalArgumentException("\"" + text + "\" is not a Maven coordinate (group:artifact:version[:classifier][@type])");
            }
        }
        return new Coordinate(parts[0], parts[1], parts.length > 2 ? parts[2] : null, parts.length > 3 ? parts[3] : null, type);
    }

    public boolean isSnapshot() {
        return version != null && version.endsWith("-SNAPSHOT");
    }

    /** A version the repository can change under the same name: none given, a range, a SNAPSHOT, LATEST/RELEASE. */
    public boolean isDynamic() {
        return version == null || isSnapshot() || version.startsWith("[") || version.startsWith("(")
                || version.equals("LATEST") || version.equals("RELEASE");
    }

    public Coordinate withVersion(String v) {
        return new Coordinate(groupId, artifactId, v, classifier, type);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + (version == null ? "" : ":" + version) + (classifier == null ? "" : ":" + classifier)
                + (type.equals("jar") ? "" : "@" + type);
    }
}
