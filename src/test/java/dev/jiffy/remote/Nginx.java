package dev.jiffy.remote;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx serving WebDAV PUT on a free port of 127.0.0.1, set up as the README tells users
 * to, with its configuration, logs and temporary files in a test's directory. A machine without
 * nginx fails the tests that need it (CI installs it); {@code -Djiffy.nginx.optional=true} turns
 * that into a skip for local runs.
 */
public final class Nginx implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path data;
    private final Path dir;

    private Nginx(Process process, int port, Path data, Path dir) {
        this.process = process;
        this.port = port;
        this.data = data;
        this.dir = dir;
    }

    public static Nginx start(Path dir) throws IOException, InterruptedException {
        Path binary = find();
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Path data = Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, data, port));
            Process p = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-e", dir.resolve("logs/error.log").toString(),
                    "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/stdout.log").toFile())
                    .start();
            if (awaitListening(p, port)) {
                return new Nginx(p, port, data, dir);
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            last = new IOException("nginx did not start on port " + port + ": " + log(dir));
        }
        throw last;
    }

    /** The configuration of the README's set-up, with every path inside {@code dir}. */
    static String config(Path dir, Path data, int port) {
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events { worker_connections 64; }
                http {
                  access_log %1$s/logs/access.log;
                  client_body_temp_path %1$s/body;
                  server {
                    listen 127.0.0.1:%3$d;
                    root %2$s;
                    client_max_body_size 0;
                    location / {
                      dav_methods PUT;
                      create_full_put_path on;
                      dav_access user:rw;
                    }
                  }
                }
                """.formatted(dir, data, port);
    }

    private static Path find() {
        String configured = System.getProperty("jiffy.nginx");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured);
        }
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
                return Path.of(dir, "nginx");
            }
        }
        String why = "nginx is not installed (apt-get install nginx-light; .ci/run does)";
        if (Boolean.getBoolean("jiffy.nginx.optional")) {
            Assumptions.abort(why);
        }
        return fail(why + "; -Djiffy.nginx.optional=true skips these tests instead");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean awaitListening(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("logs/error.log")).strip();
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    public int port() {
        return port;
    }

    /** The base URL of a cache under {@code prefix}, e.g. {@code http://127.0.0.1:port/prefix}. */
    public String url(String prefix) {
        return "http://127.0.0.1:" + port + "/" + prefix;
    }

    /** nginx's document root: what was uploaded lies below it, as {@code <prefix>/ac/...}, {@code <prefix>/cas/...}. */
    public Path data() {
        return data;
    }

    /** The access log so far, to see which requests a test made. */
    public String accessLog() throws IOException {
        Path log = dir.resolve("logs/access.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
