package dev.jiffy.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The options a project keeps in {@code .mvn/maven.config}, which {@code mvn} reads as if they
 * were given on its command line: {@code -Dname=value} (a user property, as CI-friendly
 * {@code ${revision}} versions use) and {@code -Pa,!b} (profiles on and off). The file is found in
 * the nearest directory at or above the project that has a {@code .mvn} directory, as Maven finds
 * its project root. Other options do not change what is built, and are ignored.
 *
 * @param file       the file read, or null when there is none
 * @param extensions {@code .mvn/extensions.xml} beside it, or null: build extensions, which
 *                   jiffy does not run (some set versions or properties)
 */
public record MavenConfig(Path file, Properties userProperties, List<String> activeProfiles,
        List<String> inactiveProfiles, Path extensions) {
    public static final MavenConfig NONE = new MavenConfig(null, new Properties(), List.of(), List.of(), null);

    /** The config of the project whose pom is {@code pom}. */
    public static MavenConfig of(Path pom) throws ProjectException {
        for (Path dir = pom.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                Path file = dir.resolve(".mvn/maven.config");
                Path extensions = dir.resolve(".mvn/extensions.xml");
                MavenConfig config = Files.isRegularFile(file) ? read(file) : NONE;
                return Files.isRegularFile(extensions) ? new MavenConfig(config.file(), config.userProperties(),
                        config.activeProfiles(), config.inactiveProfiles(), extensions) : config;
            }
        }
        return NONE;
    }

    static MavenConfig read(Path file) throws ProjectException {
        List<String> words = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                for (String word : line.strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word.length() > 1 && word.startsWith("\"") && word.endsWith("\"")
                                ? word.substring(1, word.length() - 1) : word);
                    }
                }
            }
        } catch (IOException e) {
            throw new ProjectException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        Properties user = new Properties();
        List<String> active = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String value = null;
            if (w.equals("-D") || w.equals("-P")) {
                if (i + 1 == words.size()) {
                    throw new ProjectException(file + ": " + w + " needs a value after it");
                }
                value = words.get(++i);
            } else if (w.startsWith("-D") || w.startsWith("-P")) {
                value = w.substring(2);
            }
            if (w.startsWith("-D") && value != null) {
                int eq = value.indexOf('=');
                // As Maven does, -Dname alone sets name to "true".
                user.setProperty(eq < 0 ? value : value.substring(0, eq), eq < 0 ? "true" : value.substring(eq + 1));
            } else if (w.startsWith("-P") && value != null) {
                for (String p : value.split(",")) {
                    String id = p.strip();
                    if (id.startsWith("!") || id.startsWith("-")) {
                        inactive.add(id.substring(1));
                    } else if (!id.isEmpty()) {
                        active.add(id.startsWith("+") ? id.substring(1) : id);
                    }
                }
            }
        }
        return new MavenConfig(file, user, List.copyOf(active), List.copyOf(inactive), null);
    }
}
