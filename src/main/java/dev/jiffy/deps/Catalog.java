package dev.jiffy.deps;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JBang's catalogs: {@code jbang-catalog.json} (or {@code .jbang/jbang-catalog.json}) in the
 * current directory and its parents, nearest first, then the user's {@code ~/.jbang} one, so a
 * team's existing catalog works. An alias names a script or coordinate ({@code script-ref}),
 * arguments put before the user's, and JVM options.
 */
public final class Catalog {
    /** One alias, with the catalog file it came from. */
    public record Alias(String name, String scriptRef, List<String> arguments, List<String> javaOptions, Path catalog) {}

    private Catalog() {}

    /** The catalog files that could define an alias for a command run in {@code cwd}, nearest first. */
    public static List<Path> candidates(Path cwd, Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            files.add(dir.resolve("jbang-catalog.json"));
            files.add(dir.resolve(".jbang").resolve("jbang-catalog.json"));
        }
        String home = env.getOrDefault("HOME", "");
        if (!home.isEmpty()) {
            files.add(Path.of(home, ".jbang", "jbang-catalog.json"));
        }
        return files;
    }

    /** The nearest definition of {@code name}; null if no catalog has it. */
    public static Alias find(String name, Path cwd, Map<String, String> env) throws CatalogException {
        for (Path file : candidates(cwd, env)) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, Object> root;
            try {
                root = JSON.std.mapFrom(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                throw new CatalogException(file + ": not a JBang catalog (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            if (root.get("aliases") instanceof Map<?, ?> aliases && aliases.get(name) instanceof Map<?, ?> alias) {
                Object ref = alias.get("script-ref");
                if (!(ref instanceof String scriptRef) || scriptRef.isBlank()) {
                    throw new CatalogException(file + ": alias \"" + name + "\" has no script-ref");
                }
                return new Alias(name, scriptRef, strings(alias.get("arguments")), strings(alias.get("java-options")), file);
            }
        }
        return null;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof String s && !s.isBlank()) {
            out.addAll(Words.split(s));
        }
        return out;
    }
}
