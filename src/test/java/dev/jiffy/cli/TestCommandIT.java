package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jiffy test} on a real Maven module with real JUnit 5 tests in a child JVM: go test's
 * lines, failures with the test's own frames, and cached passes that never go stale: a change
 * to a test resource, to a file outside the module, to a variable or to a system property the
 * tests read runs them again.
 */
class TestCommandIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();
    final Path module = work.resolve("calc");

    private void project(String surefire) throws Exception {
        write(module.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>calc</artifactId><version>1</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <dependencies>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                      <version>5.14.1</version><scope>test</scope></dependency>
                  </dependencies>
                  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId>
                    <configuration>%s</configuration></plugin></plugins></build>
                </project>
                """.formatted(surefire));
        write(module.resolve("src/main/java/calc/Calc.java"),
                "package calc; public class Calc { public static int add(int a, int b) { return a + b; } }\n");
    }

    private void test(String body) throws Exception {
        write(module.resolve("src/test/java/calc/CalcTest.java"), """
                package calc;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Test;

                class CalcTest {
                    @Test
                    void adds() {
                        assertEquals(4, Calc.add(2, 2));
                    }
                %s
                }
                """.formatted(body));
    }

    /** Results the launcher replayed from a test run file, with no JVM: one byte each in the cache's tally. */
    private long replayedByTheLauncher() throws Exception {
        Path tally = sandbox.cache().resolve("tally/test-hits");
        return Files.exists(tally) ? Files.size(tally) : 0;
    }

    /** Waits out the two seconds within which a changed input makes a result uncacheable. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_100);
    }

    @Test
    void aPassingModuleIsOneOkLineAndThenCached() throws Exception {
        project("");
        test("");
        settle();

        Result first = jiffy.in(module).run("test");
        assertThat(first).succeeded().stdout().matches("ok  \tdemo:calc\t\\d+\\.\\d{3}s\n");
        Result again = jiffy.in(module).run("test");
        assertThat(again).succeeded().printed("ok  \tdemo:calc\t(cached)\n");
        assertThat(replayedByTheLauncher()).as("the second run replays the first from a run file").isEqualTo(1);
        assertThat(jiffy.in(module).run("test", "-v")).as("a run file replays only for its own arguments")
                .succeeded().stdout().contains("--- PASS: CalcTest#adds (");
        assertThat(jiffy.in(module).run("test", "-count=1")).succeeded().stdout().doesNotContain("(cached)");
        assertThat(jiffy.run("test", "calc")).printed("ok  \tdemo:calc\t(cached)\n");
        assertThat(jiffy.run("test", "calc")).printed("ok  \tdemo:calc\t(cached)\n");
        assertThat(replayedByTheLauncher()).isEqualTo(2);

        // The clean comes after the run files were written: they must not replay a forgotten result.
        assertThat(jiffy.run("clean", "-testcache")).succeeded();
        assertThat(jiffy.in(module).run("test")).succeeded().stdout().doesNotContain("(cached)");
        assertThat(jiffy.run("test", "calc")).as("the same tests, stored again by the run before")
                .printed("ok  \tdemo:calc\t(cached)\n");
        assertThat(jiffy.run("cache", "stat").out()).containsPattern("(?m)^test hits: +4$");
    }

    @Test
    void aFailureShowsItsMessageAndTheTestsOwnFramesAndIsNeverCached() throws Exception {
        project("");
        test("""
                    @Test
                    void subtracts() {
                        System.out.println("computing");
                        assertEquals(1, Calc.add(2, -2), "two minus two");
                    }
                """);
        settle();

        Result r = jiffy.in(module).run("test");

        assertThat(r).exitedWith(1).hasNoStackTrace();
        assertThat(r.out()).startsWith("--- FAIL: CalcTest#subtracts (")
                .contains("    org.opentest4j.AssertionFailedError: two minus two ==> expected: <1> but was: <0>\n"
                        + "    at calc.CalcTest.subtracts(CalcTest.java:17)\n")
                .contains("computing\n")
                .doesNotContain("at org.junit.")
                .containsPattern("\nFAIL\tdemo:calc\t\\d+\\.\\d{3}s\n$");
        assertThat(jiffy.in(module).run("test").out()).doesNotContain("(cached)").contains("FAIL\tdemo:calc");

        // surefire's reports, for CI servers: one file a class, the failure with its type and message.
        Path reports = work.resolve("reports");
        assertThat(jiffy.in(module).run("test", "-junitxml", reports.toString())).exitedWith(1);
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("TEST-calc.CalcTest.xml").toFile());
        org.w3c.dom.Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("calc.CalcTest");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        org.w3c.dom.Element failure = (org.w3c.dom.Element) xml.getElementsByTagName("failure").item(0);
        assertThat(((org.w3c.dom.Element) failure.getParentNode()).getAttribute("name")).isEqualTo("subtracts");
        assertThat(failure.getAttribute("type")).isEqualTo("org.opentest4j.AssertionFailedError");
        assertThat(failure.getAttribute("message")).isEqualTo("two minus two ==> expected: <1> but was: <0>");
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).contains("computing");
    }

    @Test
    void aCachedPassNeverOutlivesAChangeToWhatTheTestsRead() throws Exception {
        Path outside = work.resolve("shared/limit.txt");
        write(outside, "10\n");
        project("<systemPropertyVariables><calc.mode>strict</calc.mode></systemPropertyVariables>");
        write(module.resolve("src/test/resources/answer.txt"), "4\n");
        test("""
                    @Test
                    void readsWhatItReads() throws Exception {
                        assertEquals(new String(CalcTest.class.getResourceAsStream("/answer.txt").readAllBytes()).strip(),
                                String.valueOf(Calc.add(2, 2)), "resource");
                        assertEquals("10", Files.readString(Path.of("../shared/limit.txt")).strip(), "outside file");
                        assertEquals("hello", System.getenv("CALC_GREETING"), "variable");
                        assertEquals("strict", System.getProperty("calc.mode"), "property");
                    }
                """);
        Jiffy inModule = jiffy.in(module).with("CALC_GREETING", "hello");
        settle();
        assertThat(inModule.run("test")).succeeded();
        assertThat(inModule.run("test")).printed("ok  \tdemo:calc\t(cached)\n");

        // Each change must run the tests again, and here each makes them fail.
        write(module.resolve("src/test/resources/answer.txt"), "5\n");
        assertThat(inModule.run("test")).exitedWith(1).stdout().contains("resource ==>");
        write(module.resolve("src/test/resources/answer.txt"), "4\n");
        settle();
        assertThat(inModule.run("test")).succeeded().stdout().doesNotContain("(cached)");

        write(outside, "11\n");
        assertThat(inModule.run("test")).exitedWith(1).stdout().contains("outside file ==>");
        write(outside, "10\n");
        settle();
        assertThat(inModule.run("test")).succeeded();
        assertThat(inModule.run("test")).printed("ok  \tdemo:calc\t(cached)\n");

        assertThat(inModule.with("CALC_GREETING", "bye").run("test")).exitedWith(1).stdout().contains("variable ==>");

        project("<systemPropertyVariables><calc.mode>lenient</calc.mode></systemPropertyVariables>");
        assertThat(inModule.run("test")).exitedWith(1).stdout().contains("property ==>");
        // The cached passes came from the launcher's run file, so each change above was caught by it.
        assertThat(replayedByTheLauncher()).isEqualTo(2);
    }

    @Test
    void verboseAndRunShowAndChooseTests() throws Exception {
        project("");
        test("""
                    @Test
                    void multiplies() {
                        assertEquals(6, 2 * 3);
                    }

                    @org.junit.jupiter.params.ParameterizedTest
                    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
                    void positive(int x) {
                        org.junit.jupiter.api.Assertions.assertTrue(x > 0);
                    }
                """);
        settle();

        Result v = jiffy.in(module).run("test", "-v", "-run", "CalcTest#mult");

        assertThat(v).succeeded();
        assertThat(v.out()).contains("=== RUN   CalcTest#multiplies\n--- PASS: CalcTest#multiplies (")
                .doesNotContain("adds").doesNotContain("positive")
                .containsPattern("\nok  \tdemo:calc\t\\d+\\.\\d{3}s\n$");
        // -json is -v as go test's events; here from the result just cached.
        Result json = jiffy.in(module).run("test", "-json", "-run", "CalcTest#mult");
        assertThat(json).succeeded();
        assertThat(json.out().lines()).allMatch(l -> l.startsWith("{\"Time\":\"") && l.endsWith("}"))
                .anyMatch(l -> l.contains("\"Action\":\"pass\",\"Package\":\"demo:calc\",\"Test\":\"CalcTest#multiplies\""));
        assertThat(json.out().lines().reduce((a, b) -> b).orElseThrow())
                .contains("\"Action\":\"pass\",\"Package\":\"demo:calc\",\"Elapsed\":0");
        assertThat(json.out()).contains("\"Output\":\"ok  \\tdemo:calc\\t(cached)\\n\"");
        assertThat(jiffy.in(module).run("test", "-v", "-run", "positive").out())
                .contains("--- PASS: CalcTest#positive/[1] 1 (").contains("--- PASS: CalcTest#positive/[2] 2 (")
                .doesNotContain("multiplies");
        assertThat(jiffy.in(module).run("test", "-run", "nothing matches").out()).endsWith("s [no tests to run]\n");
    }

    @Test
    void aModuleWithoutTestsAndOneWhoseTestsFindNothingAreToldApart() throws Exception {
        project("");
        assertThat(jiffy.in(module).run("test")).succeeded().printed("?   \tdemo:calc\t[no test files]\n");

        write(module.resolve("src/test/java/calc/Helper.java"), "package calc; class Helper {}\n");
        Result none = jiffy.in(module).run("test");
        assertThat(none).exitedWith(1).stdout()
                .contains("demo:calc: no tests found (surefire's includes: Test*, *Test, *Tests, *TestCase)\nFAIL\tdemo:calc");
    }

    @Test
    void aTestJvmThatExitsNamesTheTestThatWasRunning() throws Exception {
        project("");
        test("""
                    @Test
                    void quits() {
                        System.exit(3);
                    }
                """);

        Result r = jiffy.in(module).run("test", "-run", "quits");

        assertThat(r).exitedWith(1).hasNoStackTrace().stdout()
                .contains("demo:calc: the test JVM exited with status 3 in CalcTest#quits (a crash, or System.exit)\n")
                .contains("FAIL\tdemo:calc");
    }

    @Test
    void junitVersionsThatDoNotGoTogetherAreOneLineBeforeAnyTestRuns() throws Exception {
        project("");
        test("");
        String pom = Files.readString(module.resolve("pom.xml"));
        Files.writeString(module.resolve("pom.xml"), pom.replace("</dependencies>", """
                    <dependency><groupId>org.junit.platform</groupId><artifactId>junit-platform-launcher</artifactId>
                      <version>1.13.4</version><scope>test</scope></dependency>
                  </dependencies>"""));

        Result r = jiffy.in(module).run("test");

        // The nearest wins: the launcher's engine 1.13.4 beside Jupiter's commons 1.14.1.
        assertThat(r).exitedWith(1).hasNoStackTrace().stderrContains("jiffy: pom.xml: the test class path mixes JUnit versions"
                + " (junit-platform-engine 1.13.4, junit-platform-commons 1.14.1)");
        assertThat(r.out()).isEqualTo("FAIL\t. [build failed]\n");
    }

    @Test
    void aScriptOrADirectoryWithJunitInItsDepsIsTestedInItsDirectoryAndCachedToo() throws Exception {
        Path scripts = work.resolve("scripts");
        write(scripts.resolve("data.txt"), "4\n");
        write(scripts.resolve("Calc.java"), """
                //DEPS org.junit.jupiter:junit-jupiter:5.14.1
                import static org.junit.jupiter.api.Assertions.assertEquals;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.junit.jupiter.api.Test;

                class Calc {
                    static int add(int a, int b) {
                        return a + b;
                    }

                    @Test
                    void readsItsData() throws Exception {
                        assertEquals(Files.readString(Path.of("data.txt")).strip(), String.valueOf(add(2, 2)), "data");
                    }
                }
                """);
        write(scripts.resolve("More.java"), """
                //DEPS org.junit.jupiter:junit-jupiter:5.14.1
                class More {
                    @org.junit.jupiter.api.Test
                    void more() {}
                }
                """);
        settle();

        assertThat(jiffy.run("test", "-v", "scripts/Calc.java")).succeeded().stdout()
                .contains("--- PASS: Calc#readsItsData (").doesNotContain("More")
                .containsPattern("\nok  \tscripts/Calc.java\t\\d+\\.\\d{3}s\n$");
        assertThat(jiffy.run("test", "-v", "scripts/Calc.java").out()).endsWith("ok  \tscripts/Calc.java\t(cached)\n");
        assertThat(jiffy.in(scripts).run("test", ".")).succeeded().stdout().matches("ok  \t\\.\t\\d+\\.\\d{3}s\n");

        write(scripts.resolve("data.txt"), "5\n");
        assertThat(jiffy.run("test", "scripts/Calc.java")).exitedWith(1).stdout().contains("data ==>");
    }

    @Test
    void aTestThatDoesNotCompileShowsJavacsErrors() throws Exception {
        project("");
        test("""
                    @Test
                    void broken() {
                        int x = "not a number";
                    }
                """);

        Result r = jiffy.in(module).run("test");

        assertThat(r).exitedWith(1).hasNoStackTrace().stderrContains("src/test/java/calc/CalcTest.java:16: error: incompatible types");
        assertThat(r.out()).contains("FAIL\t. [build failed]");
        assertThat(Files.exists(module.resolve("target"))).isFalse();
    }

    @Test
    void everyModuleBelowIsTestedOnItsOwnAndAnEditRerunsOnlyWhatItReaches() throws Exception {
        write(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>
                  <modules><module>lib</module><module>app</module></modules>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                    <version>5.14.1</version><scope>test</scope></dependency></dependencies>
                </project>
                """);
        for (String m : new String[] {"lib", "app"}) {
            write(work.resolve(m + "/pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                      <parent><groupId>demo</groupId><artifactId>root</artifactId><version>1</version></parent>
                      <artifactId>%s</artifactId>%s
                    </project>
                    """.formatted(m, m.equals("app") ? "<dependencies><dependency><groupId>demo</groupId>"
                    + "<artifactId>lib</artifactId><version>1</version></dependency></dependencies>" : ""));
        }
        write(work.resolve("lib/src/main/java/lib/Lib.java"), "package lib; public class Lib { public static int two() { return 2; } }\n");
        write(work.resolve("lib/src/test/java/lib/LibTest.java"), "package lib; import org.junit.jupiter.api.Test;"
                + " class LibTest { @Test void two() { org.junit.jupiter.api.Assertions.assertEquals(2, Lib.two()); } }\n");
        write(work.resolve("app/src/main/java/app/App.java"), "package app; public class App { static int four() { return 2 * lib.Lib.two(); } }\n");
        Path appTest = write(work.resolve("app/src/test/java/app/AppTest.java"), "package app; import org.junit.jupiter.api.Test;"
                + " class AppTest { @Test void four() { org.junit.jupiter.api.Assertions.assertEquals(4, App.four()); } }\n");
        settle();

        Result all = jiffy.run("test", "./...");
        assertThat(all).succeeded().stdout().matches("ok  \tdemo:lib\t\\d+\\.\\d{3}s\nok  \tdemo:app\t\\d+\\.\\d{3}s\n");

        Files.writeString(appTest, Files.readString(appTest).replace("four()", "four() /* again */"));
        settle();
        assertThat(jiffy.run("test", "./...")).succeeded().stdout()
                .matches("ok  \tdemo:lib\t\\(cached\\)\nok  \tdemo:app\t\\d+\\.\\d{3}s\n");
        assertThat(jiffy.in(work.resolve("app")).run("test", "./...")).printed("ok  \tdemo:app\t(cached)\n");
    }

    @Test
    void junit4TestsRunThroughTheVintageEngine() throws Exception {
        write(module.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>old</artifactId><version>1</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <dependencies><dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version>
                    <scope>test</scope></dependency></dependencies>
                </project>
                """);
        write(module.resolve("src/test/java/old/OldTest.java"), """
                package old;

                import static org.junit.Assert.assertEquals;

                import org.junit.Test;

                public class OldTest {
                    @Test
                    public void works() {
                        assertEquals(2, 1 + 1);
                    }

                    @Test
                    public void fails() {
                        assertEquals("x", "y");
                    }
                }
                """);

        Result r = jiffy.in(module).run("test", "-v");

        assertThat(r).exitedWith(1);
        assertThat(r.out()).contains("--- PASS: OldTest#works (")
                .contains("--- FAIL: OldTest#fails (").contains("    org.junit.ComparisonFailure: expected:<[x]> but was:<[y]>\n"
                        + "    at old.OldTest.fails(OldTest.java:15)\n")
                .containsPattern("\nFAIL\tdemo:old\t\\d+\\.\\d{3}s\n$");
    }

    @Test
    void surefiresIncludesAndExcludesChooseTheClassesAndNestedTestsGoWithTheirClass() throws Exception {
        project("<includes><include>**/*Check.java</include></includes><excludes><exclude>**/Slow*</exclude></excludes>");
        write(module.resolve("src/test/java/calc/AddCheck.java"), """
                package calc;

                import org.junit.jupiter.api.Nested;
                import org.junit.jupiter.api.Test;

                class AddCheck {
                    @Test
                    void adds() {}

                    @Nested
                    class Inside {
                        @Test
                        void nested() {}
                    }
                }
                """);
        write(module.resolve("src/test/java/calc/SlowCheck.java"),
                "package calc; class SlowCheck { @org.junit.jupiter.api.Test void slow() {} }\n");
        test("");

        Result r = jiffy.in(module).run("test", "-v");

        assertThat(r).succeeded();
        assertThat(r.out()).contains("--- PASS: AddCheck#adds (").contains("--- PASS: AddCheck$Inside#nested (")
                .doesNotContain("SlowCheck").doesNotContain("CalcTest");
    }

    @Test
    void aModuleForANewerJavaIsTestedOnAJdkThatHasIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 21, "already on Java 21 or later");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")));
        project("");
        write(module.resolve("pom.xml"), Files.readString(module.resolve("pom.xml")).replace(
                "<maven.compiler.release>17</maven.compiler.release>", "<maven.compiler.release>21</maven.compiler.release>"));
        test("""
                    @Test
                    void onANewJdk() {
                        org.junit.jupiter.api.Assertions.assertTrue(Runtime.version().feature() >= 21);
                    }
                """);

        assertThat(jiffy.in(module).run("test")).succeeded().stdout().startsWith("ok  \tdemo:calc\t");
    }

    @Test
    void aFailingModuleWhoseBuildMakesFilesSaysJiffyRunsNoSuchPlugin() throws Exception {
        project("");
        write(module.resolve("pom.xml"), Files.readString(module.resolve("pom.xml")).replace("<plugins>",
                "<plugins><plugin><groupId>com.googlecode.maven-download-plugin</groupId>"
                        + "<artifactId>download-maven-plugin</artifactId><version>1.9.0</version><executions><execution>"
                        + "<phase>generate-test-resources</phase><goals><goal>wget</goal></goals></execution></executions></plugin>"));
        test("""
                    @Test
                    void needsADownload() {
                        org.junit.jupiter.api.Assertions.assertTrue(Files.exists(Path.of("target/fonts/font.ttf")));
                    }
                """);

        Result r = jiffy.in(module).run("test");

        assertThat(r).exitedWith(1);
        assertThat(r.out()).endsWith("demo:calc: its build runs download-maven-plugin, which may make sources or test files;"
                + " jiffy runs no Maven plugin but the compiler and resources ones\n");
    }
}
