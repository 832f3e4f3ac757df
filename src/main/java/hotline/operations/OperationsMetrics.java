package hotline.operations;

import hotline.voice.CallsInProgress;
import hotline.catalog.PublishedCatalog;
import hotline.metrics.CallEventWriter;
import hotline.voice.VoiceRoutes;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What operators watch, in Prometheus format: webhook latency per route (histograms), other requests per
 * route, calls in progress, call events queued, written and dropped, publishes, and the JVM's memory.
 * Nothing here is per call or per caller.
 */
public final class OperationsMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public OperationsMetrics(CallEventWriter events, CallsInProgress calls, PublishedCatalog catalog, Clock clock) {
        Gauge.builder("hotline.calls.in.progress", calls, c -> c.count(clock.instant()))
                .description("Calls started and not yet reported ended by Twilio").register(registry);
        Gauge.builder("hotline.events.queued", events, e -> e.stats().queued())
                .description("Call events waiting to be written").register(registry);
        FunctionCounter.builder("hotline.events.written", events, e -> e.stats().written())
                .description("Call events written to the database since start").register(registry);
        FunctionCounter.builder("hotline.events.dropped", events, e -> e.stats().dropped())
                .description("Call events lost (queue full or database trouble) since start").register(registry);
        FunctionCounter.builder("hotline.content.publishes", catalog, PublishedCatalog::publishesSinceStart)
                .description("Versions published or rolled back to since start").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** For the request logger: how long a request took, by route; webhooks with a latency histogram. */
    public void requestHandled(Context ctx, float millis) {
        String route = route(ctx);
        boolean webhook = route.startsWith(VoiceRoutes.PREFIX);
        String key = route + " " + ctx.status().getCode();
        Timer known = timers.get(key);
        Timer timer = known != null ? known : timers.computeIfAbsent(key, k -> webhook
                ? Timer.builder("hotline.webhook").description("Twilio webhooks, from request to answer")
                        .tag("route", route).tag("status", String.valueOf(ctx.status().getCode()))
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)
                : Timer.builder("hotline.http").description("Pages and other requests")
                        .tag("route", route).tag("status", String.valueOf(ctx.status().getCode())).register(registry));
        timer.record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    public String scrape() {
        return registry.scrape();
    }

    /** The route's pattern, such as {@code /audio/{file}}, never the path itself: bounded, and no ids in metrics. */
    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
