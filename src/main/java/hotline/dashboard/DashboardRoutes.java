package hotline.dashboard;

import hotline.web.Access;
import hotline.web.Routes;
import hotline.web.WorkLane;

/** The dashboard, for staff and admins; its queries run in the lane of heavy admin work, away from the webhooks. */
public final class DashboardRoutes {
    private DashboardRoutes() {
    }

    public static void mount(Routes routes, DashboardController dashboard, WorkLane heavy) {
        routes.get(DashboardController.PAGE, heavy.handler(dashboard::page), Access.STAFF)
                .get(DashboardController.DATA, heavy.handler(dashboard::data), Access.STAFF)
                .get(DashboardController.CSV, heavy.handler(dashboard::csv), Access.STAFF);
    }
}
