package hotline.web;

import hotline.db.Database;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Before any page that needs the database (the console, the dashboards, signing in): if its file is gone, one
 * page that says so, instead of each page failing on its own. Webhooks never come here: calls do not need it.
 */
public final class DatabaseGuard {
    private final Database database;

    public DatabaseGuard(Database database) {
        this.database = database;
    }

    public void check(Context ctx) {
        String path = ctx.path();
        boolean needsIt = path.equals("/admin") || path.startsWith("/admin/") || path.equals("/dashboard")
                || path.startsWith("/dashboard/");
        if (!needsIt || database.problem().isEmpty()) {
            return;
        }
        unavailable(ctx, "The hotline's database is missing",
                "Calls are still being answered, with the content published last. But the database file that holds the "
                        + "content, the accounts and the call statistics was deleted or replaced while the hotline was "
                        + "running, so nothing here can be shown or saved, and nothing was created in its place. "
                        + "An operator must restore it from a backup and restart the hotline; the log says which file.");
        ctx.skipRemainingHandlers();
    }

    /**
     * Whether a page failed because the database could not be reached (a PostgreSQL server down, or the network to
     * it): no connection came within the pool's wait, or one broke (SQL state class 08).
     */
    public static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /** The page for {@link #unreachable}: what happened, that calls go on, and that nothing typed was saved. */
    public static void refuseUnreachable(Context ctx) {
        unavailable(ctx, "The hotline's database cannot be reached right now",
                "Calls are still being answered, with the content published last. But the database that holds the "
                        + "content, the accounts and the call statistics did not answer, so this page could not be shown "
                        + "and nothing sent with it was saved. Try again in a minute; if it lasts, tell the operator, whose "
                        + "log says more.");
    }

    private static void unavailable(Context ctx, String heading, String explanation) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        Pages.render(ctx, "message.jte", new MessagePage(Frame.anonymous("Database unavailable"), heading, explanation));
    }
}
