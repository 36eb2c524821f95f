package dev.jiffy.cli;

import static dev.jiffy.cli.Reliability.assertNoStackTrace;
import static dev.jiffy.cli.Reliability.assertRan;
import static dev.jiffy.cli.Reliability.output;
import static dev.jiffy.cli.Reliability.program;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import dev.jiffy.remote.ActionResultCodec;
import dev.jiffy.remote.RemoteOutput;
import dev.jiffy.remote.ScriptedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A remote cache that lies, and the upload opt-in. {@code RemoteFaultIT} covers a server that
 * fails, refuses or sends bytes that do not match their digest; here the server answers with
 * well-formed entries that name the wrong thing: another program's executable under its own,
 * correct digest, or a path that would leave the cache. The right program runs all the same.
 * And without {@code JIFFY_REMOTE_UPLOAD=1} nothing is ever sent to the server.
 */
@Tag(Reliability.TAG)
class ReliabilityRemoteIT {
    /** What CI uploaded for two programs whose main classes have the same name, app.Main. */
    static final Map<String, byte[]> UPLOADED = new HashMap<>();
    /** The link (executable) action result of each program, by program name. */
    static final Map<String, String> LINK = new HashMap<>();

    @RegisterExtension
    static final Sandbox shared = new Sandbox();
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    ScriptedServer server;

    @BeforeAll
    static void upload() throws Exception {
        try (ScriptedServer ci = ScriptedServer.start()) {
            for (String name : List.of("alpha", "beta")) {
                Map<String, byte[]> before = new HashMap<>(ci.store());
                Result r = machine(shared, "ci-" + name, ci.url("cache")).with("JIFFY_REMOTE_UPLOAD", "1")
                        .run("run", name, "ci");
                assertRan(r, output(name, 3, "ci"), 0);
                for (Map.Entry<String, byte[]> e : ci.store().entrySet()) {
                    if (!before.containsKey(e.getKey()) && e.getKey().contains("/ac/")
                            && ActionResultCodec.decode(e.getValue()).get(0).executable()) {
                        LINK.put(name, e.getKey());
                    }
                }
            }
            UPLOADED.putAll(ci.store());
        }
        assertThat(LINK).containsOnlyKeys("alpha", "beta");
    }

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedServer.start();
        server.store().putAll(UPLOADED);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A machine in {@code sandbox} with its own cache and both programs, using the remote at {@code url}. */
    static Jiffy machine(Sandbox sandbox, String name, String url) throws Exception {
        Jiffy machine = sandbox.machine(name).with("JIFFY_REMOTE_CACHE", url);
        program(machine.cwd().resolve("alpha"), "alpha", 3, 0);
        program(machine.cwd().resolve("beta"), "beta", 3, 0);
        return machine;
    }

    /** The control: the same set-up with nothing poisoned is a remote hit for both programs. */
    @Test
    void anHonestServerIsAHit() throws Exception {
        Jiffy dev = machine(sandbox, "dev", server.url("cache"));
        for (String name : List.of("alpha", "beta")) {
            Result r = dev.run("run", "-x", name, "dev");
            assertRan(r, output(name, 3, "dev"), 0);
            assertThat(r).didNotCompile().stderrLinesStartingWith("jiffy:").isEmpty();
        }
    }

    @Test
    void anotherProgramsExecutableUnderItsOwnDigestIsNotRun() throws Exception {
        // alpha's link action now names beta's executable: a well-formed entry, bytes matching their digest.
        server.store().put(LINK.get("alpha"), UPLOADED.get(LINK.get("beta")));
        Jiffy dev = machine(sandbox, "dev", server.url("cache"));
        Result r = dev.run("run", "-x", "alpha", "dev");
        assertRan(r, output("alpha", 3, "dev"), 0);
        assertThat(r).stderrLinesStartingWith("jiffy:").singleElement().asString().contains("was not built for alpha");
        // Rebuilt locally; from now on the local entry is alpha's own.
        Result again = dev.run("run", "-x", "alpha", "again");
        assertRan(again, output("alpha", 3, "again"), 0);
        assertThat(again).stderrLinesStartingWith("jiffy:").isEmpty();
        assertRan(dev.run("run", "beta", "dev"), output("beta", 3, "dev"), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../escape", "/tmp/escape"})
    void anExecutablePathThatLeavesTheCacheIsAMiss(String path) throws Exception {
        RemoteOutput honest = ActionResultCodec.decode(UPLOADED.get(LINK.get("alpha"))).get(0);
        server.store().put(LINK.get("alpha"),
                ActionResultCodec.encode(List.of(new RemoteOutput(path, honest.digest(), true))));
        Jiffy dev = machine(sandbox, "dev", server.url("cache"));
        Result r = dev.run("run", "-x", "alpha", "dev");
        assertRan(r, output("alpha", 3, "dev"), 0);
        assertThat(r).stderrLinesStartingWith("jiffy:").singleElement().asString().startsWith("jiffy: warning: remote cache ")
                .contains("bad program name");
        try (Stream<Path> all = Files.walk(sandbox.dir())) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("escape")).toList()).isEmpty();
        }
        assertThat(Path.of("/tmp/escape")).doesNotExist();
    }

    /** Anything but 1 (or true) uploads nothing: the server sees only reads, whatever the command. */
    @ParameterizedTest
    @ValueSource(strings = {"unset", "0", "false"})
    void withoutTheOptInNothingIsUploaded(String upload) throws Exception {
        server.store().clear();
        Jiffy dev = machine(sandbox, "dev", server.url("cache"));
        if (!upload.equals("unset")) {
            dev = dev.with("JIFFY_REMOTE_UPLOAD", upload);
        }
        assertRan(dev.run("run", "alpha", "one"), output("alpha", 3, "one"), 0);
        assertRan(dev.run("run", "-a", "beta", "two"), output("beta", 3, "two"), 0);
        assertThat(server.requestLines()).isNotEmpty().allMatch(l -> l.startsWith("GET "));
        assertThat(server.store()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "off", "yes please"})
    void anOptInThatIsNotOneOrZeroIsAUsageError(String upload) throws Exception {
        Jiffy dev = machine(sandbox, "dev", server.url("cache")).with("JIFFY_REMOTE_UPLOAD", upload);
        Result r = dev.run("run", "alpha", "never");
        assertThat(r).exitedWith(2).printed("").stderrLines().first()
                .isEqualTo("jiffy: JIFFY_REMOTE_UPLOAD=" + upload + ": expected 1 (on) or 0 (off)");
        assertNoStackTrace(r);
        assertThat(server.requests()).isEmpty();
    }

    /** The control for the two above: with the opt-in, and not offline, the same runs upload. */
    @Test
    void withTheOptInAndOnlineTheRunsUpload() throws Exception {
        server.store().clear();
        Jiffy dev = machine(sandbox, "dev", server.url("cache")).with("JIFFY_REMOTE_UPLOAD", "1");
        assertRan(dev.run("run", "-offline", "alpha", "offline"), output("alpha", 3, "offline"), 0);
        assertThat(server.requests()).as("-offline touches no network, uploads included").isEmpty();
        assertRan(dev.run("run", "-a", "alpha", "one"), output("alpha", 3, "one"), 0);
        assertThat(server.requestLines()).anyMatch(l -> l.startsWith("PUT /cache/ac/"));
    }
}
