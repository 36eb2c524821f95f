package dev.jiffy.work;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds an installed JDK for {@code //JAVA}: in {@code JIFFY_JDKS} (a path list of JDK homes or
 * directories of them), {@code /usr/lib/jvm} and SDKMAN's candidates. A JDK's version is read
 * from its {@code release} file, so no JVM is started to ask.
 */
public final class Jdks {
    private Jdks() {}

    /** Where {@link #find} looks, in order. */
    public static List<Path> places(Map<String, String> env) {
        List<Path> places = new ArrayList<>();
        for (String p : env.getOrDefault("JIFFY_JDKS", "").split(":")) {
            if (!p.isEmpty()) {
                places.add(Path.of(p));
            }
        }
        places.add(Path.of("/usr/lib/jvm"));
        String home = env.getOrDefault("HOME", "");
        if (!home.isEmpty()) {
            places.add(Path.of(home, ".sdkman", "candidates", "java"));
        }
        return places;
    }

    /** The home of a JDK satisfying {@code wanted} ({@code 21} or {@code 17+}), the newest that fits; null if none. */
    public static Path find(String wanted, Map<String, String> env) throws IOException {
        boolean atLeast = wanted.endsWith("+");
        int version = Integer.parseInt(atLeast ? wanted.substring(0, wanted.length() - 1) : wanted);
        List<Path> homes = new ArrayList<>();
        for (Path place : places(env)) {
            if (feature(place) > 0) {
                homes.add(place);
            } else if (Files.isDirectory(place)) {
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(place)) {
                    dirs.forEach(homes::add);
                }
            }
        }
        return homes.stream()
                .filter(h -> Files.isExecutable(h.resolve("bin/javac")))
                .filter(h -> atLeast ? feature(h) >= version : feature(h) == version)
                .max(Comparator.comparingInt(Jdks::feature))
                .orElse(null);
    }

    /** The feature release in {@code <home>/release} (JAVA_VERSION="21.0.2" gives 21); 0 if unknown. */
    static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.startsWith("1.") ? v.substring(2) : v;
                    int end = 0;
                    while (end < first.length() && Character.isDigit(first.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(first.substring(0, end));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
