package dev.jiffy.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The launcher protocol: bin/jiffy starts jiffy's JVM with {@code JIFFY_HANDOFF=3} and fd 3 a
 * pipe it reads; sh text written there is evaluated by the launcher after the JVM exits with 0,
 * so the program replaces the launcher's shell ({@code exec}) instead of running under this JVM.
 * The compile server gives each request a file instead ({@code JIFFY_HANDOFF=/path}), and sends
 * its text to the launcher with the exit status.
 */
public final class Handoff {
    private final String target;

    private Handoff(String target) {
        this.target = target;
    }

    /** The hand-off channel named by the environment, or null when jiffy was started without bin/jiffy. */
    public static Handoff from(Map<String, String> env) {
        String fd = env.get("JIFFY_HANDOFF");
        if (fd != null && fd.startsWith("/")) {
            return new Handoff(fd);
        }
        return fd != null && fd.length() == 1 && fd.charAt(0) >= '3' && fd.charAt(0) <= '9' ? new Handoff("/dev/fd/" + fd) : null;
    }

    public void send(String shText) throws IOException {
        try (FileOutputStream out = new FileOutputStream(target, true)) {
            out.write(shText.getBytes(StandardCharsets.UTF_8));
        }
    }
}
