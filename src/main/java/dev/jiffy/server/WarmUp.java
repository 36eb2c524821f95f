package dev.jiffy.server;

import dev.jiffy.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Builds a few small programs in a cache of its own before the server listens, so that the
 * first request finds javac's and jiffy's classes loaded and their hot methods compiled.
 */
final class WarmUp {
    private static final int ROUNDS = 5;

    private WarmUp() {}

    static void run() throws IOException {
        Path dir = Files.createTempDirectory("jiffy-warm-up");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < ROUNDS; i++) {
                Files.writeString(dir.resolve("Warm.java"), "import java.util.*;\npublic class Warm {\n"
                        + "    public static void main(String[] args) {\n        List<String> l = new ArrayList<>(List.of(args));\n"
                        + "        System.out.println(l.size() + " + i + ");\n    }\n}\n");
                new Main(quiet, quiet, Map.of("JIFFY_CACHE", dir.resolve("cache").toString(), "HOME", dir.toString()), dir,
                        Clock.systemUTC()).run("build", "Warm.java");
            }
        } finally {
            dev.jiffy.cli.ScratchDirectory.remove(dir);
            System.gc();
        }
    }
}
