package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoordinateTest {
    @Test
    void groupArtifactVersion() {
        Coordinate c = Coordinate.parse("info.picocli:picocli:4.7.7", true);
        assertThat(c).isEqualTo(new Coordinate("info.picocli", "picocli", "4.7.7", null, "jar"));
        assertThat(c.toString()).isEqualTo("info.picocli:picocli:4.7.7");
        assertThat(c.isDynamic()).isFalse();
    }

    @Test
    void classifierAndType() {
        Coordinate c = Coordinate.parse("io.netty:netty-transport-native-epoll:4.1.100.Final:linux-x86_64", true);
        assertThat(c.classifier()).isEqualTo("linux-x86_64");
        assertThat(c.type()).isEqualTo("jar");

        Coordinate bom = Coordinate.parse("org.junit:junit-bom:5.14.1@pom", true);
        assertThat(bom).isEqualTo(new Coordinate("org.junit", "junit-bom", "5.14.1", null, "pom"));
        assertThat(bom.toString()).isEqualTo("org.junit:junit-bom:5.14.1@pom");
    }

    @Test
    void versionMayBeLeftOutOnlyWhenAllowed() {
        Coordinate ga = Coordinate.parse("com.google.googlejavaformat:google-java-format", false);
        assertThat(ga.version()).isNull();
        assertThat(ga.isDynamic()).isTrue();
        assertThat(ga.withVersion("1.28.0").toString()).isEqualTo("com.google.googlejavaformat:google-java-format:1.28.0");

        assertThatThrownBy(() -> Coordinate.parse("com.google.googlejavaformat:google-java-format", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"com.google.googlejavaformat:google-java-format\" is not a Maven coordinate"
                        + " (group:artifact:version[:classifier][@type])");
    }

    @Test
    void versionsTheRepositoryCanChangeAreDynamic() {
        for (String v : new String[] {"1.0-SNAPSHOT", "[1.0,2.0)", "(,2.0]", "LATEST", "RELEASE"}) {
            assertThat(Coordinate.parse("g:a:" + v, true).isDynamic()).as(v).isTrue();
        }
        assertThat(Coordinate.parse("g:a:1.0-SNAPSHOT", true).isSnapshot()).isTrue();
        assertThat(Coordinate.parse("g:a:1.0", true).isSnapshot()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "g:", ":a:1", "g::1", "g:a:1:c:extra", "g:a:1@", "g:a b:1", "g:a/b:1", "g\\x:a:1", ""})
    void malformedCoordinatesAreRejectedWithTheTextInTheMessage(String text) {
        assertThatThrownBy(() -> Coordinate.parse(text, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }
}
