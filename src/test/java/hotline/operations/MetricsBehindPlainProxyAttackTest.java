package hotline.operations;

import hotline.TestHotline;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} (calls in progress, right now) reached from outside through a reverse proxy on the same machine.
 * A plain nginx {@code proxy_pass} adds no forwarding header, and some add only {@code X-Real-IP}: every visitor
 * then looks like this machine. In production (a Twilio token is set) the metrics token is the only way in.
 */
class MetricsBehindPlainProxyAttackTest {

    @Test
    void inProductionWithoutAMetricsTokenNobodyReadsMetricsNotEvenFromThisMachine() {
        try (TestHotline hotline = TestHotline.startWithoutMetricsToken()) {
            for (Map<String, String> proxied : java.util.List.of(Map.<String, String>of(), Map.of("X-Real-IP", "203.0.113.9"),
                    Map.of("Via", "1.1 nginx"))) {
                HttpResponse<String> metrics = hotline.get(MetricsController.PATH, proxied);
                assertEquals(403, metrics.statusCode(), "through a proxy that adds " + proxied);
                assertTrue(metrics.body().contains("Set HOTLINE_METRICS_TOKEN"), metrics.body());
                assertTrue(!metrics.body().contains("hotline_calls_in_progress"));
            }
        }
    }

    @Test
    void inProductionTheTokenIsTheWayIn() {
        try (TestHotline hotline = TestHotline.start()) {
            assertEquals(403, hotline.get(MetricsController.PATH).statusCode(), "loopback alone is not enough");
            assertEquals(403, hotline.get(MetricsController.PATH, Map.of("X-Real-IP", "127.0.0.1")).statusCode());
            HttpResponse<String> operator = hotline.getAsOperator(MetricsController.PATH);
            assertEquals(200, operator.statusCode());
            assertTrue(operator.body().contains("hotline_calls_in_progress"));
        }
    }
}
