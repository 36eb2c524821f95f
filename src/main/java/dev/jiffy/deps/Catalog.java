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
 * arguments put before the user's, JVM options ({@code runtime-options}, JBang's key, or the
 * older {@code java-options}), system properties, and what directives would say:
 * {@code dependencies}, {@code repositories}, {@code java}, {@code compile-options},
 * {@code main}. A field jiffy does not use is named in {@code ignored}, never silently dropped.
 */
public final class Catalog {
    /** The fields of an alias that jiffy reads; {@code description} only describes it. */
    private static final java.util.Set<String> READ = java.util.Set.of("script-ref", "description", "arguments",
            "runtime-options", "java-options", "properties", "dependencies", "repositories", "java", "compile-options",
            "main", "enable-preview");
    /** Where jackson says a parse failed: {@code line: 3, column: 7}. */
    private static final java.util.regex.Pattern AT = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)");

    /**
     * One alias, with the catalog file it came from.
     *
     * @param directives what {@code dependencies}, {@code repositories}, {@code java} and
     *                   {@code compile-options} would say as directives (their "file" is the catalog)
     * @param main       {@code main}, or null
     * @param ignored    the alias's fields that jiffy does not use
     */
    public record Alias(String name, String scriptRef, List<String> arguments, List<String> javaOptions,
            Map<String, String> properties, List<Directives.Directive> directives, String main, List<String> ignored,
            Path catalog) {}

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

    /**
     * The nearest definition of {@code name}; null if no catalog has it. {@code alias@catalog}
     * looks in that catalog only: a {@code jbang-catalog.json} or a directory holding one, relative
     * to {@code cwd}.
     */
    public static Alias find(String name, Path cwd, Map<String, String> env) throws CatalogException {
        List<Path> files = candidates(cwd, env);
        int sep = name.indexOf('@');
        if (sep > 0) {
            String ref = name.substring(sep + 1);
            Path catalog = cwd.resolve(ref).normalize();
            if (Files.isDirectory(catalog)) {
                catalog = catalog.resolve("jbang-catalog.json");
            }
            if (ref.startsWith("http://") || ref.startsWith("https://") || !Files.isRegularFile(catalog)) {
                throw new CatalogException(name + ": " + ref + " is no catalog here (jiffy reads a catalog by its path:"
                        + " a jbang-catalog.json or its directory; not yet by URL or name)");
            }
            name = name.substring(0, sep);
            files = List.of(catalog);
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, Object> root;
            try {
                root = JSON.std.mapFrom(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                java.util.regex.Matcher at = AT.matcher(message);
                throw new CatalogException(file + (at.find() ? ":" + at.group(1) + ":" + at.group(2) : "")
                        + ": not a JBang catalog (" + message.lines().findFirst().orElse("") + ")");
            }
            if (root.get("aliases") instanceof Map<?, ?> aliases && aliases.get(name) instanceof Map<?, ?> alias) {
                Object ref = alias.get("script-ref");
                if (!(ref instanceof String scriptRef) || scriptRef.isBlank()) {
                    throw new CatalogException(file + ": alias \"" + name + "\" has no script-ref");
                }
                return alias(name, scriptRef, alias, file);
            }
        }
        return null;
    }

    private static Alias alias(String name, String scriptRef, Map<?, ?> alias, Path file) {
        List<String> javaOptions = new ArrayList<>(strings(alias.get("runtime-options")));
        javaOptions.addAll(strings(alias.get("java-options")));
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        if (alias.get("properties") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        }
        List<Directives.Directive> directives = new ArrayList<>();
        String where = file.toString();
        strings(alias.get("dependencies")).forEach(d -> directives.add(new Directives.Directive("DEPS", d, where, 0)));
        strings(alias.get("repositories")).forEach(d -> directives.add(new Directives.Directive("REPOS", d, where, 0)));
        if (alias.get("java") != null) {
            directives.add(new Directives.Directive("JAVA", String.valueOf(alias.get("java")), where, 0));
        }
        List<String> compile = strings(alias.get("compile-options"));
        if (!compile.isEmpty()) {
            directives.add(new Directives.Directive("JAVAC_OPTIONS", String.join(" ", compile), where, 0));
        }
        if (Boolean.TRUE.equals(alias.get("enable-preview"))) {
            directives.add(new Directives.Directive("PREVIEW", "", where, 0));
        }
        List<String> ignored = new ArrayList<>();
        alias.keySet().forEach(k -> {
            if (!READ.contains(String.valueOf(k))) {
                ignored.add(String.valueOf(k));
            }
        });
        Object main = alias.get("main");
        return new Alias(name, scriptRef, strings(alias.get("arguments")), List.copyOf(javaOptions), Map.copyOf(properties),
                List.copyOf(directives), main == null ? null : String.valueOf(main), List.copyOf(ignored), file);
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
