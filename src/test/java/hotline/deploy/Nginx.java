package hotline.deploy;

import hotline.TestTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import java.time.Duration;

/**
 * Debian's nginx, run by a test as its own process on a temporary directory (its own prefix, pid file, logs and
 * temporary files) and loopback ports, with the repository's example configuration changed only where a test must:
 * its ports, its paths and its certificate.
 */
final class Nginx implements AutoCloseable {
    /** The example configuration, as the README installs it. */
    static final Path EXAMPLE = Path.of("deploy", "nginx-hotline.conf");

    final int httpsPort;
    final int httpPort;
    final Path dir;
    private final Process process;

    private Nginx(Process process, Path dir, int httpsPort, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    /** The nginx binary, if installed (Debian: /usr/sbin/nginx, outside many users' PATH). */
    static Optional<Path> binary() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/usr/local/nginx/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
                return Optional.of(Path.of(dir, "nginx"));
            }
        }
        return Optional.empty();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example, made to run here: it listens on loopback ports, proxies to {@code upstreamPort}, uses the test's
     * certificate and writes its log in {@code dir}. Each change must find its line, so the example cannot drift from
     * what is tested without this failing.
     */
    static String exampleFor(Path dir, TestTls tls, int httpsPort, int httpPort, int upstreamPort) throws IOException {
        String config = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        Map<String, String> changes = Map.of(
                "listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;",
                "listen 80;", "listen 127.0.0.1:" + httpPort + ";",
                "/etc/letsencrypt/live/hotline.example.org/fullchain.pem", tls.certificate.toString(),
                "/etc/letsencrypt/live/hotline.example.org/privkey.pem", tls.privateKey.toString(),
                "proxy_pass http://127.0.0.1:8080;", "proxy_pass http://127.0.0.1:" + upstreamPort + ";",
                "/var/log/nginx/hotline.access.log", dir.resolve("hotline.access.log").toString());
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!config.contains(change.getKey())) {
                throw new AssertionError(EXAMPLE + " no longer has \"" + change.getKey() + "\": update this test with it");
            }
            config = config.replace(change.getKey(), change.getValue());
        }
        return config;
    }

    /** Starts nginx in the foreground, as a child of this test, and waits until it answers on both ports. */
    static Nginx start(Path binary, Path dir, TestTls tls, int upstreamPort) throws IOException, InterruptedException {
        int httpsPort = freePort();
        int httpPort = freePort();
        return start(binary, dir, tls, httpsPort, httpPort, upstreamPort);
    }

    static Nginx start(Path binary, Path dir, TestTls tls, int httpsPort, int httpPort, int upstreamPort)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hotline.conf"), exampleFor(dir, tls, httpsPort, httpPort, upstreamPort));
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "daemon off;",
                "worker_processes 1;",
                // As root, nginx would run its worker as nobody, which cannot enter this private directory.
                root ? "user root;" : "",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + dir.resolve("client_body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("scgi") + ";",
                "  include " + dir.resolve("hotline.conf") + ";",
                "}", ""));
        Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(process, dir, httpsPort, httpPort);
        try {
            Awaitility.await("nginx listening").atMost(Duration.ofSeconds(30)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx stopped at start: " + Files.readString(dir.resolve("nginx.out"))
                            + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
                }
                return listening(httpsPort) && listening(httpPort);
            });
            return nginx;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            nginx.close();
            throw new AssertionError("nginx did not listen: " + Files.readString(dir.resolve("error.log")));
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String httpsBase() {
        return "https://127.0.0.1:" + httpsPort;
    }

    List<String> accessLog() throws IOException {
        Path log = dir.resolve("hotline.access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Stops this nginx (the process started here, by its handle), and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
