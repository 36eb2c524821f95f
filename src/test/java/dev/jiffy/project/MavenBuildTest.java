package dev.jiffy.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jiffy.deps.Coordinate;
import dev.jiffy.deps.ProjectDependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What mvn compile exec:java builds, read off real poms on disk: compiler options, main class, dependencies, resources. */
class MavenBuildTest {
    @TempDir
    Path temp;

    private static final String PARENT = """
            <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
              <groupId>test.jiffy</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <build><pluginManagement><plugins>
                <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>
                  <configuration><parameters>true</parameters><compilerArgs><arg>-Xlint:all</arg><arg>-Werror</arg></compilerArgs></configuration>
                </plugin>
              </plugins></pluginManagement></build>
            </project>
            """;

    private MavenBuild read(String body) throws Exception {
        write("parent/pom.xml", PARENT);
        Path pom = write("app/pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                  <parent><groupId>test.jiffy</groupId><artifactId>parent</artifactId><version>1</version>
                    <relativePath>../parent</relativePath></parent>
                  <artifactId>app</artifactId>
                """ + body + "</project>\n");
        PomRepository none = (g, a, v, r) -> {
            throw new IOException(g + ":" + a + ":" + v + " is not in this test");
        };
        return MavenBuild.of(EffectiveModel.read(pom, none, "17.0.1", Map.of(), MavenConfig.NONE));
    }

    @Test
    void compilerOptionsComeFromPluginManagementAndPropertiesOfTheParent() throws Exception {
        MavenBuild b = read("");

        assertThat(b.coordinates()).isEqualTo("test.jiffy:app:1");
        assertThat(b.packaging()).isEqualTo("jar");
        assertThat(b.javacOptions()).containsExactly("--release", "17", "-encoding", "UTF-8", "-parameters", "-Xlint:all", "-Werror");
        assertThat(b.sourceDirectory()).isEqualTo(temp.resolve("app/src/main/java"));
        assertThat(b.mainClass()).isNull();
        assertThat(b.resources()).singleElement().satisfies(r -> {
            assertThat(r.directory()).isEqualTo(temp.resolve("app/src/main/resources"));
            assertThat(r.filtering()).isFalse();
        });
    }

    @Test
    void theModulesOwnPluginConfigurationWinsAndSourceAndTargetStandWithoutRelease() throws Exception {
        MavenBuild b = read("""
                <properties><maven.compiler.release></maven.compiler.release></properties>
                <build><sourceDirectory>src</sourceDirectory><plugins>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
                    <configuration><source>11</source><target>11</target><parameters>false</parameters></configuration></plugin>
                </plugins>
                <resources><resource><directory>conf</directory><filtering>true</filtering><includes><include>**/*.properties</include></includes></resource></resources>
                </build>
                """);

        assertThat(b.javacOptions()).startsWith("-source", "11", "-target", "11", "-encoding", "UTF-8").doesNotContain("-parameters")
                .endsWith("-Xlint:all", "-Werror");
        assertThat(b.sourceDirectory()).isEqualTo(temp.resolve("app/src"));
        assertThat(b.resources()).singleElement().satisfies(r -> {
            assertThat(r.directory()).isEqualTo(temp.resolve("app/conf"));
            assertThat(r.filtering()).isTrue();
            assertThat(r.includes()).containsExactly("**/*.properties");
        });
    }

    @Test
    void theMainClassIsExecsThenTheJarAssemblyOrShadeManifests() throws Exception {
        String exec = "<groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.5.0</version>";
        String jar = "<plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest>"
                + "<mainClass>app.FromJar</mainClass></manifest></archive></configuration></plugin>";
        assertThat(read("<build><plugins><plugin>" + exec + "<configuration><mainClass>app.Main</mainClass></configuration>"
                + "</plugin>" + jar + "</plugins></build>").mainClass()).isEqualTo("app.Main");
        assertThat(read("<build><plugins><plugin>" + exec + "<executions><execution><goals><goal>java</goal></goals>"
                + "<configuration><mainClass>app.InExecution</mainClass></configuration></execution></executions></plugin>"
                + "</plugins></build>").mainClass()).isEqualTo("app.InExecution");
        assertThat(read("<properties><exec.mainClass>app.FromProperty</exec.mainClass></properties>"
                + "<build><plugins>" + jar + "</plugins></build>").mainClass()).isEqualTo("app.FromProperty");
        assertThat(read("<build><plugins>" + jar + "</plugins></build>").mainClass()).isEqualTo("app.FromJar");
        // An execution bound to a phase runs a build step, not the program: exec:java reads default-cli only.
        assertThat(read("<build><plugins><plugin>" + exec + "<executions><execution><id>gen</id><phase>process-classes</phase>"
                + "<configuration><mainClass>codegen.Tool</mainClass></configuration></execution></executions></plugin>"
                + jar + "</plugins></build>").mainClass()).isEqualTo("app.FromJar");
        assertThat(read("<build><plugins><plugin><groupId>org.apache.felix</groupId><artifactId>maven-bundle-plugin</artifactId>"
                + "<configuration><instructions><Main-Class>app.FromBundle</Main-Class></instructions></configuration>"
                + "</plugin></plugins></build>").mainClass()).isEqualTo("app.FromBundle");
        assertThat(read("<build><plugins><plugin><artifactId>maven-assembly-plugin</artifactId><executions><execution>"
                + "<configuration><archive><manifest><mainClass>app.FromAssembly</mainClass></manifest></archive>"
                + "</configuration></execution></executions></plugin></plugins></build>").mainClass()).isEqualTo("app.FromAssembly");
        assertThat(read("<build><plugins><plugin><artifactId>maven-shade-plugin</artifactId><executions><execution>"
                + "<configuration><transformers><transformer implementation="
                + "\"org.apache.maven.plugins.shade.resource.ServicesResourceTransformer\"/><transformer implementation="
                + "\"org.apache.maven.plugins.shade.resource.ManifestResourceTransformer\"><mainClass>app.FromShade</mainClass>"
                + "</transformer></transformers></configuration></execution></executions></plugin></plugins></build>")
                .mainClass()).isEqualTo("app.FromShade");
    }

    @Test
    void dependenciesKeepWhatThePomSaysBesideTheCoordinate() throws Exception {
        MavenBuild b = read("""
                <dependencyManagement><dependencies>
                  <dependency><groupId>g</groupId><artifactId>managed</artifactId><version>3.0</version></dependency>
                </dependencies></dependencyManagement>
                <dependencies>
                  <dependency><groupId>g</groupId><artifactId>managed</artifactId>
                    <exclusions><exclusion><groupId>x</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
                  <dependency><groupId>g</groupId><artifactId>fixtures</artifactId><version>1</version><type>test-jar</type>
                    <scope>test</scope></dependency>
                  <dependency><groupId>g</groupId><artifactId>natives</artifactId><version>1</version><classifier>linux</classifier>
                    <optional>true</optional><scope>runtime</scope></dependency>
                  <dependency><groupId>g</groupId><artifactId>local</artifactId><version>1</version><scope>system</scope>
                    <systemPath>${project.basedir}/lib/local.jar</systemPath></dependency>
                </dependencies>
                """);

        assertThat(b.dependencies()).containsExactly(
                new ProjectDependency(new Coordinate("g", "managed", "3.0", null, "jar"), "compile", false, List.of("x:*"), null),
                new ProjectDependency(new Coordinate("g", "fixtures", "1", null, "test-jar"), "test", false, List.of(), null),
                new ProjectDependency(new Coordinate("g", "natives", "1", "linux", "jar"), "runtime", true, List.of(), null),
                new ProjectDependency(new Coordinate("g", "local", "1", null, "jar"), "system", false, List.of(),
                        temp.resolve("app/lib/local.jar")));
        assertThat(b.managed()).extracting(d -> d.coordinate().toString()).containsExactly("g:managed:3.0");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void pluginsThatGenerateSourcesAreNamed() throws Exception {
        MavenBuild b = read("<build><plugins>"
                + "<plugin><groupId>org.antlr</groupId><artifactId>antlr4-maven-plugin</artifactId><version>4.13.1</version></plugin>"
                + "<plugin><groupId>x</groupId><artifactId>our-codegen</artifactId><version>1</version><executions><execution>"
                + "<phase>generate-sources</phase><goals><goal>gen</goal></goals></execution></executions></plugin>"
                + "<plugin><artifactId>maven-compiler-plugin</artifactId></plugin></plugins></build>");

        assertThat(b.sourceGenerators()).containsExactly("antlr4-maven-plugin", "our-codegen");
        assertThat(read("").sourceGenerators()).isEmpty();
    }

    @Test
    void errorProneIsLeftOutOfJavacsOptions() throws Exception {
        MavenBuild b = read("<build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId><configuration>"
                + "<compilerArgs><arg>-XDcompilePolicy=simple</arg><arg>-Xplugin:ErrorProne -Xep:DeadException:WARN</arg>"
                + "<arg>-Xlint:all</arg></compilerArgs></configuration></plugin></plugins></build>");

        assertThat(b.javacOptions()).containsSubsequence("-XDcompilePolicy=simple", "-Xlint:all")
                .noneMatch(o -> o.startsWith("-Xplugin"));
    }

    @Test
    void surefiresPatternsAreClassNamePatterns() {
        assertThat("a.b.MyTest").matches(MavenBuild.classPattern("**/*Test.java"));
        assertThat("MyTest").matches(MavenBuild.classPattern("**/*Test.java"));
        assertThat("a.b.MyTests").doesNotMatch(MavenBuild.classPattern("**/*Test.java"));
        assertThat("a.b.MyIT").matches(MavenBuild.classPattern("*IT"));
        assertThat("a.b.Check").matches(MavenBuild.classPattern("a/b/Che?k.java"));
        assertThat("c.b.Check").doesNotMatch(MavenBuild.classPattern("a/b/Che?k.java"));
        assertThat(MavenBuild.classPattern("%regex[.*Slow.*]")).isEqualTo("%path:.*Slow.*");
    }

    @Test
    void surefiresConfigurationGivesTheTestJvm() throws Exception {
        MavenBuild b = read("<build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><configuration>"
                + "<argLine>@{argLine} -Xmx64m -Dx=1</argLine><systemPropertyVariables><mode>strict</mode>"
                + "</systemPropertyVariables><environmentVariables><HELLO>world</HELLO></environmentVariables>"
                + "<includes><include>**/*Check.java</include></includes><excludes><exclude>**/Slow*</exclude></excludes>"
                + "</configuration></plugin></plugins></build>");

        assertThat(b.tests().jvmOptions()).containsExactly("-Xmx64m", "-Dx=1", "-Dmode=strict");
        assertThat(b.tests().environment()).containsExactly(java.util.Map.entry("HELLO", "world"));
        assertThat(b.tests().includes()).containsExactly(MavenBuild.classPattern("**/*Check.java"));
        assertThat(b.tests().excludes()).containsExactly(MavenBuild.classPattern("**/Slow*"));
    }
}
