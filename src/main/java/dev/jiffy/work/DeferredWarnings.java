package dev.jiffy.work;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings javac, by default, defers to notes at the end of a compile ("Note: Some input
 * files use unchecked or unsafe operations."), and which sources they are about. The notes are
 * a function of which sources have such warnings: none, exactly one (named), or several. So when
 * an edit leaves that the same, a full compile would print the same notes, which is what lets
 * {@link WarmCompiles} build on a compile whose only output was notes. The sources are found by
 * compiling with the two lints on ({@link #LINT}), which print each such warning with its file
 * and category and change no class file.
 */
final class DeferredWarnings {
    private static final List<String> CATEGORIES = List.of("deprecation", "unchecked");
    /** The options that print each deferred warning instead: every one of them, however many. */
    static final List<String> LINT = List.of("-Xlint:" + String.join(",", CATEGORIES), "-Xmaxwarns", "100000000");
    private static final Pattern WARNING = Pattern.compile(
            Compiler.MARK + "([^" + Compiler.MARK + "]*)" + Compiler.MARK + ":\\d+: warning: \\[(\\w+)] .*");

    private DeferredWarnings() {}

    /**
     * Each source's categories of deferred warnings, from the output of a compile with
     * {@link #LINT}, by the source's path below the target's root; null if it says anything else
     * (an error, a warning of another kind, a note).
     */
    static Map<String, Set<String>> of(String lintOutput) {
        Map<String, Set<String>> flagged = new TreeMap<>();
        for (String line : lintOutput.lines().toList()) {
            if (line.startsWith("Note:") || line.startsWith("warning:") || line.startsWith("error:")) {
                return null;
            }
            if (line.indexOf(Compiler.MARK) != 0) {
                continue; // the source line javac quotes, the caret, "N warnings"
            }
            Matcher m = WARNING.matcher(line);
            if (!m.matches() || !CATEGORIES.contains(m.group(2))) {
                return null;
            }
            flagged.computeIfAbsent(m.group(1), s -> new TreeSet<>()).add(m.group(2));
        }
        return flagged;
    }

    /** True if javac's output is nothing but notes. */
    static boolean notesOnly(String output) {
        return !output.isEmpty() && output.lines().allMatch(l -> l.startsWith("Note: "));
    }

    /**
     * True if {@code flagged} accounts for every line of {@code notes}: two notes (which sources,
     * and "recompile with -Xlint") for each category some source has, and the one source named
     * when it is one. Else some note is of a kind this class does not follow, and no incremental
     * compile can know it would print the same.
     */
    static boolean explain(Map<String, Set<String>> flagged, String notes) {
        int categories = 0;
        for (String category : CATEGORIES) {
            List<String> sources = sources(flagged, category);
            if (!sources.isEmpty()) {
                categories++;
                if (sources.size() == 1 && !notes.contains(Compiler.MARK + sources.get(0) + Compiler.MARK)) {
                    return false;
                }
            }
        }
        return notes.lines().count() == 2L * categories;
    }

    /** What the notes depend on: for each category, no source, the one source, or several. */
    static String signature(Map<String, Set<String>> flagged) {
        StringBuilder b = new StringBuilder();
        for (String category : CATEGORIES) {
            List<String> sources = sources(flagged, category);
            b.append(category).append(": ")
                    .append(sources.isEmpty() ? "none" : sources.size() == 1 ? "only " + sources.get(0) : "several").append('\n');
        }
        return b.toString();
    }

    private static List<String> sources(Map<String, Set<String>> flagged, String category) {
        return flagged.entrySet().stream().filter(e -> e.getValue().contains(category)).map(Map.Entry::getKey).toList();
    }
}
