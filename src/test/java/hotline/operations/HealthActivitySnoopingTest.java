package hotline.operations;

import hotline.TestHotline;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import org.awaitility.Awaitility;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Someone polls the public {@code /healthz} to learn when calls come in (a count that moves with each call), or to
 * read the database's error messages. Publicly it says whether the hotline is healthy and which content version
 * callers hear, and the same thing before and after a call; the counts are for operators with the metrics token.
 */
class HealthActivitySnoopingTest {

    @Test
    void aCallChangesNothingAnOutsiderCanSee() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            HttpResponse<String> publicly = hotline.get(HealthController.PATH);
            assertEquals(200, publicly.statusCode());
            String before = publicly.body();
            assertEquals("{\"status\":\"ok\",\"catalogVersion\":\"v1\"}", before);
            hotline.validCall("1 1 #");
            awaitWritten(hotline);
            assertEquals(before, hotline.get(HealthController.PATH).body());
            assertTrue(hotline.getAsOperator(HealthController.PATH).body().matches(
                    "\\{\"status\":\"ok\",\"catalogVersion\":\"v1\",\"database\":\"ok\",\"events\":\\{\"queued\":0,"
                            + "\"written\":[1-9][0-9]*,\"dropped\":0,\"lastProblem\":\"\"}}"),
                    "operators see the counts: " + hotline.getAsOperator(HealthController.PATH).body());
            for (Map<String, String> wrong : java.util.List.of(Map.of("Authorization", "Bearer wrong-token-0123456789abcdef"),
                    Map.of("Authorization", TestHotline.METRICS_TOKEN), Map.of("X-Real-IP", "127.0.0.1"))) {
                assertEquals(before, hotline.get(HealthController.PATH, wrong).body(), "no counts for " + wrong);
            }
        }
    }

    /** Until the operator's view shows the call's events written; bounded only to catch a writer that never writes. */
    private static void awaitWritten(TestHotline hotline) {
        Awaitility.await("the call's events written").atMost(Duration.ofMinutes(1)).until(() -> {
            String health = hotline.getAsOperator(HealthController.PATH).body();
            return health.contains("\"queued\":0,\"written\":") && !health.contains("\"written\":0,");
        });
    }
}
