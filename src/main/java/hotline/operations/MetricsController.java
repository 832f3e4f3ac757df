package hotline.operations;

import io.javalin.http.Context;

/**
 * {@code GET /metrics} for Prometheus. "Calls in progress" must not be readable by anyone who controls a
 * caller's phone, so it is served only to operators (see {@link OperatorAccess}).
 */
public final class MetricsController {
    public static final String PATH = "/metrics";

    private final OperationsMetrics metrics;

    public MetricsController(OperationsMetrics metrics) {
        this.metrics = metrics;
    }

    /** Behind {@link OperatorAccess#check}, which its route's access runs first. */
    public void show(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
