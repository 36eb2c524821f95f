package dev.jiffy.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK that compiles and runs a program: jiffy runs on it, so its own properties describe it. */
public record Jdk(Path home, String vmVersion, String vendor, int feature) {

    /** The JDK this JVM runs on, with its home's real path so that symlinked installs agree. */
    public static Jdk current() {
        Path home = Path.of(System.getProperty("java.home"));
        try {
            home = home.toRealPath();
        } catch (IOException e) {
            // keep the path as the JVM reports it
        }
        return new Jdk(home, System.getProperty("java.vm.version"), System.getProperty("java.vendor"),
                Runtime.version().feature());
    }

    public Path javaBinary() {
        return home.resolve("bin").resolve("java");
    }

    /** True if {@code otherHome} is this JDK's home (or a link to it). */
    public boolean isHome(Path otherHome) {
        try {
            return otherHome.toRealPath().equals(home);
        } catch (IOException e) {
            return false;
        }
    }

    /** A readable line for action IDs. */
    String describe() {
        return home + " " + vmVersion + " " + vendor;
    }

    boolean exists() {
        return Files.isExecutable(javaBinary());
    }
}
