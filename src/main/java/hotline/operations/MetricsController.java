package hotline.operations;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics} for Prometheus. "Calls in progress" must not be readable by anyone who controls a
 * caller's phone, so it is served only with {@code Authorization: Bearer <HOTLINE_METRICS_TOKEN>}; without a
 * token configured, only to this machine, and never through a proxy (a forwarded request is refused).
 */
public final class MetricsController {
    public static final String PATH = "/metrics";

    private final OperationsMetrics metrics;
    private final Optional<String> token;

    public MetricsController(OperationsMetrics metrics, Optional<String> token) {
        this.metrics = metrics;
        this.token = token;
    }

    public void show(Context ctx) {
        if (!allowed(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result(token.isPresent()
                    ? "Send Authorization: Bearer with the metrics token."
                    : "Metrics are served to this machine only; set HOTLINE_METRICS_TOKEN to scrape them from elsewhere.");
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private boolean allowed(Context ctx) {
        if (token.isPresent()) {
            String sent = Optional.ofNullable(ctx.header("Authorization")).orElse("");
            return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8));
        }
        return ctx.header("X-Forwarded-For") == null && ctx.header("Forwarded") == null && loopback(ctx.req().getRemoteAddr());
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
