package dev.jiffy.deps;

import java.util.ArrayList;
import java.util.List;

/** Splits an options line into words as a shell would: spaces separate, quotes group, backslash escapes. */
public final class Words {
    private Words() {}

    public static List<String> split(String line) {
        return split(line, false);
    }

    /**
     * Splits a list of names ({@code //DEPS}, {@code //REPOS}, {@code //SOURCES}, {@code //FILES}):
     * as JBang does, commas and semicolons separate too, so {@code //DEPS a:b:1, c:d:2} is two;
     * but not inside brackets, so that a version range {@code g:a:[1.0,2.0)} stays one.
     */
    public static List<String> splitList(String line) {
        return split(line, true);
    }

    private static List<String> split(String line, boolean list) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int brackets = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c) || (list && (c == ',' || c == ';') && !inRange(line, i, brackets))) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                brackets = 0;
            } else {
                if (c == '[' || c == '(') {
                    brackets++;
                } else if ((c == ']' || c == ')') && brackets > 0) {
                    brackets--;
                }
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in \"" + line + "\"");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** A comma inside a version range, or between the ranges of a multiple one ({@code [1,2),[3,)}). */
    private static boolean inRange(String line, int comma, int brackets) {
        if (brackets > 0) {
            return true;
        }
        char before = comma > 0 ? line.charAt(comma - 1) : ' ';
        char after = comma + 1 < line.length() ? line.charAt(comma + 1) : ' ';
        return line.charAt(comma) == ',' && (before == ']' || before == ')') && (after == '[' || after == '(');
    }
}
