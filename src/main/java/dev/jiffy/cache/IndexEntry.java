package dev.jiffy.cache;

import java.nio.charset.StandardCharsets;

/**
 * One index line, {@code v1 <actionID> <outputID> <size> <unixnanos>\n} with size and time as
 * {@code %20d}. The fixed length lets a reader reject a truncated or padded file at once.
 */
record IndexEntry(ActionId actionId, OutputId outputId, long size, long timeNanos) {
    static final int LENGTH = 2 + 1 + 64 + 1 + 64 + 1 + 20 + 1 + 20 + 1;

    byte[] encode() {
        String line = String.format("v1 %s %s %20d %20d\n", actionId.hex(), outputId.hex(), size, timeNanos);
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses an entry read for {@code expected}; returns null for anything else. */
    static IndexEntry decode(byte[] data, ActionId expected) {
        if (data.length != LENGTH || data[LENGTH - 1] != '\n') {
            return null;
        }
        String line = new String(data, 0, LENGTH - 1, StandardCharsets.US_ASCII);
        if (!line.startsWith("v1 ") || line.charAt(67) != ' ' || line.charAt(132) != ' ' || line.charAt(153) != ' ') {
            return null;
        }
        if (!line.substring(3, 67).equals(expected.hex())) {
            return null;
        }
        String out = line.substring(68, 132);
        if (!Sha256.isHex64(out)) {
            return null;
        }
        long size = parseField(line.substring(133, 153));
        long time = parseField(line.substring(154, 174));
        if (size < 0 || time < 0) {
            return null;
        }
        return new IndexEntry(expected, new OutputId(out), size, time);
    }

    /** A right-aligned, space-padded decimal; -1 if it is not one. */
    private static long parseField(String field) {
        String digits = field.stripLeading();
        if (digits.isEmpty() || digits.length() > 19) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1; // 19 digits can be more than a long holds
        }
    }
}
