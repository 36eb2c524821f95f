package dev.jiffy.deps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's two class paths, as Maven gives them: javac's (compile, provided and system scopes)
 * and the program's as {@code exec:java} runs it (compile and runtime scopes), with the modules
 * of the reactor on each named apart, by {@code groupId:artifactId:version}, since they are
 * compiled from source rather than found in a repository. Stored as the two resolutions one after
 * the other, each after a line of its own, then one line per module.
 */
public record Classpaths(Resolution compile, Resolution runtime, List<String> compileModules,
        List<String> runtimeModules) {
    private static final String RUNTIME = "jiffy runtime class path\n";
    private static final String MODULES = "jiffy reactor modules\n";

    public static final Classpaths EMPTY = new Classpaths(Resolution.EMPTY, Resolution.EMPTY, List.of(), List.of());

    public byte[] encode() {
        StringBuilder b = new StringBuilder(new String(compile.encode(), StandardCharsets.UTF_8)).append(RUNTIME)
                .append(new String(runtime.encode(), StandardCharsets.UTF_8)).append(MODULES);
        compileModules.forEach(m -> b.append("compile ").append(m).append('\n'));
        runtimeModules.forEach(m -> b.append("runtime ").append(m).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The class paths stored by {@link #encode}; null if they do not parse. */
    public static Classpaths decode(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int split = text.indexOf(RUNTIME);
        int modules = text.indexOf(MODULES);
        if (split < 0 || modules < split) {
            return null;
        }
        Resolution compile = Resolution.decode(text.substring(0, split).getBytes(StandardCharsets.UTF_8));
        Resolution runtime = Resolution.decode(text.substring(split + RUNTIME.length(), modules)
                .getBytes(StandardCharsets.UTF_8));
        List<String> compileModules = new ArrayList<>();
        List<String> runtimeModules = new ArrayList<>();
        for (String line : text.substring(modules + MODULES.length()).split("\n")) {
            if (line.startsWith("compile ")) {
                compileModules.add(line.substring("compile ".length()));
            } else if (line.startsWith("runtime ")) {
                runtimeModules.add(line.substring("runtime ".length()));
            } else if (!line.isEmpty()) {
                return null;
            }
        }
        return compile == null || runtime == null ? null
                : new Classpaths(compile, runtime, List.copyOf(compileModules), List.copyOf(runtimeModules));
    }

    public boolean filesPresent() {
        return compile.filesPresent() && runtime.filesPresent();
    }
}
