package dev.jiffy.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reactor a pom is built in, as mvn at the top would have it: its root, its modules, what is refused. */
class ReactorTest {
    @TempDir
    Path temp;

    private Path pom(String dir, String artifact, String body) throws IOException {
        Path file = temp.toRealPath().resolve(dir).resolve("pom.xml").normalize();
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>%s</artifactId><version>1</version>%s
                </project>
                """.formatted(artifact, body));
        return file;
    }

    private static Reactor of(Path pom) throws ProjectException {
        return Reactor.of(pom, p -> EffectiveModel.read(p, (g, a, v, r) -> {
            throw new IOException("no repository here");
        }, "17", Map.of(), MavenConfig.NONE));
    }

    private static String dependsOn(String artifact) {
        return "<dependencies><dependency><groupId>demo</groupId><artifactId>" + artifact
                + "</artifactId><version>1</version></dependency></dependencies>";
    }

    @Test
    void theRootIsTheHighestPomWhoseModulesLeadDownEvenThroughAProfile() throws Exception {
        Path top = pom(".", "top", "<packaging>pom</packaging><profiles><profile><id>all</id><activation>"
                + "<activeByDefault>true</activeByDefault></activation><modules><module>group</module></modules></profile></profiles>");
        pom("group", "group", "<packaging>pom</packaging><modules><module>lib</module><module>app/pom.xml</module></modules>");
        pom("group/lib", "lib", "");
        Path app = pom("group/app", "app", dependsOn("lib"));

        Reactor r = of(app);

        assertThat(r.root()).isEqualTo(top);
        assertThat(r.target().coordinates()).isEqualTo("demo:app:1");
        assertThat(r.poms()).containsOnlyKeys("demo:top:1", "demo:group:1", "demo:lib:1", "demo:app:1");
        assertThat(r.reached(r.target())).extracting(Reactor.Module::coordinates).containsExactly("demo:lib:1");
        assertThat(r.pomFiles()).contains(top, app);
    }

    @Test
    void aPomNoPomAboveListsIsAReactorOfItsOwn() throws Exception {
        pom(".", "top", "<packaging>pom</packaging><modules><module>lib</module></modules>");
        pom("lib", "lib", "");
        Path stray = pom("stray", "stray", dependsOn("lib"));

        Reactor r = of(stray);

        assertThat(r.root()).isEqualTo(stray);
        assertThat(r.poms()).containsOnlyKeys("demo:stray:1");
        assertThat(r.reached(r.target())).isEmpty();
    }

    @Test
    void aProjectTwiceInTheReactorIsRefused() throws Exception {
        pom(".", "top", "<packaging>pom</packaging><modules><module>a</module><module>b</module></modules>");
        Path a = pom("a", "same", "");
        pom("b", "same", "");

        assertThatThrownBy(() -> of(a)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("demo:same:1 is also the project of");
    }

    @Test
    void aModuleThatIsNotThereNamesTheLineOfItsModuleElement() throws Exception {
        Path top = pom(".", "top", "<packaging>pom</packaging>\n  <modules>\n    <module>gone</module>\n  </modules>");

        assertThatThrownBy(() -> of(top)).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith(top + ":4:").hasMessageContaining("module gone does not exist");
    }
}
