package hotline.operations;

import hotline.catalog.Catalog;
import hotline.metrics.CallEventWriter;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /healthz} for load balancers and operators: up, which content callers hear, how metrics fare. */
public final class HealthController {
    public static final String PATH = "/healthz";

    private final Supplier<Catalog> catalog;
    private final CallEventWriter events;

    public HealthController(Supplier<Catalog> catalog, CallEventWriter events) {
        this.catalog = catalog;
        this.events = events;
    }

    /** Always "ok" while calls can be answered; trouble writing metrics shows under "events", not as a failure. */
    public void show(Context ctx) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("catalogVersion", catalog.get().version());
        health.put("events", events.stats());
        ctx.header("Cache-Control", "no-store").json(health);
    }
}
