package dev.jiffy.work;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The executable format: a short POSIX sh header that runs the JDK it was built with (else
 * {@code JAVA_HOME}, else {@code java} on PATH) on itself as a class path, followed by a jar.
 * The JDK's zip reader finds the jar behind the header, so one file is both.
 */
public final class Executable {
    static final String BUILD_INFO = "META-INF/jiffy/build-info";

    private Executable() {}

    /**
     * With a {@code launcherAgent} (a tool jar's {@code Launcher-Agent-Class}), the manifest names
     * it and the header runs {@code java -jar}: only then does the JVM start that agent before main.
     */
    static byte[] write(String name, String mainClass, String launcherAgent, Jdk jdk, List<String> javaOptions,
            String buildInfo, Map<String, byte[]> classes, boolean multiRelease) throws IOException {
        String header = "#!/bin/sh\n"
                + "# " + name.replace('\n', ' ') + ": a Java program built by jiffy; a jar follows this header.\n"
                + "j=" + ShellQuote.quote(jdk.javaBinary().toString()) + "\n"
                + "[ -x \"$j\" ] || if [ -n \"${JAVA_HOME:-}\" ]; then j=$JAVA_HOME/bin/java; else j=java; fi\n"
                + "exec \"$j\" " + (javaOptions.isEmpty() ? "" : ShellQuote.join(javaOptions) + " ")
                + (launcherAgent == null ? "-cp \"$0\" " + ShellQuote.quote(mainClass) : "-jar \"$0\"") + " \"$@\"\n";
        String manifest = "Manifest-Version: 1.0\r\nCreated-By: jiffy\r\nMain-Class: " + mainClass + "\r\n"
                + (launcherAgent == null ? "" : "Launcher-Agent-Class: " + launcherAgent + "\r\n")
                + (multiRelease ? "Multi-Release: true\r\n" : "") + "\r\n";
        Map<String, byte[]> entries = new TreeMap<>(classes);
        entries.put(BUILD_INFO, buildInfo.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write(DeterministicJar.write(manifest, entries));
        return out.toByteArray();
    }

    /**
     * True if the executable's build info names {@code action}: a cache entry (a remote one above
     * all) that maps an action to another program's executable, whose bytes match their own
     * digest, is caught here. False too for an executable that vanished or is not a jar.
     */
    static boolean isBuiltFor(Path executable, dev.jiffy.cache.ActionId action) {
        try {
            String info = buildInfo(executable);
            return info != null && info.lines().anyMatch(l -> l.equals("action\t" + action));
        } catch (IOException e) {
            return false;
        }
    }

    /** The build info written into an executable, for {@code jiffy version -m}; null if it has none. */
    public static String buildInfo(Path executable) throws IOException {
        try (JarFile jar = new JarFile(executable.toFile())) {
            ZipEntry e = jar.getEntry(BUILD_INFO);
            if (e == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (java.util.zip.ZipException e) {
            return null;
        }
    }
}
