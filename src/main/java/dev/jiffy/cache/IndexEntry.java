package dev.jiffy.cache;

import java.nio.charset.StandardCharsets;

/**
 * One index line, {@code v1 <actionID> <outputID> <size> <unixnanos>\n} with size and time as
 * {@code %20d}. The fixed length lets a reader reject a truncated or padded file at once.
 */
record IndexEntry(ActionId actionId, OutputId outputId, long size, long timeNanos) {
    static final int LENGTH = 2 + 1 + 64 + 1 + 64 + 1 + 20 + 1 + 20 + 1;

    byte[] encode() {
        String line = "v1 " + actionId.hex() + " " + outputId.hex() + " " + Decimal.padLeft(size, 20) + " "
                + Decimal.padLeft(timeNanos, 20) + "\n";
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
        long size = Decimal.parse(line.substring(133, 153).stripLeading(), 19);
        long time = Decimal.parse(line.substring(154, 174).stripLeading(), 19);
        if (size < 0 || time < 0) {
            return null;
        }
        return new IndexEntry(expected, new OutputId(out), size, time);
    }

}
