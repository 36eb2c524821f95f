package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command-line target means: a script, or every .java file below a directory, in a fixed order. */
class TargetTest {
    @TempDir
    Path temp;
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        work = temp.toRealPath();
    }

    @Test
    void aDirectoryInAGradleBuildIsRefusedAndAFileInItIsAScript() throws Exception {
        write("app/src/main/java/Main.java");
        Files.writeString(work.resolve("app/build.gradle.kts"), "plugins { java }\n");

        for (String dir : new String[] {"app", "app/src/main/java"}) {
            assertThatThrownBy(() -> Target.resolve(work, dir)).isInstanceOf(BuildException.class)
                    .hasMessage(dir + ": a Gradle build (app/build.gradle.kts); jiffy reads Maven projects, not Gradle builds:"
                            + " run one of its .java files instead");
        }
        assertThat(Target.resolve(work, "app/src/main/java/Main.java").singleFile()).isTrue();
    }

    @Test
    void directoryTargetHasEverySourceBelowItSortedByRelativePath() throws Exception {
        // Created out of order, and with files that are not sources.
        write("app/z/Last.java");
        write("app/A.java");
        write("app/m/Middle.java");
        write("app/README.md");
        Files.createDirectories(work.resolve("app/odd.java"));

        Target t = Target.resolve(work, "app/");
        assertThat(t.singleFile()).isFalse();
        assertThat(t.root()).isEqualTo(work.resolve("app"));
        assertThat(t.programName()).isEqualTo("app");
        assertThat(t.sources().stream().map(t::relative)).containsExactly("A.java", "m/Middle.java", "z/Last.java");
        assertThat(t.inputs()).contains(work.resolve("app"), work.resolve("app/m"), work.resolve("app/z"));
    }

    @Test
    void currentDirectoryIsNamedAfterItself() throws Exception {
        write("tool/Main.java");
        Target t = Target.resolve(work.resolve("tool"), ".");
        assertThat(t.programName()).isEqualTo("tool");
        assertThat(t.path()).isEqualTo(work.resolve("tool"));
    }

    @Test
    void fileTargetIsOneSourceNamedAfterTheFile() throws Exception {
        write("scripts/Hello.java");
        write("scripts/Other.java");
        Target t = Target.resolve(work.resolve("scripts"), "Hello.java");
        assertThat(t.singleFile()).isTrue();
        assertThat(t.root()).isEqualTo(work.resolve("scripts"));
        assertThat(t.programName()).isEqualTo("Hello");
        assertThat(t.sources()).containsExactly(work.resolve("scripts/Hello.java"));
        assertThat(t.relative(t.sources().get(0))).isEqualTo("Hello.java");
    }

    @Test
    void errorsNameTheArgumentAsGiven() throws Exception {
        write("notes.txt");
        Files.createDirectories(work.resolve("empty"));
        assertThatThrownBy(() -> Target.resolve(work, "Missing.java")).isInstanceOf(BuildException.class)
                .hasMessage("Missing.java: no such file or directory");
        assertThatThrownBy(() -> Target.resolve(work, "notes.txt")).isInstanceOf(BuildException.class)
                .hasMessage("notes.txt: not a .java file, a script or a directory");
        Files.createSymbolicLink(work.resolve("dangling"), work.resolve("gone.java"));
        assertThatThrownBy(() -> Target.resolve(work, "dangling")).isInstanceOf(BuildException.class)
                .hasMessage("dangling: a symbolic link to " + work.resolve("gone.java") + ", which is not there");
        assertThatThrownBy(() -> Target.resolve(work, "empty")).isInstanceOf(BuildException.class)
                .hasMessage("empty: no .java files in directory");
    }

    @Test
    void aScriptMayHaveNoJavaExtensionOrBeALink() throws Exception {
        write("hello");
        Files.writeString(work.resolve("run.sh"), "#!/usr/bin/env jiffy\nclass X {}\n");
        Files.writeString(work.resolve("tool.jsh"), "///usr/bin/env jbang\nclass X {}\n");
        Files.createSymbolicLink(work.resolve("link"), work.resolve("hello"));

        assertThat(Target.resolve(work, "hello").programName()).isEqualTo("hello");
        assertThat(Target.resolve(work, "run.sh").sources()).containsExactly(work.resolve("run.sh"));
        assertThat(Target.resolve(work, "tool.jsh").singleFile()).isTrue();
        Target link = Target.resolve(work, "link");
        assertThat(link.sources()).as("the link is read, so that pointing it elsewhere is a change")
                .containsExactly(work.resolve("link"));
    }

    private void write(String relative) throws Exception {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class X {}\n");
    }
}
