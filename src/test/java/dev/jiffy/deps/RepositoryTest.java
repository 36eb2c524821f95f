package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryTest {
    @Test
    void idAndUrl() {
        assertThat(Repository.parse("acme=https://repo.acme.com/maven2/"))
                .isEqualTo(new Repository("acme", "https://repo.acme.com/maven2/"));
        assertThat(Repository.parse(" local = file:///srv/repo ")).isEqualTo(new Repository("local", "file:///srv/repo"));
    }

    @Test
    void urlWithoutIdGetsAStableId() {
        Repository a = Repository.parse("https://repo.acme.com/maven2/");
        assertThat(a.url()).isEqualTo("https://repo.acme.com/maven2/");
        assertThat(a.id()).isEqualTo(Repository.parse("https://repo.acme.com/maven2/").id())
                .isNotEqualTo(Repository.parse("https://other.example/maven2/").id());
    }

    @Test
    void jbangShortNames() {
        assertThat(Repository.parse("central")).isEqualTo(new Repository("central", "https://repo1.maven.org/maven2/"));
        assertThat(Repository.parse("mavenCentral").url()).isEqualTo("https://repo1.maven.org/maven2/");
        assertThat(Repository.parse("jitpack")).isEqualTo(new Repository("jitpack", "https://jitpack.io/"));
        assertThat(Repository.parse("google").url()).isEqualTo("https://maven.google.com/");
        // A short name with an id of one's own keeps that id.
        assertThat(Repository.parse("mirror=central")).isEqualTo(new Repository("mirror", "https://repo1.maven.org/maven2/"));
    }

    @Test
    void unknownNamesAndOtherSchemesAreRejected() {
        assertThatThrownBy(() -> Repository.parse("nosuch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"nosuch\" is not a repository URL (http, https or file) or a known name (")
                .hasMessageContaining("central").hasMessageContaining("jitpack");
        assertThatThrownBy(() -> Repository.parse("ftp://example.com/repo")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Repository.parse("x=https://bad host/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://bad host/");
    }
}
