package dev.jiffy.work;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Flattens dependency jars into the program's own entries: the program wins over its
 * dependencies and earlier jars over later ones (the class-path order), {@code META-INF/services}
 * files are merged, signatures and module descriptors are dropped (they would not match the
 * new jar), and {@code Multi-Release} is kept when any jar had it.
 */
final class FatJar {
    /** The merged entries, whether any input was multi-release, and the classes that came twice. */
    record Merged(Map<String, byte[]> entries, boolean multiRelease, List<String> duplicates) {}

    private FatJar() {}

    static Merged merge(Map<String, byte[]> program, List<Path> jars) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(program);
        Map<String, Set<String>> services = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : program.entrySet()) {
            if (isService(e.getKey())) {
                addServiceLines(services, e.getKey(), e.getValue());
            }
        }
        boolean multiRelease = false;
        List<String> duplicates = new ArrayList<>();
        for (Path jarPath : jars) {
            if (Files.isDirectory(jarPath)) {
                // A class directory (--cp dir): its files by their paths below it.
                List<Path> files;
                try (Stream<Path> walk = Files.walk(jarPath)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String name = jarPath.relativize(file).toString().replace('\\', '/');
                    if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        multiRelease |= multiRelease(new Manifest(new java.io.ByteArrayInputStream(Files.readAllBytes(file))));
                    }
                    add(name, Files.readAllBytes(file), jarPath, entries, services, duplicates);
                }
                continue;
            }
            try (JarFile jar = new JarFile(jarPath.toFile(), false)) {
                multiRelease |= multiRelease(jar.getManifest());
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    if (e.isDirectory()) {
                        continue;
                    }
                    try (InputStream in = jar.getInputStream(e)) {
                        add(e.getName(), in.readAllBytes(), jarPath, entries, services, duplicates);
                    }
                }
            }
        }
        services.forEach((name, lines) -> entries.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Merged(entries, multiRelease, duplicates);
    }

    private static boolean multiRelease(Manifest mf) {
        return mf != null && "true".equalsIgnoreCase(mf.getMainAttributes().getValue("Multi-Release"));
    }

    /** One entry of a jar or class directory: kept unless dropped or already there; a service file's lines merged. */
    private static void add(String name, byte[] content, Path from, Map<String, byte[]> entries,
            Map<String, Set<String>> services, List<String> duplicates) {
        if (dropped(name)) {
            return;
        }
        if (isService(name)) {
            addServiceLines(services, name, content);
        } else if (entries.putIfAbsent(name, content) != null && name.endsWith(".class")) {
            duplicates.add(name + " (kept the first, skipped " + from.getFileName() + ")");
        }
    }

    /**
     * JVM options for what a jar's manifest asks of the launcher ({@code java -jar} would honour
     * them; a class-path launch does not): Add-Opens, Add-Exports, Enable-Native-Access.
     */
    static List<String> launchOptions(Path jarPath) throws IOException {
        List<String> options = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile(), false)) {
            Manifest mf = jar.getManifest();
            if (mf == null) {
                return options;
            }
            Attributes a = mf.getMainAttributes();
            for (String p : words(a.getValue("Add-Opens"))) {
                options.add("--add-opens=" + p + "=ALL-UNNAMED");
            }
            for (String p : words(a.getValue("Add-Exports"))) {
                options.add("--add-exports=" + p + "=ALL-UNNAMED");
            }
            if ("ALL-UNNAMED".equals(a.getValue("Enable-Native-Access"))) {
                options.add("--enable-native-access=ALL-UNNAMED");
            }
        }
        return options;
    }

    /** The jar's {@code Launcher-Agent-Class}, which only {@code java -jar} starts; null if it names none. */
    static String launcherAgent(Path jarPath) throws IOException {
        try (JarFile jar = new JarFile(jarPath.toFile(), false)) {
            Manifest mf = jar.getManifest();
            String agent = mf == null ? null : mf.getMainAttributes().getValue("Launcher-Agent-Class");
            return agent == null || agent.isBlank() ? null : agent.strip();
        }
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    private static boolean isService(String name) {
        return name.startsWith("META-INF/services/") && name.indexOf('/', "META-INF/services/".length()) < 0;
    }

    private static void addServiceLines(Map<String, Set<String>> services, String name, byte[] content) {
        Set<String> lines = services.computeIfAbsent(name, k -> new LinkedHashSet<>());
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                lines.add(l);
            }
        }
    }

    /** The manifest (ours replaces it), signatures, and module descriptors. */
    private static boolean dropped(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("META-INF/MANIFEST.MF") || upper.equals("META-INF/INDEX.LIST")) {
            return true;
        }
        if (upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                        || upper.startsWith("META-INF/SIG-"))) {
            return true;
        }
        return name.equals("module-info.class") || (name.startsWith("META-INF/versions/") && name.endsWith("/module-info.class"));
    }
}
