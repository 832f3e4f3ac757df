package hotline;

import hotline.content.ContentStore;
import hotline.catalog.CatalogSource;
import hotline.catalog.PromptDirectory;
import hotline.db.Database;
import hotline.simulator.TwilioSigner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hotline, as its own process, killed with SIGKILL while calls pour in: on restart the database is intact,
 * the published version too, only events still queued at the kill are missing, and a call that was in the middle
 * of a menu carries on, since its state is in the URL of its next webhook.
 */
@Slow
class CrashTest {
    private static final String TOKEN = "crash0123456789abcdef0123456789ab";
    /** The writer's queue, plus the batch it may have been writing: all a kill may lose. */
    private static final long MOST_EVENTS_LOST = 100_000 + 2_000;
    /** Calls answered before the kill, so that it lands while calls and their events are pouring in. */
    private static final long CALLS_BEFORE_THE_KILL = 1_000;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedUnderLoadItRestartsWithItsDatabaseAndContentIntactAndCallsCarryOn() throws Exception {
        Path data = Files.createTempDirectory("hotline-crash");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process first = start(data, port);
        awaitAnswering(base);

        String midCallMenu = "/voice/menu?lang=en-US&menu=main&tries=0";
        assertEquals(200, post(base, midCallMenu, Map.of("CallSid", "CA" + "1".repeat(32), "Digits", "2")),
                "a caller is in the main menu, about to press 1 after the restart");

        AtomicLong answered = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int caller = t;
            callers.submit(() -> {
                for (long n = 0; running.get(); n++) {
                    String sid = "CA" + String.format("%08d%024d", caller, n);
                    try {
                        if (post(base, "/voice/incoming", Map.of("CallSid", sid, "To", "+15555550199")) == 200) {
                            answered.incrementAndGet();
                        }
                    } catch (IOException refusedOrKilled) {
                        // a slow answer on a busy machine, or the kill: only the end of the run stops a caller
                        if (!running.get()) {
                            return null;
                        }
                    }
                }
                return null;
            });
        }
        // Under load means this many calls answered, however long that takes on a busy machine; the bound only
        // catches a hotline that stopped answering altogether.
        Awaitility.await(CALLS_BEFORE_THE_KILL + " calls answered (see hotline-0.log in " + data + ")")
                .atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> answered.get() >= CALLS_BEFORE_THE_KILL);
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        running.set(false);
        callers.shutdown();
        assertTrue(callers.awaitTermination(1, TimeUnit.MINUTES), "the callers stop once the hotline is gone");
        assertTrue(answered.get() >= CALLS_BEFORE_THE_KILL, "calls were pouring in: " + answered.get());

        Path file = data.resolve(Database.FILE_NAME);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement()) {
            assertEquals("ok", single(sql, "PRAGMA integrity_check"));
            long written = Long.parseLong(single(sql, "SELECT COUNT(*) FROM call_event WHERE kind = 'call_started'"));
            long rolledUp = Long.parseLong(single(sql,
                    "SELECT COALESCE(SUM(event_count), 0) FROM event_rollup WHERE kind = 'call_started'"));
            assertEquals(written, rolledUp, "every batch was written whole, with its rollup, or not at all");
            assertTrue(written <= answered.get() + 1, written + " written, " + answered.get() + " answered");
            assertTrue(answered.get() - written <= MOST_EVENTS_LOST, "only what was queued is missing: "
                    + (answered.get() - written) + " of " + answered.get());
        }

        Process second = start(data, port);
        awaitAnswering(base);
        HttpResponse<String> carriesOn = postForBody(base, midCallMenu, Map.of("CallSid", "CA" + "1".repeat(32), "Digits", "1"));
        assertEquals(200, carriesOn.statusCode());
        assertTrue(carriesOn.body().contains("Facts about human trafficking."), carriesOn.body());
        second.destroy();
        second.waitFor();

        Database database = Database.openIn(data);
        ContentStore content = new ContentStore(database, Clock.systemUTC());
        assertEquals(1, content.latest().orElseThrow().id(), "no version was lost or added");
        CatalogSource seed = PromptDirectory.read(TestHotline.SEED_PROMPTS);
        assertEquals(seed.prompts(), content.content(1).orElseThrow().prompts(), "the published version is intact");
    }

    private Process start(Path data, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), App.class.getName())
                .redirectErrorStream(true).redirectOutput(data.resolve("hotline-" + processes.size() + ".log").toFile());
        builder.environment().putAll(Map.of("TWILIO_AUTH_TOKEN", TOKEN, "HOTLINE_PORT", Integer.toString(port),
                "HOTLINE_PUBLIC_URL", "http://127.0.0.1:" + port, "HOTLINE_DATA_DIR", data.toString(),
                "HOTLINE_PROMPTS_DIR", TestHotline.SEED_PROMPTS.toAbsolutePath().toString(),
                "HOTLINE_ALLOW_HTTP", "1"));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** However long a start takes on a busy machine; the bound only catches a hotline that never starts. */
    private void awaitAnswering(String base) {
        Awaitility.await("the hotline answering (see hotline-*.log in its data directory)").atMost(Duration.ofMinutes(2))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private int post(String base, String pathAndQuery, Map<String, String> params) throws IOException, InterruptedException {
        return postForBody(base, pathAndQuery, params).statusCode();
    }

    private HttpResponse<String> postForBody(String base, String pathAndQuery, Map<String, String> params)
            throws IOException, InterruptedException {
        String body = TwilioSigner.formBody(params);
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, base + pathAndQuery, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
