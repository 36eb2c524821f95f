package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void spacesSeparate() {
        assertThat(Words.split("  -Xmx1g\t-Dx=y   -ea ")).containsExactly("-Xmx1g", "-Dx=y", "-ea");
        assertThat(Words.split("")).isEmpty();
        assertThat(Words.split("   ")).isEmpty();
    }

    @Test
    void quotesGroup() {
        assertThat(Words.split("-Dgreeting=\"hello world\" '-Dq=a \"b\"'"))
                .containsExactly("-Dgreeting=hello world", "-Dq=a \"b\"");
        assertThat(Words.split("\"\" ''")).containsExactly("", "");
        assertThat(Words.split("a\"b c\"d")).containsExactly("ab cd");
    }

    @Test
    void backslashEscapes() {
        assertThat(Words.split("a\\ b c")).containsExactly("a b", "c");
        assertThat(Words.split("\"a \\\" b\"")).containsExactly("a \" b");
        // Single quotes keep a backslash, as sh does.
        assertThat(Words.split("'a\\b'")).containsExactly("a\\b");
    }

    @Test
    void listsAreSeparatedByCommasAndSemicolonsToo() {
        assertThat(Words.splitList("a:b:1, c:d:2;e:f:3 ,, g")).containsExactly("a:b:1", "c:d:2", "e:f:3", "g");
        assertThat(Words.splitList("\"with, comma\"")).containsExactly("with, comma");
        assertThat(Words.split("a,b")).containsExactly("a,b");
        // Version ranges keep their commas.
        assertThat(Words.splitList("g:a:[1.0,2.0), g:b:(,1.5];g:c:[1,2),[3,)"))
                .containsExactly("g:a:[1.0,2.0)", "g:b:(,1.5]", "g:c:[1,2),[3,)");
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Words.split("-Dx=\"open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed \" quote in \"-Dx=\"open\"");
        assertThat(Words.split("x")).isEqualTo(List.of("x"));
    }
}
