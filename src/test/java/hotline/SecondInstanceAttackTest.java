package hotline;

import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.DataDirLock;

import io.javalin.Javalin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second hotline started on a data directory a running one uses (a second unit, a test run on the production
 * machine): it would keep serving the content it loaded after the first publishes. It refuses to start, saying
 * why; once the first stops (or dies), the directory is free again.
 */
class SecondInstanceAttackTest {
    private static final String TOKEN = "second0123456789abcdef0123456789";

    @Test
    void aSecondHotlineOnTheSameDataDirectoryRefusesToStart(@TempDir Path data) throws Exception {
        Javalin first = App.start(config(data, freePort()), Clock.systemUTC()).app();
        try {
            int port = freePort();
            Process second = start(data, port);
            String base = "http://127.0.0.1:" + port;
            try {
                Awaitility.await("the second hotline stopping").atMost(Duration.ofMinutes(2)).until(() -> {
                    if (answers(base)) {
                        throw new AssertionError("the second hotline started and answers on " + base);
                    }
                    return !second.isAlive();
                });
            } finally {
                second.destroyForcibly();
            }
            assertEquals(2, second.exitValue(), "it stops as for any configuration problem");
            String output = Files.readString(data.resolve("second.log"), StandardCharsets.UTF_8);
            assertTrue(output.contains("Hotline cannot start.") && output.contains(Config.DATA_DIR + " \"" + data)
                    && output.contains("is in use by another hotline that is running"), output);

            ConfigException inThisProcess = assertThrows(ConfigException.class,
                    () -> App.start(config(data, freePort()), Clock.systemUTC()));
            assertTrue(inThisProcess.getMessage().contains(DataDirLock.FILE_NAME), inThisProcess.getMessage());
        } finally {
            first.stop();
        }
        Javalin again = App.start(config(data, freePort()), Clock.systemUTC()).app();
        again.stop(); // stopping released it
    }

    private static Config config(Path data, int port) {
        return Config.fromMap(Map.of(Config.AUTH_TOKEN, TOKEN, Config.PORT, Integer.toString(port),
                Config.PUBLIC_URL, "http://127.0.0.1:" + port, Config.ALLOW_HTTP, "1", Config.DATA_DIR, data.toString(),
                Config.PROMPTS_DIR, TestHotline.SEED_PROMPTS.toAbsolutePath().toString()));
    }

    private static Process start(Path data, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), App.class.getName())
                .redirectErrorStream(true).redirectOutput(data.resolve("second.log").toFile());
        builder.environment().putAll(Map.of(Config.AUTH_TOKEN, TOKEN, Config.PORT, Integer.toString(port),
                Config.PUBLIC_URL, "http://127.0.0.1:" + port, Config.ALLOW_HTTP, "1", Config.DATA_DIR, data.toString(),
                Config.PROMPTS_DIR, TestHotline.SEED_PROMPTS.toAbsolutePath().toString()));
        return builder.start();
    }

    private static boolean answers(String base) throws InterruptedException {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
