package dev.jiffy.cli;

import java.time.Duration;

/** Parses the sizes and ages that settings take: {@code 10G}, {@code 512M}, {@code 5d}, {@code 12h}. */
final class Quantities {
    private Quantities() {}

    /** Bytes, with an optional binary suffix K, M, G or T; -1 if the text is not a size. */
    static long parseSize(String text) {
        String s = text.strip();
        if (!s.matches("[0-9]{1,15}[KMGTkmgt]?[Bb]?")) {
            return -1;
        }
        s = s.replaceAll("[Bb]$", "");
        char unit = Character.toUpperCase(s.charAt(s.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) << shift;
    }

    /** A duration such as {@code 5d}, {@code 12h}, {@code 30m} or {@code 90s}; null if it is not one. */
    static Duration parseAge(String text) {
        String s = text.strip();
        if (!s.matches("[0-9]{1,9}[dhms]")) {
            return null;
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
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
