package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import dev.jiffy.remote.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jiffy run URL} against a real HTTP server on the loopback (nginx): only under a prefix
 * the user trusts (kept in the configuration directory under {@code $HOME}), with the files its
 * directives name fetched relative to it, and the last copy run, with one warning, when the
 * server is gone or jiffy is offline.
 */
class UrlScriptIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path home = sandbox.dir().resolve("home");
    final Jiffy jiffy = sandbox.jiffy().with("HOME", home.toString()).with("XDG_CONFIG_HOME", null);

    @Test
    void aTrustedUrlRunsWithItsSourcesAndFilesAndItsLastCopyWhenTheServerIsGone() throws Exception {
        Nginx nginx = Nginx.start(sandbox.dir().resolve("nginx"));
        try {
            Path site = nginx.data().resolve("scripts");
            write(site.resolve("Hello.java"), """
                    //SOURCES lib/Greeting.java
                    //FILES motd.txt
                    public class Hello {
                        public static void main(String[] args) throws Exception {
                            String motd = new String(Hello.class.getResourceAsStream("/motd.txt").readAllBytes()).strip();
                            System.out.println(Greeting.text() + " " + motd + " " + String.join(",", args));
                        }
                    }
                    """);
            write(site.resolve("lib/Greeting.java"), "class Greeting { static String text() { return \"hello\"; } }\n");
            write(site.resolve("motd.txt"), "sunny\n");
            write(site.resolve("page.java"), "<!DOCTYPE html>\n<html><body>not a script</body></html>\n");
            String url = nginx.url("scripts") + "/Hello.java";

            Result untrusted = jiffy.run("run", url);
            assertThat(untrusted).exitedWith(1).hasNoStackTrace().stderrLines().containsExactly("jiffy: " + url
                    + ": not a trusted URL; to run scripts from there: jiffy trust add " + nginx.url("scripts") + "/");

            assertThat(jiffy.run("trust", "add", nginx.url("scripts"))).succeeded();
            assertThat(home.resolve(".config/jiffy/trusted-urls.txt")).hasContent(nginx.url("scripts") + "\n");
            assertThat(jiffy.run("trust", "list")).printed(nginx.url("scripts") + "\n");
            assertThat(jiffy.run("run", url, "a")).printed("hello sunny a\n");
            assertThat(jiffy.run("run", nginx.url("scriptsX") + "/Hello.java")).as("a prefix is a directory, not any string")
                    .exitedWith(1).stderrContains("not a trusted URL");

            assertThat(jiffy.run("run", nginx.url("scripts") + "/Missing.java")).exitedWith(1).hasNoStackTrace()
                    .stderrLines().containsExactly("jiffy: " + nginx.url("scripts") + "/Missing.java: HTTP 404");
            assertThat(jiffy.run("run", nginx.url("scripts") + "/page.java")).exitedWith(1).hasNoStackTrace()
                    .stderrContains("page.java: the server sent an HTML page, not a file");

            assertThat(jiffy.run("run", "-offline", url, "b")).as("a copy of this hour is the script").printed("hello sunny b\n")
                    .stderr().isEmpty();
        } finally {
            nginx.close();
        }
        // Within the hour the copy is used without asking; after it, a server that is gone is a warning.
        assertThat(jiffy.run("run", nginx.url("scripts") + "/Hello.java", "c")).printed("hello sunny c\n");
        Path fetched;
        try (var dirs = Files.list(sandbox.cache().resolve("run/@url"))) {
            fetched = dirs.findFirst().orElseThrow().resolve(".fetched");
        }
        Files.setLastModifiedTime(fetched, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
        Result gone = jiffy.run("run", nginx.url("scripts") + "/Hello.java", "d");
        assertThat(gone).printed("hello sunny d\n").stderrLines().singleElement().asString()
                .startsWith("jiffy: warning: " + nginx.url("scripts") + "/Hello.java: cannot be fetched");
        assertThat(jiffy.run("run", "-offline", nginx.url("scripts") + "/Hello.java", "e")).printed("hello sunny e\n")
                .stderrLines().singleElement().asString()
                .startsWith("jiffy: warning: " + nginx.url("scripts") + "/Hello.java: offline; running the copy fetched ");

        assertThat(jiffy.run("trust", "remove", nginx.url("scripts"))).succeeded();
        assertThat(jiffy.run("trust", "list")).printed("");
        assertThat(jiffy.run("trust", "remove", nginx.url("scripts"))).exitedWith(1);
        assertThat(jiffy.run("trust", "add", "ftp://x/")).exitedWith(2);
    }

    @Test
    void anAliasOfACatalogAtAUrlOrNamedByALocalCatalogRunsItsScriptRelativeToTheCatalog() throws Exception {
        Nginx nginx = Nginx.start(sandbox.dir().resolve("nginx"));
        try {
            Path site = nginx.data().resolve("team");
            write(site.resolve("jbang-catalog.json"), """
                    {"aliases": {"greet": {"script-ref": "bin/Greet.java", "arguments": ["from-alias"],
                                           "runtime-options": ["-Dwho=remote"]}}}
                    """);
            write(site.resolve("bin/Greet.java"), "public class Greet { public static void main(String[] a) {"
                    + " System.out.println(\"greet \" + System.getProperty(\"who\") + \" \" + String.join(\",\", a)); } }\n");
            write(site.resolve("broken/jbang-catalog.json"), "{\"aliases\": {\n  \"x\": [}\n");
            String catalog = nginx.url("team") + "/jbang-catalog.json";
            Path work = sandbox.work();
            write(work.resolve("jbang-catalog.json"), """
                    {"catalogs": {"team": {"catalog-ref": "%s"}, "near": {"catalog-ref": "near"}, "empty": {}}}
                    """.formatted(catalog));
            write(work.resolve("near/jbang-catalog.json"), """
                    {"aliases": {"hi": {"script-ref": "Hi.java"}}}
                    """);
            write(work.resolve("near/Hi.java"), "public class Hi { public static void main(String[] a) {"
                    + " System.out.println(\"hi\"); } }\n");

            assertThat(jiffy.run("run", "greet@" + catalog, "a")).exitedWith(1).hasNoStackTrace().stderrLines()
                    .containsExactly("jiffy: " + catalog + ": not a trusted URL; to run scripts from there: jiffy trust add "
                            + nginx.url("team") + "/");
            assertThat(jiffy.run("trust", "add", nginx.url("team"))).succeeded();
            assertThat(jiffy.run("run", "greet@" + catalog, "a")).printed("greet remote from-alias,a\n");
            assertThat(jiffy.run("tool", "greet@" + nginx.url("team") + "/", "b")).as("a directory's catalog")
                    .printed("greet remote from-alias,b\n");
            assertThat(jiffy.run("run", "greet@team", "c")).as("a catalog named in the local one")
                    .printed("greet remote from-alias,c\n");
            assertThat(jiffy.run("run", "hi@near")).as("a name for a path, relative to the naming catalog")
                    .printed("hi\n");

            assertThat(jiffy.run("run", "nope@team")).exitedWith(1).hasNoStackTrace().stderrLines()
                    .containsExactly("jiffy: nope@team: the catalog team has no alias nope");
            assertThat(jiffy.run("run", "x@empty")).exitedWith(1).hasNoStackTrace().stderrLines()
                    .containsExactly("jiffy: " + work.resolve("jbang-catalog.json") + ": catalog \"empty\" has no catalog-ref");
            assertThat(jiffy.run("run", "x@" + nginx.url("team") + "/broken/")).exitedWith(1).hasNoStackTrace()
                    .stderrLines().singleElement().asString()
                    .startsWith("jiffy: " + nginx.url("team") + "/broken/jbang-catalog.json:2:");
            assertThat(jiffy.run("run", "x@" + nginx.url("team") + "/gone.json")).exitedWith(1).hasNoStackTrace()
                    .stderrLines().containsExactly("jiffy: " + nginx.url("team") + "/gone.json: HTTP 404");
        } finally {
            nginx.close();
        }
    }
}
