package hotline.web;

import hotline.catalog.Catalog;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /healthz} for load balancers and operators: up, and which content callers hear. */
public final class HealthController {
    public static final String PATH = "/healthz";

    private final Supplier<Catalog> catalog;

    public HealthController(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    public void show(Context ctx) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("catalogVersion", catalog.get().version());
        ctx.header("Cache-Control", "no-store").json(health);
    }
}
