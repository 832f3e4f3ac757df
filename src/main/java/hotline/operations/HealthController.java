package hotline.operations;

import hotline.catalog.Catalog;
import hotline.db.Database;
import hotline.metrics.CallEventWriter;
import hotline.operations.OperatorAccess;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /healthz} for load balancers and operators. Anyone may learn whether the hotline is healthy and which
 * content version callers hear; nothing more, since anything that moves with each call tells an outsider when
 * calls come in. Operators (see {@link OperatorAccess}) also get the database's state and the event writer's
 * counts.
 * <p>
 * Healthy means calls are answered and the database the hotline started with is still there. Trouble writing
 * call events alone is not unhealthy (callers are served); it shows in the counts.
 */
public final class HealthController {
    public static final String PATH = "/healthz";

    private final Supplier<Catalog> catalog;
    private final CallEventWriter events;
    private final Database database;
    private final OperatorAccess operators;

    public HealthController(Supplier<Catalog> catalog, CallEventWriter events, Database database, OperatorAccess operators) {
        this.catalog = catalog;
        this.events = events;
        this.database = database;
        this.operators = operators;
    }

    public void show(Context ctx) {
        Optional<String> databaseProblem = database.problem();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", databaseProblem.isEmpty() ? "ok" : "unhealthy");
        health.put("catalogVersion", catalog.get().version());
        if (operators.allowed(ctx)) {
            // On PostgreSQL a database that cannot be reached is said here, yet the status stays ok: calls go on.
            health.put("database", databaseProblem.orElseGet(database::state));
            health.put("events", events.stats());
        }
        ctx.status(databaseProblem.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store").json(health);
    }
}
