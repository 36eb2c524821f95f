package dev.jiffy.server;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compile server through the real launcher: a miss after the first is built by the server,
 * to the same executable an in-process build makes; and each fault (killed mid-request, hung,
 * out of memory, gone with its files left, another user's FIFO, an older jiffy build, two
 * servers started at once) ends in the right output with at most one warning line. Waits are
 * for a state (a pid file, a request taken), never for a time.
 */
class CompileServerIT {
    private static final String WARNING = "jiffy: warning: the compile server";

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy().with("JIFFY_DAEMON", "1").with("JIFFY_DAEMON_IDLE", "10m");

    /** Stops the servers of this test's cache, listening or still starting (a launcher starts one a second late). */
    @AfterEach
    void stopServers() throws Exception {
        jiffy.run("daemon", "stop");
        String cache = sandbox.cache().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(cache)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    private static String program(String text) {
        return "public class App { public static void main(String[] a) { System.out.println(\"" + text
                + " \" + String.join(\",\", a)); } }\n";
    }

    /** The pid the server's status shows, once it listens. */
    private long awaitServer() throws Exception {
        for (int i = 0; i < 600; i++) {
            Result status = jiffy.run("daemon", "status");
            Optional<String> pid = status.out().lines().filter(l -> l.startsWith("pid ")).findFirst();
            if (pid.isPresent()) {
                return Long.parseLong(pid.get().substring(4).strip());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no compile server came up: " + jiffy.run("daemon", "status"));
    }

    private long builds() throws Exception {
        return jiffy.run("daemon", "status").out().lines().filter(l -> l.startsWith("builds ")).findFirst()
                .map(l -> Long.parseLong(l.substring(7).strip())).orElse(-1L);
    }

    private Path serverDir() throws IOException {
        try (Stream<Path> walk = Files.walk(sandbox.cache().resolve("daemon"))) {
            return walk.filter(p -> p.getFileName().toString().equals("server.lock")).findFirst().orElseThrow().getParent();
        }
    }

    private static void awaitGone(long pid) throws Exception {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    @Test
    void aMissAfterTheFirstIsBuiltByTheServerToTheSameExecutable() throws Exception {
        write(work.resolve("App.java"), program("one"));
        assertThat(jiffy.run("run", "App.java", "a")).printed("one a\n");
        long pid = awaitServer();

        write(work.resolve("App.java"), program("two"));
        Result served = jiffy.run("run", "-x", "App.java", "b");
        assertThat(served).printed("two b\n").compiled();
        assertThat(builds()).isEqualTo(1);
        Result inProcess = jiffy.with("JIFFY_DAEMON", "0").run("run", "-x", "-a", "App.java", "c");
        assertThat(inProcess).printed("two c\n").compiled();
        assertThat(inProcess.executable()).as("the same output ID either way").isEqualTo(served.executable());

        assertThat(jiffy.run("build", "App.java")).as("javac's errors reach the client's stderr").exitedWith(0);
        write(work.resolve("Bad.java"), "class Bad { int x = \"no\"; }\n");
        Result bad = jiffy.run("build", "Bad.java");
        assertThat(bad).exitedWith(1).stderrContains("Bad.java:1: error: incompatible types");
        assertThat(builds()).isEqualTo(3);
        assertThat(jiffy.runWithInput(program("piped").getBytes(StandardCharsets.UTF_8), "run", "-", "d"))
                .as("run - reads stdin in jiffy's own JVM").printed("piped d\n");
        assertThat(builds()).isEqualTo(3);
        assertThat(jiffy.run("run", "App.java", "-")).as("as does any command with a - argument").printed("two -\n");
        write(work.resolve("Out.java"), program("to a file"));
        Path log = work.resolve("out.log");
        assertThat(jiffy.exec(List.of("sh", "-c", "'" + Jiffy.LAUNCHER + "' run -x Out.java f > out.log 2>&1"), new byte[0]))
                .exitedWith(0);
        List<String> logged = Files.readAllLines(log);
        assertThat(logged).as("output for a regular file is copied out, not written at its own offset")
                .anyMatch(l -> l.startsWith("javac 1 file")).last().isEqualTo("to a file f");
        assertThat(builds()).isEqualTo(4);

        Result status = jiffy.run("daemon", "status");
        assertThat(status.out()).contains("pid      " + pid, "uptime ", "heap ", "rss ", "builds   4");
        assertThat(jiffy.run("daemon", "stop")).printed("stopped the compile server (pid " + pid + ")\n");
        assertThat(jiffy.run("daemon", "status")).printed("no compile server running\n");
        write(work.resolve("App.java"), program("three"));
        assertThat(jiffy.with("JIFFY_DAEMON", "0").run("run", "App.java", "e")).printed("three e\n");
        assertThat(jiffy.with("JIFFY_DAEMON", "0").run("daemon", "status"))
                .as("JIFFY_DAEMON=0 starts none").printed("no compile server running (JIFFY_DAEMON=0)\n");
    }

    /**
     * An edit that changes a method body is compiled alone by the server, against the other
     * files' classes; one that changes a constant other files copy compiles every file, and so
     * does {@code -a}. Either way the executable is the one a full build in jiffy's own JVM makes.
     */
    @Test
    void anEditIsCompiledIncrementallyByTheServerToTheSameExecutableAsAFullBuild() throws Exception {
        Path app = work.resolve("app");
        write(app.resolve("Main.java"), "public class Main { public static void main(String[] a) {"
                + " System.out.println(Lib.GREETING + \" \" + Lib.say() + \" \" + new Other()); } }\n");
        write(app.resolve("Lib.java"), "class Lib { static final String GREETING = \"hello\"; static String say() { return \"one\"; } }\n");
        write(app.resolve("Other.java"), "class Other { public String toString() { return \"other\"; } }\n");
        assertThat(jiffy.run("run", "app")).printed("hello one other\n");
        awaitServer();

        write(app.resolve("Lib.java"), "class Lib { static final String GREETING = \"hello\"; static String say() { return \"two\"; } }\n");
        assertThat(jiffy.run("run", "-x", "app")).printed("hello two other\n").compiled();
        write(app.resolve("Lib.java"), "class Lib { static final String GREETING = \"hello\"; static String say() { return \"three\"; } }\n");
        Result body = jiffy.run("run", "-x", "app");
        assertThat(body).printed("hello three other\n").stderrContains("javac 1 of 3 files: the other files' types are unchanged");
        Result full = jiffy.with("JIFFY_DAEMON", "0").run("run", "-x", "-a", "app");
        assertThat(full).printed("hello three other\n").compiled();
        assertThat(full.executable()).as("the same output ID either way").isEqualTo(body.executable());
        write(app.resolve("Lib.java"), "class Lib { static final String GREETING = \"hello\"; static String say() { return \"four\"; } }\n");
        Result rebuilt = jiffy.run("run", "-x", "-a", "app");
        assertThat(rebuilt).as("-a compiles every file, in the server too").printed("hello four other\n").compiled()
                .stderr().doesNotContain("javac 1 of");

        write(app.resolve("Lib.java"), "class Lib { static final String GREETING = \"hi\"; static String say() { return \"three\"; } }\n");
        Result constant = jiffy.run("run", "-x", "app");
        assertThat(constant).as("Main holds a copy of the constant: it is compiled again")
                .printed("hi three other\n").stderrContains("javac: all files: the types of Lib.java changed");
        Result fullAgain = jiffy.with("JIFFY_DAEMON", "0").run("run", "-x", "-a", "app");
        assertThat(fullAgain.executable()).isEqualTo(constant.executable());
    }

    @Test
    void aServerKilledMidRequestOrHungFallsBackWithOneWarning() throws Exception {
        write(work.resolve("App.java"), program("one"));
        assertThat(jiffy.run("run", "App.java")).printed("one \n");
        long pid = awaitServer();

        // A URL script whose server answers only when told: the request is taken, then the server dies.
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            asked.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = program("after kill").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        try {
            String prefix = "http://127.0.0.1:" + http.getAddress().getPort() + "/s/";
            Jiffy trusting = jiffy.with("HOME", sandbox.dir().resolve("home").toString()).with("XDG_CONFIG_HOME", null);
            assertThat(trusting.run("trust", "add", prefix)).exitedWith(0);
            Process client = trusting.start("run", prefix + "App.java", "x");
            asked.await();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            awaitGone(pid);
            answer.countDown();
            Result killed = Jiffy.finish(List.of("run", prefix + "App.java"), client, new byte[0]);
            assertThat(killed).printed("after kill x\n");
            assertThat(killed.errLines()).filteredOn(l -> l.startsWith(WARNING)).hasSize(1);
        } finally {
            http.stop(0);
        }

        // The fallback started a new server; stopped (SIGSTOP), it takes no request.
        long second = awaitServer();
        assertThat(second).isNotEqualTo(pid);
        ProcessBuilder stop = new ProcessBuilder("kill", "-STOP", Long.toString(second));
        assertThat(stop.start().waitFor()).isZero();
        try {
            write(work.resolve("App.java"), program("hung"));
            Result hung = jiffy.run("run", "App.java", "y");
            assertThat(hung).printed("hung y\n");
            assertThat(hung.errLines()).filteredOn(l -> l.startsWith(WARNING)).hasSize(1);
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(second)).start().waitFor();
        }
        // Continued, it finds the request's client gone and builds nothing for it.
        write(work.resolve("App.java"), program("continued"));
        Result next = jiffy.run("run", "App.java", "z");
        assertThat(next).printed("continued z\n");
        assertThat(next.errLines()).noneMatch(l -> l.startsWith(WARNING));
    }

    @Test
    void aServerOutOfMemoryExitsAndTheLauncherBuildsWithOneWarning() throws Exception {
        Jiffy small = jiffy.with("JIFFY_DAEMON_HEAP", "64m");
        write(work.resolve("App.java"), program("one"));
        assertThat(small.run("run", "App.java")).printed("one \n");
        long pid = awaitServer();

        // A 160 MB resource does not fit a 64 MB heap; jiffy's own JVM has the JDK's default.
        try (var out = Files.newOutputStream(work.resolve("big.bin"))) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 160; i++) {
                out.write(block);
            }
        }
        write(work.resolve("App.java"), "//FILES big.bin\n" + program("big"));
        Result big = small.run("build", "App.java");
        assertThat(big).exitedWith(0);
        assertThat(big.errLines()).filteredOn(l -> l.startsWith(WARNING)).hasSize(1);
        awaitGone(pid);
        assertThat(Files.readString(serverDir().resolve("server.log"))).contains("java.lang.OutOfMemoryError");
    }

    @Test
    void aRequestFifoOfAnotherUserIsNotWrittenTo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0), "only root can give a file away");
        write(work.resolve("App.java"), program("one"));
        assertThat(jiffy.run("run", "App.java")).printed("one \n");
        awaitServer();
        Path requests = serverDir().resolve("requests");
        Files.setOwner(requests, requests.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        write(work.resolve("App.java"), program("not served"));
        Result run = jiffy.run("run", "App.java");
        assertThat(run).printed("not served \n").stderr().doesNotContain(WARNING);
        assertThat(builds()).as("the launcher built in its own JVM").isZero();
    }

    @Test
    void leftoverFilesAnOlderBuildAndRacingStartsEndInTheRightOutputWithoutAWarning() throws Exception {
        write(work.resolve("App.java"), program("one"));
        assertThat(jiffy.run("run", "App.java")).printed("one \n");
        long pid = awaitServer();
        Path dir = serverDir();

        // Killed while idle: its pid file and FIFO stay behind.
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        awaitGone(pid);
        assertThat(dir.resolve("requests")).exists();
        write(work.resolve("App.java"), program("stale files"));
        Result stale = jiffy.run("run", "App.java");
        assertThat(stale).printed("stale files \n").stderr().doesNotContain(WARNING);

        // A newer jiffy build: the server answers stale, exits, and the launcher builds itself.
        long second = awaitServer();
        Path jar = Jiffy.ROOT.resolve("target/jiffy.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        write(work.resolve("App.java"), program("new build"));
        Result newer = jiffy.run("run", "App.java");
        assertThat(newer).printed("new build \n").stderr().doesNotContain(WARNING);
        awaitGone(second);
        write(work.resolve("App.java"), program("after"));
        assertThat(jiffy.run("run", "App.java")).printed("after \n").stderr().doesNotContain(WARNING);

        // Two servers started at once on one directory: one serves, the other leaves.
        long third = awaitServer();
        Process rival = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.jiffy.server.CompileServer", dir.toString())
                .redirectErrorStream(true).start();
        assertThat(rival.waitFor()).as("the second server finds the lock taken").isZero();
        assertThat(awaitServer()).isEqualTo(third);
        write(work.resolve("App.java"), program("raced"));
        Result raced = jiffy.run("run", "App.java");
        assertThat(raced).printed("raced \n").stderr().doesNotContain(WARNING);
    }
}
