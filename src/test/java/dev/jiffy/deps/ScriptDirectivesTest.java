package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptDirectivesTest {
    private static ScriptDirectives of(String source, Map<String, String> env) throws DirectiveException {
        return ScriptDirectives.of(Directives.parse("src/App.java", source.getBytes(StandardCharsets.UTF_8)).all(), env,
                Map.of("os.name", "Linux"));
    }

    private static ScriptDirectives of(String source) throws DirectiveException {
        return of(source, Map.of());
    }

    @Test
    void everyDirectiveOfAJBangScript() throws Exception {
        ScriptDirectives d = of("""
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //DEPS info.picocli:picocli:4.7.7 org.slf4j:slf4j-api:2.0.9
                //DEPS org.junit:junit-bom:5.14.1@pom
                //REPOS central,acme=https://repo.acme.com/maven2/
                //REPOS jitpack
                //JAVA 17+
                //JAVA_OPTIONS -Xmx1g "-Dgreeting=hello world"
                //RUNTIME_OPTIONS -ea
                //JAVAC_OPTIONS -parameters
                //COMPILE_OPTIONS -Xlint:all
                //MAIN app.Main
                //DESCRIPTION A script
                // DEPS not:a:directive
                //Deps not:a:directive
                public class App {}
                """);
        assertThat(d.dependencies()).extracting(Coordinate::toString)
                .containsExactly("info.picocli:picocli:4.7.7", "org.slf4j:slf4j-api:2.0.9", "org.junit:junit-bom:5.14.1@pom");
        assertThat(d.javaVersion()).isEqualTo("17+");
        assertThat(d.javaOptions()).containsExactly("-Xmx1g", "-Dgreeting=hello world", "-ea");
        assertThat(d.javacOptions()).containsExactly("-parameters", "-Xlint:all");
        assertThat(d.main().value()).isEqualTo("app.Main");
        assertThat(d.main().line()).isEqualTo(11);
        assertThat(d.environment()).isEmpty();
    }

    @Test
    void commasAndSemicolonsSeparateEntriesAsInJBang() throws Exception {
        ScriptDirectives d = of("""
                //REPOS central,acme=https://repo.acme.com/maven2/
                //DEPS info.picocli:picocli:4.7.7, org.slf4j:slf4j-api:2.0.9;org.slf4j:slf4j-simple:2.0.9 // logging
                """);
        assertThat(d.repositories()).containsExactly(new Repository("central", "https://repo1.maven.org/maven2/"),
                new Repository("acme", "https://repo.acme.com/maven2/"));
        assertThat(d.dependencies()).extracting(Coordinate::toString).containsExactly("info.picocli:picocli:4.7.7",
                "org.slf4j:slf4j-api:2.0.9", "org.slf4j:slf4j-simple:2.0.9");
    }

    @Test
    void propertiesAndEnvironmentAreSubstitutedAndTheVariablesRecorded() throws Exception {
        ScriptDirectives d = of("""
                //DEPS ${env.GROUP}:lib:${env.VERSION}
                //JAVA_OPTIONS -Dos=${os.name} -Dv=${env.VERSION}
                """, Map.of("GROUP", "com.acme", "VERSION", "2.0", "UNUSED", "x"));
        assertThat(d.dependencies()).extracting(Coordinate::toString).containsExactly("com.acme:lib:2.0");
        assertThat(d.javaOptions()).containsExactly("-Dos=Linux", "-Dv=2.0");
        assertThat(d.environment()).isEqualTo(Map.of("GROUP", "com.acme", "VERSION", "2.0"));
    }

    @Test
    void versionFromABom() throws Exception {
        ScriptDirectives d = of("//DEPS org.junit.jupiter:junit-jupiter-api\n//DEPS org.junit:junit-bom:5.14.1@pom\n");
        assertThat(d.dependencies().get(0).version()).isNull();
    }

    @Test
    void preview() throws Exception {
        ScriptDirectives d = of("//PREVIEW\n");
        assertThat(d.javaOptions()).containsExactly("--enable-preview");
        assertThat(d.javacOptions()).containsExactly("--enable-preview");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertError("public class App {}\n//DEPS foo\n",
                "src/App.java:2: //DEPS: \"foo\" is not a Maven coordinate (group:artifact:version[:classifier][@type])");
        assertError("\n\n//REPOS nosuch\n", "src/App.java:3: //REPOS: \"nosuch\" is not a repository URL");
        assertError("//JAVA seventeen\n", "src/App.java:1: //JAVA: \"seventeen\" is not a Java version (examples: 17, 21+)");
        assertError("//MAIN a.B c.D\n", "src/App.java:1: //MAIN: needs one class name");
        assertError("//JAVA_OPTIONS -Dx=\"open\n", "src/App.java:1: //JAVA_OPTIONS: unclosed \" quote");
        assertError("//DEPS ${env.NOT_SET}:a:1\n", "src/App.java:1: //DEPS: ${env.NOT_SET} is not set");
        assertError("//DEPS g:a:${version\n", "src/App.java:1: //DEPS: unclosed ${");
        assertError("//DEPS g:a:1\n//DEPS g:b\n", "src/App.java:2: //DEPS: \"g:b\" has no version, and no //DEPS");
        assertError("//DEPS g:bom@pom\n", "src/App.java:1: //DEPS: \"g:bom@pom\": a BOM needs a version");
    }

    private static void assertError(String source, String messageStart) {
        assertThatThrownBy(() -> of(source)).isInstanceOf(DirectiveException.class).hasMessageStartingWith(messageStart);
    }
}
