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
 * {@code alias@catalog} names the catalog by path, URL or a name its {@code catalogs} define.
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
     * @param catalog    the catalog file (for a catalog from a URL, its copy in the cache)
     * @param catalogUrl the URL the catalog came from, which its relative {@code script-ref}s are
     *                   relative to; null for a local catalog
     */
    public record Alias(String name, String scriptRef, List<String> arguments, List<String> javaOptions,
            Map<String, String> properties, List<Directives.Directive> directives, String main, List<String> ignored,
            Path catalog, String catalogUrl) {
        /** The catalog as messages name it: its URL, else its path. */
        public String where() {
            return catalogUrl != null ? catalogUrl : catalog.toString();
        }
    }

    /** Gets the copy of a catalog at a URL; the caller checks that the URL is trusted. */
    @FunctionalInterface
    public interface Fetcher {
        Path fetch(String url) throws CatalogException;

        Fetcher NONE = url -> {
            throw new CatalogException(url + ": catalogs by URL are not read here");
        };
    }

    /** A catalog to read: the file, and the URL it is a copy of (or null). */
    private record Source(Path file, String url) {
        String where() {
            return url != null ? url : file.toString();
        }
    }

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

    /** As {@link #find(String, Path, Map, Fetcher)}, reading no catalog from a URL. */
    public static Alias find(String name, Path cwd, Map<String, String> env) throws CatalogException {
        return find(name, cwd, env, Fetcher.NONE);
    }

    /**
     * The nearest definition of {@code name}; null if no catalog has it. {@code alias@catalog}
     * looks in that catalog only: a {@code jbang-catalog.json} or a directory holding one, relative
     * to {@code cwd}; a URL; or a name that the {@code catalogs} of a catalog here define.
     */
    public static Alias find(String name, Path cwd, Map<String, String> env, Fetcher fetcher) throws CatalogException {
        List<Source> sources = candidates(cwd, env).stream().map(f -> new Source(f, null)).toList();
        int sep = name.indexOf('@');
        if (sep > 0) {
            String ref = name.substring(sep + 1);
            Source catalog = locate(ref, cwd, sources, fetcher);
            if (catalog == null) {
                throw new CatalogException(name + ": " + ref + " is no catalog here (not a jbang-catalog.json, its"
                        + " directory, a URL, or a name in the catalogs of a jbang-catalog.json here)");
            }
            name = name.substring(0, sep);
            sources = List.of(catalog);
        }
        for (Source source : sources) {
            Map<String, Object> root = read(source);
            if (root != null && root.get("aliases") instanceof Map<?, ?> aliases && aliases.get(name) instanceof Map<?, ?> alias) {
                Object ref = alias.get("script-ref");
                if (!(ref instanceof String scriptRef) || scriptRef.isBlank()) {
                    throw new CatalogException(source.where() + ": alias \"" + name + "\" has no script-ref");
                }
                return alias(name, scriptRef, alias, source);
            }
        }
        return null;
    }

    /**
     * The catalog {@code ref} names: a URL, a path, or a name in the {@code catalogs} of the
     * nearest catalog that has it ({@code "catalogs": {"name": {"catalog-ref": "url or path"}}},
     * a path relative to that catalog); null if none.
     */
    private static Source locate(String ref, Path cwd, List<Source> here, Fetcher fetcher) throws CatalogException {
        if (ref.startsWith("https://") || ref.startsWith("http://")) {
            String url = ref.endsWith("/") ? ref + "jbang-catalog.json" : ref;
            return new Source(fetcher.fetch(url), url);
        }
        Path catalog = cwd.resolve(ref).normalize();
        if (Files.isDirectory(catalog)) {
            catalog = catalog.resolve("jbang-catalog.json");
        }
        if (Files.isRegularFile(catalog)) {
            return new Source(catalog, null);
        }
        for (Source source : here) {
            Map<String, Object> root = read(source);
            if (root != null && root.get("catalogs") instanceof Map<?, ?> catalogs && catalogs.get(ref) instanceof Map<?, ?> named) {
                if (!(named.get("catalog-ref") instanceof String target) || target.isBlank()) {
                    throw new CatalogException(source.where() + ": catalog \"" + ref + "\" has no catalog-ref");
                }
                Source found = locate(target, source.file().getParent(), List.of(), fetcher);
                if (found == null) {
                    throw new CatalogException(source.where() + ": catalog \"" + ref + "\": " + target + " is not there");
                }
                return found;
            }
        }
        return null;
    }

    /** A catalog's JSON; null if the file is not there. */
    private static Map<String, Object> read(Source source) throws CatalogException {
        if (!Files.isRegularFile(source.file())) {
            return null;
        }
        try {
            return JSON.std.mapFrom(Files.readString(source.file()));
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            java.util.regex.Matcher at = AT.matcher(message);
            throw new CatalogException(source.where() + (at.find() ? ":" + at.group(1) + ":" + at.group(2) : "")
                    + ": not a JBang catalog (" + message.lines().findFirst().orElse("") + ")");
        }
    }

    private static Alias alias(String name, String scriptRef, Map<?, ?> alias, Source source) {
        List<String> javaOptions = new ArrayList<>(strings(alias.get("runtime-options")));
        javaOptions.addAll(strings(alias.get("java-options")));
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        if (alias.get("properties") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        }
        List<Directives.Directive> directives = new ArrayList<>();
        String where = source.where();
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
                List.copyOf(directives), main == null ? null : String.valueOf(main), List.copyOf(ignored), source.file(),
                source.url());
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
