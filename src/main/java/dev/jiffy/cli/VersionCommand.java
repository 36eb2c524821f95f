package dev.jiffy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code jiffy version}: jiffy's version and the JDK it runs on, like {@code go version}. */
final class VersionCommand {
    private final PrintStream out;

    VersionCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException {
        if (!args.isEmpty()) {
            throw new UsageException("version takes no arguments here");
        }
        out.println("jiffy " + version() + " java " + System.getProperty("java.version") + " "
                + System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch"));
        return 0;
    }

    /** The version Maven wrote into the jar at build time. */
    static String version() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/dev/jiffy/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p.getProperty("version", "devel");
    }
}
