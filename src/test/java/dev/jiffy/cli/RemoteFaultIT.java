package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import dev.jiffy.remote.ScriptedServer;
import dev.jiffy.remote.ScriptedServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A remote cache that fails, through bin/jiffy: whatever the server does, the program is built
 * locally and runs right, with exactly one warning; credentials never show in any output.
 * A scripted server holds what a real upload put there, then misbehaves as each test asks.
 */
class RemoteFaultIT {
    /** How each of jiffy's warnings starts. */
    private static final String WARNING = "jiffy: warning:";
    /** What a CI run uploaded for Hello.java: the entries each test starts from. */
    static final Map<String, byte[]> UPLOADED = new HashMap<>();

    @RegisterExtension
    static final Sandbox shared = new Sandbox();
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    ScriptedServer server;

    @BeforeAll
    static void upload() throws Exception {
        try (ScriptedServer ci = ScriptedServer.start()) {
            Result r = machine(shared, "ci", ci.url("cache")).with("JIFFY_REMOTE_UPLOAD", "1")
                    .run("run", "Hello.java", "ci");
            assertThat(r).succeeded();
            UPLOADED.putAll(ci.store());
        }
        assertThat(UPLOADED.keySet()).filteredOn(k -> k.startsWith("/cache/ac/")).hasSize(2);
        assertThat(UPLOADED.keySet()).filteredOn(k -> k.startsWith("/cache/cas/")).hasSize(2);
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

    static Jiffy machine(Sandbox sandbox, String name, String url) throws Exception {
        Jiffy machine = sandbox.machine(name).with("JIFFY_REMOTE_CACHE", url);
        write(machine.cwd().resolve("Hello.java"), RemoteCacheIT.HELLO);
        return machine;
    }

    /** The control: with nothing wrong, the same set-up is a remote hit, so each fault below is what makes the miss. */
    @Test
    void aWellBehavedServerIsAHit() throws Exception {
        Result r = machine(sandbox, "dev", server.url("cache")).run("run", "-x", "Hello.java", "dev");
        assertThat(r).printed("hello from dev\n").didNotCompile().stderrLinesStartingWith(WARNING).isEmpty();
    }

    @Test
    void serverDown() throws Exception {
        String down;
        try (ScriptedServer gone = ScriptedServer.start()) {
            down = gone.url("cache");
        }
        assertBuiltLocallyWithOneWarning(down, "cannot connect");
    }

    @Test
    void serverDoesNotAnswer() throws Exception {
        server.script(r -> Answer.hang());
        assertBuiltLocallyWithOneWarning(server.url("cache"), "no answer within 5 s");
    }

    @Test
    void unauthorized() throws Exception {
        server.script(r -> Answer.status(401));
        assertBuiltLocallyWithOneWarning(server.url("cache"), "HTTP 401 (unauthorized");
    }

    @Test
    void serverError() throws Exception {
        server.script(r -> Answer.status(500));
        assertBuiltLocallyWithOneWarning(server.url("cache"), "HTTP 500 (server error)");
    }

    @Test
    void truncatedBody() throws Exception {
        server.script(onCas(r -> Answer.truncated(server.store().get(r.path()))));
        assertBuiltLocallyWithOneWarning(server.url("cache"), "GET cas/");
    }

    @Test
    void wrongBytesForADigest() throws Exception {
        server.store().replaceAll((k, v) -> k.contains("/cas/") ? flipLastByte(v) : v);
        assertBuiltLocallyWithOneWarning(server.url("cache"), "does not match its digest");
    }

    @Test
    void actionResultWithoutItsContent() throws Exception {
        server.store().keySet().removeIf(k -> k.contains("/cas/"));
        assertBuiltLocallyWithOneWarning(server.url("cache"), "which the remote cache does not have");
    }

    @Test
    void garbageInsteadOfAnActionResult() throws Exception {
        server.store().replaceAll((k, v) -> k.contains("/ac/") ? "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8) : v);
        assertBuiltLocallyWithOneWarning(server.url("cache"), "not a REAPI ActionResult protobuf");
    }

    @Test
    void uploadRefusedAsTooLarge() throws Exception {
        server.store().clear();
        server.script(r -> r.method().equals("PUT") && r.path().contains("/cas/") ? Answer.status(413) : null);
        Result r = machine(sandbox, "ci2", server.url("cache")).with("JIFFY_REMOTE_UPLOAD", "1").run("run", "Hello.java", "ci2");
        assertThat(r).succeeded().printed("hello from ci2\n")
                .stderrLinesStartingWith(WARNING).singleElement().asString().contains("too large (HTTP 413)", "not uploaded");
        // Content refused, so no action result names it.
        assertThat(server.requestLines()).noneMatch(l -> l.startsWith("PUT /cache/ac/"));
        assertThat(server.requestLines()).filteredOn(l -> l.startsWith("PUT /cache/cas/")).hasSize(2);
    }

    @Test
    void credentialsNeverShow() throws Exception {
        String urlSecret = "url-secret-7a41";
        String headerSecret = "header-secret-c93e";
        server.script(r -> Answer.status(401));
        String url = server.url("cache").replace("http://", "http://ci-user:" + urlSecret + "@");
        Jiffy dev = machine(sandbox, "dev", url).with("JIFFY_REMOTE_HEADERS", "X-Api-Key=" + headerSecret)
                .with("JIFFY_REMOTE_UPLOAD", "1").with("JIFFY_DEBUG", "1");
        List<Result> results = List.of(
                dev.run("run", "-x", "Hello.java", "dev"),
                dev.run("build", "-x", "-a", "Hello.java"),
                dev.run("env"),
                dev.run("env", "JIFFY_REMOTE_CACHE", "JIFFY_REMOTE_HEADERS"),
                dev.run("cache", "stat"),
                // Through jiffy's JVM: a plain `run` of an unchanged program starts from its run file.
                dev.with("JIFFY_REMOTE_HEADERS", "X-Api-Key " + headerSecret).run("build", "Hello.java"),
                dev.with("JIFFY_REMOTE_CACHE", "ftp://ci-user:" + urlSecret + "@host/").run("build", "Hello.java"));
        for (Result r : results) {
            assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(urlSecret).doesNotContain(headerSecret);
        }
        assertThat(results.get(0)).printed("hello from dev\n")
                .stderrLinesStartingWith(WARNING).singleElement().asString().contains("HTTP 401");
        assertThat(results.get(3)).printed("http://ci-user:xxxxx@127.0.0.1:" + server.url("").split(":")[2]
                .replace("/", "") + "/cache\nX-Api-Key=xxxxx\n");
        assertThat(results.get(5)).exitedWith(2).stderrContains("JIFFY_REMOTE_HEADERS: entry 1 is not Name=value");
        assertThat(results.get(6)).exitedWith(2).stderrContains("JIFFY_REMOTE_CACHE: not an http:// or https:// URL");

        // The server got both, as Basic credentials and as the header asked for.
        String basic = "Basic " + Base64.getEncoder().encodeToString(("ci-user:" + urlSecret).getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers()).containsEntry("authorization", basic).containsEntry("x-api-key", headerSecret);
            assertThat(r.path()).doesNotContain(urlSecret);
        });
        // Nor is either written anywhere in the cache (run files, counters, entries).
        try (Stream<Path> files = Files.walk(sandbox.dir().resolve("dev/cache"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(urlSecret).doesNotContain(headerSecret);
            }
        }
    }

    private void assertBuiltLocallyWithOneWarning(String url, String why) throws Exception {
        Result r = machine(sandbox, "dev", url).run("run", "-x", "Hello.java", "dev");
        assertThat(r).succeeded().printed("hello from dev\n").compiled()
                .stderrLines().noneMatch(l -> l.startsWith("remote hit"));
        assertThat(r).stderrLinesStartingWith(WARNING).singleElement().asString()
                .startsWith("jiffy: warning: remote cache http://127.0.0.1:").contains(why);
        // The local build stands on its own: the next run is a local hit, whatever the server does.
        Result again = machine(sandbox, "dev", url).run("run", "-x", "Hello.java", "again");
        assertThat(again).printed("hello from again\n").didNotCompile().stderrLinesStartingWith(WARNING).isEmpty();
    }

    private static Function<ScriptedServer.Request, Answer> onCas(Function<ScriptedServer.Request, Answer> answer) {
        return r -> r.path().contains("/cas/") ? answer.apply(r) : null;
    }

    private static byte[] flipLastByte(byte[] data) {
        byte[] copy = data.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
