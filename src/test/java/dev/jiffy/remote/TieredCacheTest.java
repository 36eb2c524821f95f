package dev.jiffy.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.cache.ActionId;
import dev.jiffy.cache.Cache;
import dev.jiffy.cache.Counters;
import dev.jiffy.cache.DiskCache;
import dev.jiffy.cache.Lookup;
import dev.jiffy.cache.Sha256;
import dev.jiffy.remote.ScriptedServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cache behind a remote one, against a scripted server: what a hit stores, what an
 * upload sends and in which order, and that every way a remote can fail is a miss with one
 * warning and nothing stored.
 */
class TieredCacheTest {
    private static final ActionId COMPILE = new ActionId(Sha256.of("compile".getBytes(StandardCharsets.UTF_8)));
    private static final ActionId LINK = new ActionId(Sha256.of("link".getBytes(StandardCharsets.UTF_8)));
    private static final byte[] CLASSES = "compiled classes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PROGRAM = "#!/bin/sh\nexec java -cp \"$0\" Hello\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    ScriptedServer server;
    final List<String> warnings = new ArrayList<>();
    final List<String> trace = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private TieredCache open(String name, boolean upload) throws Exception {
        return open(name, upload, server.url("cache"), RemoteCache.REQUEST_TIMEOUT);
    }

    private TieredCache open(String name, boolean upload, String url, Duration timeout) throws Exception {
        DiskCache local = DiskCache.open(temp.resolve(name), Clock.systemUTC(), false);
        RemoteCache remote = new RemoteCache(RemoteUrl.parse(url), Map.of(), timeout);
        return new TieredCache(local, remote, upload, new RemoteListener() {
            @Override
            public void trace(String line) {
                trace.add(line);
            }

            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        });
    }

    /** Uploads a compile output and an executable from a first cache, as a CI build does. */
    private void uploadFromCi() throws Exception {
        try (TieredCache ci = open("ci", true)) {
            ci.put(COMPILE, CLASSES);
            ci.putExecutable(LINK, "Hello", PROGRAM);
        }
    }

    @Test
    void uploadSendsContentFirstAndTheActionResultLast() throws Exception {
        uploadFromCi();
        String program = Sha256.of(PROGRAM);
        String classes = Sha256.of(CLASSES);
        assertThat(server.requestLines()).containsExactly(
                "HEAD /cache/cas/" + classes, "PUT /cache/cas/" + classes, "PUT /cache/ac/" + COMPILE,
                "HEAD /cache/cas/" + program, "PUT /cache/cas/" + program, "PUT /cache/ac/" + LINK);
        ScriptedServer.Request put = server.requests().get(4);
        assertThat(put.headers()).containsEntry("content-length", Integer.toString(PROGRAM.length));
        assertThat(put.body()).isEqualTo(PROGRAM);
        assertThat(ActionResultCodec.decode(server.store().get("/cache/ac/" + LINK)))
                .containsExactly(new RemoteOutput("Hello", new Digest(program, PROGRAM.length), true));
        assertThat(ActionResultCodec.decode(server.store().get("/cache/ac/" + COMPILE)))
                .containsExactly(new RemoteOutput(RemoteOutput.CONTENT, new Digest(classes, CLASSES.length), false));
        assertThat(warnings).isEmpty();
        assertThat(Counters.read(temp.resolve("ci"))).containsEntry("remote-puts", 2L)
                .containsEntry("remote-bytes-out", (long) PROGRAM.length + CLASSES.length);
    }

    @Test
    void contentTheServerHasIsNotSentAgain() throws Exception {
        uploadFromCi();
        int before = server.requests().size();
        try (TieredCache other = open("other", true)) {
            other.putExecutable(LINK, "Hello", PROGRAM);
        }
        assertThat(server.requestLines().subList(before, server.requests().size()))
                .containsExactly("HEAD /cache/cas/" + Sha256.of(PROGRAM), "PUT /cache/ac/" + LINK);
    }

    @Test
    void uploadsAreOffByDefault() throws Exception {
        try (TieredCache dev = open("dev", false)) {
            dev.put(COMPILE, CLASSES);
            dev.putExecutable(LINK, "Hello", PROGRAM);
            assertThat(Cache.getBytes(dev, LINK)).isEqualTo(PROGRAM);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRemoteHitIsStoredLocallyAsAnExecutableWithItsName() throws Exception {
        uploadFromCi();
        try (TieredCache dev = open("dev", false)) {
            Lookup.Hit hit = (Lookup.Hit) dev.get(LINK);
            Path exe = dev.outputFile(hit.outputId());
            assertThat(exe.getFileName()).hasToString("Hello");
            assertThat(exe.getParent()).isEqualTo(temp.resolve("dev").resolve(hit.outputId().hex().substring(0, 2))
                    .resolve(hit.outputId().hex() + "-d"));
            assertThat(Files.readAllBytes(exe)).isEqualTo(PROGRAM);
            assertThat(Files.getPosixFilePermissions(exe)).contains(PosixFilePermission.OWNER_EXECUTE);
            assertThat(Cache.getBytes(dev, COMPILE)).isEqualTo(CLASSES);
            assertThat(trace).contains("remote hit: ac/" + LINK + " (" + PROGRAM.length + " bytes)");
        }
        // Served locally from now on: no request to the remote.
        int before = server.requests().size();
        try (TieredCache dev = open("dev", false)) {
            assertThat(dev.get(LINK)).isInstanceOf(Lookup.Hit.class);
            assertThat(trace).contains("local hit: ac/" + LINK);
        }
        assertThat(server.requests()).hasSize(before);
        assertThat(Counters.read(temp.resolve("dev"))).containsEntry("remote-hits", 2L)
                .containsEntry("remote-bytes-in", (long) PROGRAM.length + CLASSES.length);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anEntryTheRemoteLacksIsAMissWithoutWarning() throws Exception {
        try (TieredCache dev = open("dev", false)) {
            assertThat(dev.get(LINK)).isInstanceOf(Lookup.Miss.class);
        }
        assertThat(warnings).isEmpty();
        assertThat(Counters.read(temp.resolve("dev"))).containsEntry("remote-misses", 1L);
    }

    @Test
    void serverErrorsAreMissesWithOneWarningAndTheServerIsNotAskedAgain() throws Exception {
        uploadFromCi();
        for (int status : new int[] {500, 503, 401, 403, 302}) {
            warnings.clear();
            server.script(r -> Answer.status(status));
            int before = server.requests().size();
            try (TieredCache dev = open("dev-" + status, true)) {
                assertMiss(dev, LINK);
                assertMiss(dev, COMPILE);
                dev.putExecutable(LINK, "Hello", PROGRAM);
            }
            assertThat(server.requests()).as("HTTP %d", status).hasSize(before + 1);
            assertThat(warnings).as("HTTP %d", status).singleElement().asString()
                    .contains("GET ac/" + LINK + ": HTTP " + status, "not using the remote cache for the rest of this run");
        }
    }

    @Test
    void garbageInsteadOfAnActionResultIsAMiss() throws Exception {
        uploadFromCi();
        server.store().put("/cache/ac/" + LINK, "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8));
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
            // One bad entry does not condemn the server: the other entry is still a hit.
            assertThat(dev.get(COMPILE)).isInstanceOf(Lookup.Hit.class);
        }
        assertThat(warnings).singleElement().asString().contains("not a REAPI ActionResult").doesNotContain("rest of this run");
    }

    @Test
    void contentThatDoesNotMatchItsDigestIsAMiss() throws Exception {
        uploadFromCi();
        byte[] evil = PROGRAM.clone();
        evil[evil.length - 2] = 'X';
        server.store().put("/cache/cas/" + Sha256.of(PROGRAM), evil);
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
        }
        assertThat(warnings).singleElement().asString().contains("does not match its digest");
    }

    @Test
    void contentLongerThanItsDigestIsCutOffAndAMiss() throws Exception {
        uploadFromCi();
        byte[] longer = new byte[PROGRAM.length * 100];
        server.store().put("/cache/cas/" + Sha256.of(PROGRAM), longer);
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
        }
        assertThat(warnings).singleElement().asString().contains("longer than " + PROGRAM.length + " bytes");
    }

    @Test
    void anActionResultWhoseContentIsMissingIsAMiss() throws Exception {
        uploadFromCi();
        server.store().remove("/cache/cas/" + Sha256.of(PROGRAM));
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
        }
        assertThat(warnings).singleElement().asString().contains("which the remote cache does not have");
    }

    @Test
    void aTruncatedBodyIsAMiss() throws Exception {
        uploadFromCi();
        server.script(r -> r.path().contains("/cas/") ? Answer.truncated(PROGRAM) : null);
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
        }
        assertThat(warnings).singleElement().asString().contains("GET cas/" + Sha256.of(PROGRAM));
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutIntoAMiss() throws Exception {
        uploadFromCi();
        server.script(r -> Answer.hang());
        try (TieredCache dev = open("dev", false, server.url("cache"), Duration.ofMillis(300))) {
            assertMiss(dev, LINK);
            assertMiss(dev, COMPILE);
        }
        assertThat(warnings).singleElement().asString().contains("GET ac/" + LINK + ": no answer within");
    }

    @Test
    void aServerThatKeepsSendingTooSlowlyIsCutOff() throws Exception {
        uploadFromCi();
        server.script(r -> r.method().equals("GET") ? Answer.trickle(server.store().get(r.path())) : null);
        try (TieredCache dev = open("dev", false, server.url("cache"), Duration.ofMillis(500))) {
            assertMiss(dev, LINK);
        }
        assertThat(warnings).singleElement().asString().contains("GET ac/" + LINK + ": no answer within 0.5 s");
    }

    @Test
    void aServerThatIsDownIsAMiss() throws Exception {
        String down;
        try (ScriptedServer gone = ScriptedServer.start()) {
            down = gone.url("cache");
        }
        try (TieredCache dev = open("dev", true, down, RemoteCache.REQUEST_TIMEOUT)) {
            assertMiss(dev, LINK);
            dev.putExecutable(LINK, "Hello", PROGRAM);
            assertThat(Cache.getBytes(dev, LINK)).isEqualTo(PROGRAM);
        }
        assertThat(warnings).singleElement().asString().contains("GET ac/" + LINK + ": cannot connect");
        assertThat(Counters.read(temp.resolve("dev"))).containsEntry("remote-errors", 1L);
    }

    @Test
    void aBlobRefusedAsTooLargeIsSkippedWithoutItsActionResult() throws Exception {
        server.script(r -> r.method().equals("PUT") && r.path().endsWith(Sha256.of(PROGRAM)) ? Answer.status(413) : null);
        try (TieredCache ci = open("ci", true)) {
            ci.putExecutable(LINK, "Hello", PROGRAM);
            ci.put(COMPILE, CLASSES);
        }
        assertThat(server.store()).doesNotContainKey("/cache/ac/" + LINK).containsKey("/cache/ac/" + COMPILE);
        assertThat(warnings).singleElement().asString().contains("too large (HTTP 413)", "ac/" + LINK + " not uploaded");
    }

    @Test
    void anExecutableNameThatWouldLeaveItsDirectoryIsAMiss() throws Exception {
        byte[] result = ActionResultCodec.encode(List.of(new RemoteOutput("../../escaped", Digest.of(PROGRAM), true)));
        server.store().put("/cache/ac/" + LINK, result);
        server.store().put("/cache/cas/" + Sha256.of(PROGRAM), PROGRAM);
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
        }
        assertThat(warnings).singleElement().asString().contains("bad program name");
        try (var files = Files.walk(temp)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("escaped"))).isEmpty();
        }
    }

    @Test
    void manyFailuresMakeOneWarning() throws Exception {
        uploadFromCi();
        server.store().replaceAll((k, v) -> k.contains("/ac/") ? new byte[] {1, 2, 3} : v);
        try (TieredCache dev = open("dev", false)) {
            assertMiss(dev, LINK);
            assertMiss(dev, COMPILE);
        }
        assertThat(warnings).hasSize(1);
        assertThat(Counters.read(temp.resolve("dev"))).containsEntry("remote-errors", 2L);
    }

    private void assertMiss(Cache cache, ActionId action) throws Exception {
        assertThat(cache.get(action)).isInstanceOf(Lookup.Miss.class);
        // Nothing was stored locally either.
        assertThat(Files.exists(temp.resolve(action.hex().substring(0, 2)))).isFalse();
    }
}
