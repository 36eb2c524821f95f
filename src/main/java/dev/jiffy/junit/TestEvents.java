package dev.jiffy.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PlatformRunner} wrote: one event per test, in order, and whether the run got to
 * its end (a test JVM that crashed or called {@code System.exit} did not).
 */
record TestEvents(List<Event> events, boolean finished) {
    /**
     * A test's start, or its end: pass, fail or skip, with its time and, for a failure, the stack
     * trace; {@code className} is the binary name of its class, or empty.
     */
    record Event(String kind, String name, String className, long millis, String detail) {
        Event(String kind, String name, long millis, String detail) {
            this(kind, name, "", millis, detail);
        }
    }

    static TestEvents read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        boolean finished = false;
        if (!Files.exists(file)) {
            return new TestEvents(events, false);
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.equals("end")) {
                finished = true;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length == 5) {
                events.add(new Event(f[0], unescape(f[1]), unescape(f[2]), f[3].isEmpty() ? 0 : Long.parseLong(f[3]),
                        unescape(f[4])));
            }
        }
        return new TestEvents(List.copyOf(events), finished);
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    long count(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).count();
    }

    /** The name of the test that started last and did not end: the one running when the JVM stopped. */
    String running() {
        List<String> open = new ArrayList<>();
        for (Event e : events) {
            if (e.kind().equals("start")) {
                open.add(e.name());
            } else {
                open.remove(e.name());
            }
        }
        return open.isEmpty() ? null : open.get(open.size() - 1);
    }
}
