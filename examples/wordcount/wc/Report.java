package wc;

import java.util.List;

/** The printed report: the total, then the most frequent words. */
final class Report {
    private Report() {}

    static String format(int total, List<Counter.Count> top) {
        StringBuilder b = new StringBuilder(total + " words");
        for (Counter.Count c : top) {
            b.append('\n').append(String.format("%6d %s", c.times(), c.word()));
        }
        return b.toString();
    }
}
