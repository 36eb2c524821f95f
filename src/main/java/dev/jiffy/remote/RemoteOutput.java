package dev.jiffy.remote;

/**
 * One output file of a remote action result: REAPI's {@code OutputFile}. jiffy's actions have one
 * output each; an executable's path is its program name, other content is named {@link #CONTENT}.
 */
public record RemoteOutput(String path, Digest digest, boolean executable) {
    /** The path jiffy gives an output that is not an executable (a compile output). */
    public static final String CONTENT = "content";

    public RemoteOutput {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("output file without a path");
        }
        java.util.Objects.requireNonNull(digest, "digest");
    }
}
