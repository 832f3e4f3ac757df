package hotline.operations;

import hotline.voice.CallsInProgress;
import hotline.TestHotline;
import hotline.metrics.CallEventWriter;

import io.javalin.Javalin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics}: what Prometheus reads, and who may read it. */
class OperationsMetricsTest {
    private static TestHotline hotline;

    @BeforeAll
    static void start() {
        hotline = TestHotline.start();
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static String scrape() {
        HttpResponse<String> metrics = hotline.get(MetricsController.PATH,
                Map.of("Authorization", "Bearer " + TestHotline.METRICS_TOKEN));
        assertEquals(200, metrics.statusCode(), metrics.body());
        return metrics.body();
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertTrue(line.find(), series + " in\n" + scrape);
        return Double.parseDouble(line.group(1));
    }

    @Test
    void webhookLatencyEventsAndPublishesAreExposed() {
        hotline.call("1 1 #");
        String scrape = scrape();
        assertTrue(scrape.contains("hotline_webhook_seconds_bucket{route=\"/voice/incoming\",status=\"200\",le="), scrape);
        assertTrue(scrape.contains("hotline_webhook_seconds_count{route=\"/voice/menu\",status=\"200\"}"), scrape);
        assertTrue(scrape.contains("hotline_events_written_total"), scrape);
        assertEquals(0, value(scrape, "hotline_events_dropped_total"));
        assertTrue(scrape.contains("hotline_content_publishes_total"), scrape);
        assertTrue(scrape.contains("jvm_memory_used_bytes"), scrape);
        assertFalse(scrape.matches("(?s).*CA[0-9a-f]{32}.*"), "no call ids");
    }

    @Test
    void callsInProgressFollowTheCallsStartAndItsFinalStatusOnce() {
        String sid = "CA" + "7".repeat(32);
        double before = value(scrape(), "hotline_calls_in_progress");
        hotline.postSigned("/voice/incoming", Map.of("CallSid", sid, "To", TestHotline.HOTLINE_NUMBER));
        assertEquals(before + 1, value(scrape(), "hotline_calls_in_progress"));
        hotline.postSigned("/voice/status", Map.of("CallSid", sid, "CallStatus", "ringing"));
        assertEquals(before + 1, value(scrape(), "hotline_calls_in_progress"), "not over yet");
        for (int repeat = 0; repeat < 2; repeat++) {
            hotline.postSigned("/voice/status", Map.of("CallSid", sid, "CallStatus", "completed", "CallDuration", "61"));
        }
        assertEquals(before, value(scrape(), "hotline_calls_in_progress"), "a repeated final status ends the call once");
    }

    @Test
    void withoutTheTokenMetricsAreRefused() {
        assertEquals(403, hotline.get(MetricsController.PATH).statusCode());
        assertEquals(403, hotline.get(MetricsController.PATH, Map.of("Authorization", "Bearer wrong")).statusCode());
        assertEquals(403, hotline.get(MetricsController.PATH, Map.of("Authorization", TestHotline.METRICS_TOKEN)).statusCode());
    }

    /** In local mode with no token configured: this machine may read them, but not through a proxy. */
    @Test
    void withoutAConfiguredTokenOnlyThisMachineMayReadThem() throws Exception {
        OperationsMetrics metrics = new OperationsMetrics(new CallEventWriter(hotline.database, () -> TestHotline.LOS_ANGELES, hotline.clock, Duration.ofDays(1)),
                new CallsInProgress(), hotline.catalog, hotline.clock);
        MetricsController controller = new MetricsController(metrics);
        OperatorAccess operators = new OperatorAccess(Optional.empty(), true);
        Javalin app = Javalin.create(config -> {
            config.routes.beforeMatched(operators::check);
            config.routes.get(MetricsController.PATH, controller::show);
        }).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + MetricsController.PATH);
            assertEquals(200, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(uri).header("X-Forwarded-For", "203.0.113.9").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, proxied.statusCode());
            assertTrue(proxied.body().contains("set HOTLINE_METRICS_TOKEN"), proxied.body());
        } finally {
            app.stop();
        }
    }
}
