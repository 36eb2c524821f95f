package dev.jiffy.cli;

import dev.jiffy.cache.Decimal;
import java.time.Duration;

/** Parses the sizes and ages that settings take: {@code 10G}, {@code 512M}, {@code 5d}, {@code 12h}. */
final class Quantities {
    private Quantities() {}

    /** Bytes, with an optional binary suffix K, M, G or T; -1 if the text is not a size. */
    static long parseSize(String text) {
        String s = text.strip();
        if (s.endsWith("B") || s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return -1;
        }
        int shift = switch (Character.toUpperCase(s.charAt(s.length() - 1))) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        long n = Decimal.parse(shift == 0 ? s : s.substring(0, s.length() - 1), 15);
        return n < 0 ? -1 : n << shift;
    }


    /** A duration such as {@code 5d}, {@code 12h}, {@code 30m} or {@code 90s}; null if it is not one. */
    static Duration parseAge(String text) {
        String s = text.strip();
        long n = s.isEmpty() ? -1 : Decimal.parse(s.substring(0, s.length() - 1), 9);
        if (n < 0 || "dhms".indexOf(s.charAt(s.length() - 1)) < 0) {
            return null;
        }
        return switch (s.charAt(s.length() - 1)) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** A size for people: {@code 1.2 MB}. */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String units = "KMGT";
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length() - 1) {
            v /= 1024;
            i++;
        }
        return String.format("%.1f %siB", v, units.charAt(i));
    }
}
