package dev.jiffy.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The files a test JVM read, as the JDK's own flight recorder sees them: every
 * {@code jdk.FileRead} event, with no threshold, recorded into a file the JVM writes as it
 * exits. A JVM that did not exit normally (a crash, a kill) leaves no recording, and a result
 * without one is never cached.
 */
final class FileReads {
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="jiffy test reads">
              <event name="jdk.FileRead">
                <setting name="enabled">true</setting>
                <setting name="stackTrace">false</setting>
                <setting name="threshold">0 ms</setting>
              </event>
            </configuration>
            """;

    private FileReads() {}

    /** The test JVM's options that record its reads into {@code temp}. */
    static List<String> jvmOptions(Path temp) throws IOException {
        Path settings = Files.writeString(temp.resolve("reads.jfc"), SETTINGS);
        return List.of("-XX:StartFlightRecording=filename=" + temp.resolve("reads.jfr") + ",settings=" + settings,
                "-Xlog:jfr+startup=error");
    }

    /** The files read, or null when the JVM wrote no recording. */
    static Set<Path> read(Path temp) throws IOException {
        Path recording = temp.resolve("reads.jfr");
        if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
            return null;
        }
        Set<Path> paths = new TreeSet<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jdk.FileRead") && e.hasField("path")) {
                String path = e.getString("path");
                if (path != null && !path.isEmpty()) {
                    paths.add(Path.of(path).toAbsolutePath().normalize());
                }
            }
        }
        return paths;
    }
}
