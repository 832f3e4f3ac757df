package hotline.operations;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /metrics} for Prometheus. "Calls in progress" must not be readable by anyone who controls a
 * caller's phone, so it is served only to operators (see {@link OperatorAccess}).
 */
public final class MetricsController {
    public static final String PATH = "/metrics";

    private final OperationsMetrics metrics;
    private final OperatorAccess operators;

    public MetricsController(OperationsMetrics metrics, OperatorAccess operators) {
        this.metrics = metrics;
        this.operators = operators;
    }

    public void show(Context ctx) {
        if (!operators.allowed(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result(operators.refusal());
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
