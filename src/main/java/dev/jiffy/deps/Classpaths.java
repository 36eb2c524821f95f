package dev.jiffy.deps;

import java.nio.charset.StandardCharsets;

/**
 * A project's two class paths, as Maven gives them: javac's (compile, provided and system scopes)
 * and the program's as {@code exec:java} runs it (compile and runtime scopes). Stored as the two
 * resolutions one after the other, the runtime one after a line of its own.
 */
public record Classpaths(Resolution compile, Resolution runtime) {
    private static final String RUNTIME = "jiffy runtime class path\n";

    public byte[] encode() {
        return (new String(compile.encode(), StandardCharsets.UTF_8) + RUNTIME
                + new String(runtime.encode(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** The class paths stored by {@link #encode}; null if they do not parse. */
    public static Classpaths decode(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int split = text.indexOf(RUNTIME);
        if (split < 0) {
            return null;
        }
        Resolution compile = Resolution.decode(text.substring(0, split).getBytes(StandardCharsets.UTF_8));
        Resolution runtime = Resolution.decode(text.substring(split + RUNTIME.length()).getBytes(StandardCharsets.UTF_8));
        return compile == null || runtime == null ? null : new Classpaths(compile, runtime);
    }

    public boolean filesPresent() {
        return compile.filesPresent() && runtime.filesPresent();
    }
}
