package wc;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Words and how often each occurs. */
final class Counter {
    record Count(String word, int times) {}

    private final Map<String, Integer> counts = new HashMap<>();
    private int total;

    void add(String line) {
        for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()) {
                counts.merge(w, 1, Integer::sum);
                total++;
            }
        }
    }

    int total() {
        return total;
    }

    List<Count> top(int n) {
        return counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Count::times).reversed().thenComparing(Count::word))
                .limit(n)
                .toList();
    }
}
