package dev.jiffy.cli;

import static dev.jiffy.harness.Jiffy.write;
import static dev.jiffy.harness.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.harness.Jiffy;
import dev.jiffy.harness.Result;
import dev.jiffy.harness.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scripts as JBang and {@code java} run them beyond a {@code .java} file named after its class:
 * from standard input, through a symbolic link, with a public class of another name, as a
 * {@code #!} file run directly, and with {@code -D} properties.
 */
class ScriptTargetsIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    final Path work = sandbox.work();
    final Jiffy jiffy = sandbox.jiffy();

    private static String program(String name, String text) {
        return "public class " + name + " { public static void main(String[] a) { System.out.println(" + text
                + " + \" \" + String.join(\",\", a)); } }\n";
    }

    @Test
    void aScriptOnStandardInputIsBuiltOnceForItsContent() throws Exception {
        byte[] source = program("Piped", "\"piped\"").getBytes(StandardCharsets.UTF_8);

        assertThat(jiffy.runWithInput(source, "run", "-x", "-", "a", "b")).printed("piped a,b\n").compiled();
        assertThat(jiffy.runWithInput(source, "run", "-x", "-", "c")).printed("piped c\n").didNotCompile();
        byte[] other = program("Piped", "\"other\"").getBytes(StandardCharsets.UTF_8);
        assertThat(jiffy.runWithInput(other, "run", "-")).printed("other \n");
    }

    @Test
    void aLinkToAScriptRunsItAndPointingTheLinkElsewhereIsSeen() throws Exception {
        write(work.resolve("one/Tool.java"), program("Tool", "\"one\""));
        write(work.resolve("two/Tool.java"), program("Tool", "\"two\""));
        Path link = Files.createSymbolicLink(work.resolve("tool.java"), work.resolve("one/Tool.java"));
        Thread.sleep(2_100); // a run file is kept only for inputs older than 2 s

        assertThat(jiffy.run("run", "tool.java", "x")).printed("one x\n");
        assertThat(jiffy.run("run", "tool.java", "x")).printed("one x\n");
        Files.delete(link);
        Files.createSymbolicLink(link, work.resolve("two/Tool.java"));
        assertThat(jiffy.run("run", "tool.java", "x")).as("the run file of the link notices").printed("two x\n");

        Files.createSymbolicLink(work.resolve("dangling.java"), work.resolve("gone.java"));
        assertThat(jiffy.run("run", "dangling.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: dangling.java: a symbolic link to " + work.resolve("gone.java") + ", which is not there");
    }

    @Test
    void aPublicClassNeedNotBeNamedAfterItsFileAsJavaHasIt() throws Exception {
        write(work.resolve("script.java"), program("Greeter", "\"greeted\""));

        assertThat(jiffy.run("run", "script.java")).printed("greeted \n");
    }

    @Test
    void aHashBangFileRunsDirectlyFromPathAndAsDotSlash() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path script = write(bin.resolve("greet"), "#!/usr/bin/env jiffy\n" + program("Greet", "\"hi\""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Jiffy withPath = jiffy.with("PATH", Jiffy.LAUNCHER.getParent() + ":" + bin + ":" + System.getenv("PATH"));

        // ProcessBuilder looks commands up on its own PATH; a shell looks on the one given.
        assertThat(withPath.exec(List.of("sh", "-c", "greet a"), new byte[0])).printed("hi a\n");
        assertThat(withPath.in(bin).exec(List.of("./greet", "b"), new byte[0])).printed("hi b\n");
        assertThat(jiffy.in(bin).run("greet", "c")).as("jiffy FILE is jiffy run FILE").printed("hi c\n");
        // A compile error's line numbers are the file's own: the #! line is blanked, not dropped.
        write(bin.resolve("broken"), "#!/usr/bin/env jiffy\nclass Broken { int x = \"no\"; }\n");
        assertThat(jiffy.in(bin).run("run", "broken")).exitedWith(1).stderrContains("broken:2: error: incompatible types");
    }

    @Test
    void dashDSetsTheProgramsSystemPropertiesInBothSpellings() throws Exception {
        write(work.resolve("Props.java"), "public class Props { public static void main(String[] a) {"
                + " System.out.println(System.getProperty(\"who\") + \" \" + System.getProperty(\"n\") + \" [\""
                + " + System.getProperty(\"empty\") + \"]\"); } }\n");

        Result r = jiffy.run("run", "-D", "who=me", "-Dn=1", "-Dempty", "Props.java");
        assertThat(r).printed("me 1 []\n");
        assertThat(jiffy.run("run", "-D=1", "Props.java")).exitedWith(2).hasNoStackTrace()
                .stderrContains("jiffy: run: -D=1: no property name (expected -Dname=value)");
        assertThat(jiffy.run("run", "Props.java", "-Dwho=late")).as("after the target, an argument of the program")
                .printed("null null [null]\n");
    }

    @Test
    void jbangsRunFlagsStandForDirectives() throws Exception {
        write(work.resolve("Flags.java"), """
                public class Flags {
                    public static void main(String[] a) {
                        System.out.println(org.junit.jupiter.api.Assertions.class.getSimpleName() + " "
                                + System.getProperty("mode") + " " + String.join(",", a));
                    }
                }

                class Second {
                    public static void main(String[] a) {
                        System.out.println("second");
                    }
                }
                """);
        write(work.resolve("Other.java"), "public class Other { public static void main(String[] a) {"
                + " System.out.println(\"other\"); } }\n");

        assertThat(jiffy.run("run", "--deps", "org.junit.jupiter:junit-jupiter-api:5.14.1", "-R", "-Dmode=fast",
                "Flags.java", "x")).printed("Assertions fast x\n");
        assertThat(jiffy.run("run", "--deps", "org.junit.jupiter:junit-jupiter-api:5.14.1", "-R-Dmode=attached",
                "-R=-Dother=1", "Flags.java")).printed("Assertions attached \n");
        assertThat(jiffy.run("run", "-x", "--deps=org.junit.jupiter:junit-jupiter-api:5.14.1", "--runtime-option=-Dmode=slow",
                "--fresh", "--offline", "Flags.java")).printed("Assertions slow \n").compiled();
        assertThat(jiffy.run("run", "Flags.java")).as("without --deps the class is not there").exitedWith(1)
                .stderrContains("package org.junit.jupiter.api does not exist");
        assertThat(jiffy.run("run", "-x", "-C", "-Xlint:all", "--main", "Second", "--deps",
                "org.junit.jupiter:junit-jupiter-api:5.14.1", "Flags.java")).printed("second\n").compiled();
        assertThat(jiffy.run("run", "--code", "public class Code { public static void main(String[] a) {"
                + " System.out.println(\"code \" + a[0]); } }", "arg")).printed("code arg\n");
        assertThat(jiffy.run("run", "--java", "17+", "Other.java")).printed("other\n");
        // -x shows what jiffy adds to the program's command: nothing that slows a long run (no C1-only JIT).
        assertThat(jiffy.run("run", "-x", "Other.java").err().lines().filter(l -> l.startsWith("exec ")))
                .singleElement().asString().contains("'-XX:-UsePerfData'").doesNotContain("TieredStopAtLevel");

        assertThat(jiffy.run("run", "--deps", "nope", "Flags.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: --deps nope: \"nope\" is not a Maven coordinate"
                        + " (group:artifact:version[:classifier][@type])");
        assertThat(jiffy.run("run", "Flags.java", "--deps")).as("after the target, the program's").exitedWith(1);
        assertThat(jiffy.run("run", "--deps")).exitedWith(2).stderrContains("jiffy: run: flag --deps needs a value");
    }

    @Test
    void filesTakeGlobsAndAMountAndDepsMayNameASource() throws Exception {
        write(work.resolve("res/a.txt"), "a\n");
        write(work.resolve("res/sub/b.txt"), "b\n");
        write(work.resolve("res/c.md"), "c\n");
        write(work.resolve("Helper.java"), "class Helper { static String hi() { return \"helper\"; } }\n");
        write(work.resolve("Res.java"), """
                //FILES res/**.txt
                //FILES data/=res/*.md
                //DEPS Helper.java
                public class Res {
                    public static void main(String[] args) throws Exception {
                        for (String n : args) {
                            var in = Res.class.getResourceAsStream("/" + n);
                            System.out.println(n + " " + (in == null ? "-" : new String(in.readAllBytes()).strip()));
                        }
                        System.out.println(Helper.hi());
                    }
                }
                """);

        // As JBang puts them: a glob's matches by their file name, below a mount by their path.
        assertThat(jiffy.run("run", "Res.java", "a.txt", "b.txt", "data/c.md", "res/c.md"))
                .printed("a.txt a\nb.txt b\ndata/c.md c\nres/c.md -\nhelper\n");
        // A file added where a glob looks is in the next run.
        write(work.resolve("res/new.txt"), "new\n");
        assertThat(jiffy.run("run", "Res.java", "new.txt")).printed("new.txt new\nhelper\n");

        write(work.resolve("None.java"), "//FILES nothing/*.x\nclass None { public static void main(String[] a) {} }\n");
        assertThat(jiffy.run("run", "None.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: None.java:1: //FILES nothing/*.x: matches no file");
    }

    @Test
    void aJarRunsByItsMainClassWithItsClassPathAndAChangeToAnyJarIsSeen() throws Exception {
        dev.jiffy.harness.MavenRepo tools = dev.jiffy.harness.MavenRepo.create(sandbox.dir());
        Path lib = work.resolve("lib/lib.jar");
        Files.createDirectories(lib.getParent());
        Files.write(lib, dev.jiffy.harness.MavenRepo.jar(tools.compile(Map.of("b.Lib",
                "package b; public class Lib { public static String s() { return \"lib\"; } }"), List.of()), Map.of()));
        Files.write(work.resolve("app.jar"), dev.jiffy.harness.MavenRepo.jar(tools.compile(Map.of("a.App",
                "package a; public class App { public static void main(String[] x) {"
                        + " System.out.println(\"app \" + b.Lib.s() + \" \" + String.join(\",\", x)); } }"), List.of(lib)),
                Map.of("Main-Class", "a.App", "Class-Path", "lib/lib.jar")));
        Thread.sleep(2_100); // a run file is kept only for inputs older than 2 s

        assertThat(jiffy.run("run", "app.jar", "1")).printed("app lib 1\n");
        assertThat(jiffy.run("run", "app.jar", "2")).printed("app lib 2\n");
        Files.write(lib, dev.jiffy.harness.MavenRepo.jar(tools.compile(Map.of("b.Lib",
                "package b; public class Lib { public static String s() { return \"new lib\"; } }"), List.of()), Map.of()));
        assertThat(jiffy.run("run", "app.jar", "3")).as("the run file pins the Class-Path's jars too").printed("app new lib 3\n");

        assertThat(jiffy.run("run", "--cp", "lib/lib.jar", "app.jar")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: --cp: a flag for a script's directives; app.jar is a jar");
        Files.write(work.resolve("bad.jar"), dev.jiffy.harness.MavenRepo.jar(Map.of(), Map.of("Main-Class", "a.App",
                "Class-Path", "gone.jar")));
        assertThat(jiffy.run("run", "bad.jar")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: bad.jar: its manifest's Class-Path names gone.jar, which is not there");
    }

    @Test
    void classPathFlagPutsJarsAndClassDirectoriesOnTheClassPathKeyedByTheirContent() throws Exception {
        dev.jiffy.harness.MavenRepo tools = dev.jiffy.harness.MavenRepo.create(sandbox.dir());
        Map<String, byte[]> lib = tools.compile(Map.of("b.Lib",
                "package b; public class Lib { public static String s() { return \"jar\"; } }"), List.of());
        Files.createDirectories(work.resolve("lib"));
        Files.write(work.resolve("lib/lib.jar"), dev.jiffy.harness.MavenRepo.jar(lib, Map.of()));
        write(work.resolve("classes/b/Lib.class"), "");
        Files.write(work.resolve("classes/b/Lib.class"), tools.compile(Map.of("b.Lib",
                "package b; public class Lib { public static String s() { return \"dir\"; } }"), List.of()).get("b/Lib.class"));
        write(work.resolve("App.java"), program("App", "b.Lib.s()"));

        assertThat(jiffy.run("run", "--cp", "lib/lib.jar", "App.java", "1")).printed("jar 1\n");
        assertThat(jiffy.run("run", "--class-path=classes", "App.java", "2")).as("a class directory").printed("dir 2\n");
        assertThat(jiffy.run("run", "--cp", "lib/*", "App.java", "3")).as("every jar of lib/").printed("jar 3\n");
        assertThat(jiffy.run("run", "--cp", "classes:lib/lib.jar", "App.java", "4")).as("the first entry wins")
                .printed("dir 4\n");
        assertThat(jiffy.run("run", "-x", "--cp", "classes", "App.java", "4")).printed("dir 4\n").didNotCompile();

        Files.write(work.resolve("classes/b/Lib.class"), tools.compile(Map.of("b.Lib",
                "package b; public class Lib { public static String s() { return \"new dir\"; } }"), List.of()).get("b/Lib.class"));
        assertThat(jiffy.run("run", "--cp", "classes", "App.java", "5")).as("a changed class is seen").printed("new dir 5\n");
        Path exe = work.resolve("app");
        assertThat(jiffy.run("build", "--cp", "lib/lib.jar", "-o", exe.toString(), "App.java")).exitedWith(0);
        assertThat(jiffy.exec(List.of(exe.toString(), "6"), new byte[0])).as("the executable holds the jar's classes")
                .printed("jar 6\n");

        assertThat(jiffy.run("run", "App.java")).as("without --cp the class is not there").exitedWith(1);
        assertThat(jiffy.run("run", "--cp", "gone.jar", "App.java")).exitedWith(1).hasNoStackTrace().stderrLines()
                .containsExactly("jiffy: --cp gone.jar: no such file or directory");
        assertThat(jiffy.run("run", "--cp")).exitedWith(2).hasNoStackTrace().stderrContains("jiffy: run: flag --cp needs a value");
    }
}
