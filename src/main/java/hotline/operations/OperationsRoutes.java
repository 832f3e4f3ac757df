package hotline.operations;

import hotline.web.Access;
import hotline.web.Routes;

/** Health for anyone (its details for operators only) and the metrics for the monitoring system. */
public final class OperationsRoutes {
    private OperationsRoutes() {
    }

    public static void mount(Routes routes, HealthController health, MetricsController metrics) {
        routes.get(HealthController.PATH, health::show, Access.ANYONE)
                .get(MetricsController.PATH, metrics::show, Access.MONITORING);
    }
}
