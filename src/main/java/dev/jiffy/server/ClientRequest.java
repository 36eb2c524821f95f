package dev.jiffy.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request of bin/jiffy, read off the client's process: the launcher sends only its pid, how
 * many of its arguments are jiffy's, and the values it exported itself; its arguments
 * ({@code /proc/PID/cmdline}), environment ({@code environ}) and directory ({@code cwd}) are
 * read here, and its standard streams are opened through {@code /proc/PID/fd}, so the build
 * writes to the client's terminal or pipe as jiffy's own JVM would. A regular file cannot be
 * shared that way (a second open would write at its own offset), so output meant for one is
 * kept in a file beside the reply FIFO, which the launcher copies out. Its stdin is not shared
 * (a pipe's data could go to either reader): the launcher sends no {@code run -} here.
 */
record ClientRequest(long pid, List<String> args, Map<String, String> env, Path cwd) {

    /**
     * A request line: {@code PID ARGC IMPLICIT_RUN [JIFFY_TEST_ENV]}, where {@code IMPLICIT_RUN}
     * is 1 when the launcher took {@code jiffy FILE} as {@code jiffy run FILE}; null when it does
     * not parse or the process is not the user's.
     */
    static ClientRequest read(String line) throws IOException {
        String[] f = line.strip().split(" ", 4);
        if (f.length < 3 || !f[0].matches("[0-9]{1,10}") || !f[1].matches("[0-9]{1,6}")) {
            return null;
        }
        long pid = Long.parseLong(f[0]);
        int argc = Integer.parseInt(f[1]);
        Path proc = Path.of("/proc", f[0]);
        Object owner = Files.getAttribute(proc, "unix:uid");
        if (!owner.equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
            return null; // only the user's own processes (the FIFO's directory is the user's alone, too)
        }
        List<String> argv = split(Files.readAllBytes(proc.resolve("cmdline")));
        if (argc > argv.size()) {
            return null;
        }
        List<String> args = new ArrayList<>(argv.subList(argv.size() - argc, argv.size()));
        if (f[2].equals("1")) {
            args.add(0, "run");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        if (f.length == 4 && !f[3].isBlank()) {
            env.put("JIFFY_TEST_ENV", f[3]);
        }
        return new ClientRequest(pid, List.copyOf(args), env, proc.resolve("cwd").toRealPath());
    }

    private static List<String> split(byte[] nulSeparated) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < nulSeparated.length; i++) {
            if (nulSeparated[i] == 0) {
                out.add(new String(nulSeparated, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < nulSeparated.length) {
            out.add(new String(nulSeparated, start, nulSeparated.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The client's file descriptor {@code fd}, as /proc shows it. */
    Path fd(int fd) {
        return Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
    }

    /** Whether the client's stderr is a terminal, as bin/jiffy's {@code [ -t 2 ]} would say. */
    boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(fd(2)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The client's stream {@code fd} opened for writing, or, when it is a regular file or cannot
     * be opened (a socket), a stream into {@code capture}, which the launcher copies out.
     */
    OutputStream output(int fd, Path capture, List<String> captured, String name) throws IOException {
        Path stream = fd(fd);
        if (!Files.isRegularFile(stream)) {
            try {
                return Files.newOutputStream(stream, java.nio.file.StandardOpenOption.WRITE);
            } catch (IOException e) {
                // a socket, or gone: captured below
            }
        }
        captured.add(name);
        return Files.newOutputStream(capture);
    }
}
