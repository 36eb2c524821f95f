package dev.jiffy.cache;

/**
 * Plain decimal numbers in the cache's text files, parsed and padded by hand: every run reads
 * some, and regex or Formatter would cost jiffy's JVM milliseconds of class loading.
 */
public final class Decimal {
    private Decimal() {}

    /** A non-negative decimal of 1 to {@code maxDigits} digits; -1 for anything else. */
    public static long parse(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1; // 19 digits can be more than a long holds
        }
    }

    /** {@code n} right-aligned in {@code width} characters, as {@code %<width>d} does. */
    static String padLeft(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : " ".repeat(width - digits.length()) + digits;
    }
}
