package dev.jiffy.deps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JBang-style directives: lines such as {@code //MAIN app.Main} or {@code //JAVA_OPTIONS -Xmx1g}
 * at the start of a line in a source file. A directive is {@code //} followed directly by an
 * upper-case word, so ordinary comments are never mistaken for one, and a value ends at
 * {@code " // "}, which starts a comment.
 */
public record Directives(List<Directive> all) {
    private static final Pattern COMMENT = Pattern.compile("\\s//\\s");

    /** One directive line: its keyword, its value and where it was written. */
    public record Directive(String keyword, String value, String file, int line) {}

    public static Directives parse(String file, byte[] source) {
        List<Directive> found = new ArrayList<>();
        String text = new String(source, StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (!line.startsWith("//") || line.length() < 3 || !Character.isUpperCase(line.charAt(2))) {
                continue;
            }
            String body = line.substring(2).strip();
            int end = 0;
            while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
                end++;
            }
            String keyword = body.substring(0, end);
            if (!keyword.chars().allMatch(c -> c == '_' || Character.isUpperCase(c) || Character.isDigit(c))) {
                continue;
            }
            String value = body.substring(end);
            // As in JBang, " // " ends the value: //DEPS g:a:1 // why.
            Matcher comment = COMMENT.matcher(value);
            if (comment.find()) {
                value = value.substring(0, comment.start());
            }
            found.add(new Directive(keyword, value.strip(), file, lineNo));
        }
        return new Directives(List.copyOf(found));
    }

    public List<Directive> named(String keyword) {
        return all.stream().filter(d -> d.keyword().equals(keyword)).toList();
    }
}
