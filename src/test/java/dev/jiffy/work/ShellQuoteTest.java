package dev.jiffy.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Quoted words go into executables' headers, run files and the launcher's hand-off, where sh
 * reads them back: so the test is a real sh reading them back, word for word.
 */
class ShellQuoteTest {
    @Test
    void shReadsBackEveryWordUnchanged() throws Exception {
        List<String> words = List.of("plain", "", "two words", "'", "it's", "''", "\"", "$HOME", "${x-y}", "$(id)",
                "`id`", "\\", "back\\slash", "*", "?", "[a]", "~", "-n", "--", "a;b", "a&b", "a|b", "<in", ">out",
                "#hash", "new\nline", "tab\tstop", "!", "{a,b}");
        String script = "printf '[%s]\\n' " + ShellQuote.join(words);
        Process sh = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        sh.getOutputStream().close();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(out).isZero();

        StringBuilder expected = new StringBuilder();
        words.forEach(w -> expected.append('[').append(w).append("]\n"));
        assertThat(out).isEqualTo(expected.toString());
    }

    @Test
    void quoteIsSingleQuotesWithEmbeddedQuotesEscaped() {
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.join(List.of("a", ""))).isEqualTo("'a' ''");
    }
}
