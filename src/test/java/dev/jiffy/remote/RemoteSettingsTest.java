package dev.jiffy.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JIFFY_REMOTE_CACHE and JIFFY_REMOTE_HEADERS: parsed, and secret in every message. */
class RemoteSettingsTest {
    @Test
    void userInfoBecomesBasicCredentialsAndLeavesTheBase() {
        RemoteUrl url = RemoteUrl.parse("https://ci:s3cr%2Ft:x@cache.example:9090/team/jiffy/");
        assertThat(url.base()).hasToString("https://cache.example:9090/team/jiffy");
        assertThat(url.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ci:s3cr/t:x".getBytes(StandardCharsets.UTF_8)));
        assertThat(url.toString()).doesNotContain("s3cr");
        assertThat(url.resolve("ac/abc")).hasToString("https://cache.example:9090/team/jiffy/ac/abc");
    }

    @Test
    void aUrlWithoutUserInfoHasNoCredentials() {
        RemoteUrl url = RemoteUrl.parse("http://127.0.0.1:8080");
        assertThat(url.base()).hasToString("http://127.0.0.1:8080");
        assertThat(url.authorization()).isNull();
        assertThat(url.resolve("cas/abc")).hasToString("http://127.0.0.1:8080/cas/abc");
    }

    @Test
    void badUrlsAreRefusedWithoutEchoingThem() {
        for (String bad : new String[] {"ftp://u:hunter2@host/x", "u:hunter2@host", "http://u:hunter2@/x",
                "http://u:hunter2@host/x?q=1", "http://u:hunter2@ho st/"}) {
            assertThatThrownBy(() -> RemoteUrl.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
    }

    @Test
    void headersAreNameValuePairsSeparatedByCommasOrNewlines() {
        assertThat(RemoteHeaders.parse("Authorization=Bearer abc=def, X-Team = jiffy\nX-Empty="))
                .containsExactly(Map.entry("Authorization", "Bearer abc=def"), Map.entry("X-Team", "jiffy"),
                        Map.entry("X-Empty", ""));
        assertThat(RemoteHeaders.parse("")).isEmpty();
        assertThat(RemoteHeaders.redacted("Authorization=Bearer hunter2,X-Team=jiffy"))
                .isEqualTo("Authorization=xxxxx,X-Team=xxxxx");
    }

    @Test
    void badHeadersAreRefusedWithoutEchoingValues() {
        for (String bad : new String[] {"Authorization Bearer hunter2", "=hunter2", "Bad Name=hunter2",
                "Host=hunter2", "Content-Length=hunter2", "X-A=hunter2\u0001"}) {
            assertThatThrownBy(() -> RemoteHeaders.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
            assertThat(RemoteHeaders.redacted(bad)).doesNotContain("hunter2");
        }
    }
}
