package dev.jiffy.cli;

import dev.jiffy.project.EffectiveModel;
import dev.jiffy.project.MavenBuild;
import dev.jiffy.project.MavenConfig;
import dev.jiffy.project.ProjectException;
import dev.jiffy.project.Reactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The run whose classes become jiffy's class-data archive also reads a small Maven project on
 * disk, a parent with one module, through Maven's model builder, so that every later
 * {@code jiffy run .} maps the model builder's classes instead of loading them from its jars.
 * The poms name no repository and nothing is resolved.
 */
final class ProjectWarmUp {
    private ProjectWarmUp() {}

    /** Does it; a failure only means fewer classes archived, so it is not reported. */
    static void run() {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("jiffy-project-warm-up");
            Files.writeString(temp.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                      <groupId>warm</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging>
                      <modules><module>app</module></modules>
                      <properties><maven.compiler.release>17</maven.compiler.release></properties>
                      <profiles><profile><id>jdk</id><activation><jdk>[17,)</jdk></activation></profile></profiles>
                    </project>
                    """);
            Path app = Files.createDirectories(temp.resolve("app"));
            Files.writeString(app.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                      <parent><groupId>warm</groupId><artifactId>root</artifactId><version>1</version></parent>
                      <artifactId>app</artifactId>
                      <dependencies><dependency><groupId>warm</groupId><artifactId>lib</artifactId><version>1</version>
                        <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
                      </dependency></dependencies>
                      <build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId>
                        <configuration><parameters>true</parameters></configuration></plugin></plugins></build>
                    </project>
                    """);
            Reactor reactor = Reactor.of(app.resolve("pom.xml"), pom -> EffectiveModel.read(pom, (g, a, v, r) -> {
                throw new IOException("no repository in the warm-up");
            }, System.getProperty("java.version"), Map.of(), MavenConfig.of(pom)));
            MavenBuild.of(reactor.target().effective());
        } catch (IOException | ProjectException | RuntimeException e) {
            // only a head start for later runs
        } finally {
            ScratchDirectory.remove(temp);
        }
    }
}
