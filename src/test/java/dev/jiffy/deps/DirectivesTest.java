package dev.jiffy.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectivesTest {
    private static List<Directives.Directive> parse(String source) {
        return Directives.parse("App.java", source.getBytes(StandardCharsets.UTF_8)).all();
    }

    @Test
    void directivesAreUpperCaseWordsRightAfterTheSlashesAtTheStartOfALine() {
        List<Directives.Directive> all = parse("""
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //DEPS g:a:1
                // DEPS not:one:1
                //Deps not:one:1
                  //DEPS not:one:1
                String s = "//DEPS not:one:1";
                //PREVIEW
                //JAVA_OPTIONS\t-Xmx1g\r
                """);
        assertThat(all).containsExactly(new Directives.Directive("DEPS", "g:a:1", "App.java", 2),
                new Directives.Directive("PREVIEW", "", "App.java", 7),
                new Directives.Directive("JAVA_OPTIONS", "-Xmx1g", "App.java", 8));
    }

    @Test
    void aSpacedDoubleSlashStartsAComment() {
        List<Directives.Directive> all = parse("""
                //DEPS info.picocli:picocli:4.7.7 // <.>
                //REPOS acme=https://repo.acme.com/maven2/ // the team's
                //MAIN app.Main// not a comment without spaces
                """);
        assertThat(all).extracting(Directives.Directive::value).containsExactly("info.picocli:picocli:4.7.7",
                "acme=https://repo.acme.com/maven2/", "app.Main// not a comment without spaces");
    }
}
