package dev.jiffy.work;

import java.util.List;
import java.util.stream.Collectors;

/** Quotes words for POSIX sh: single quotes, with embedded quotes closed, escaped and reopened. */
public final class ShellQuote {
    private ShellQuote() {}

    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
