package hotline.web;

import hotline.db.Database;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

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
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        Pages.render(ctx, "message.jte", new MessagePage(Frame.anonymous("Database unavailable"),
                "The hotline's database is missing",
                "Calls are still being answered, with the content published last. But the database file that holds the "
                        + "content, the accounts and the call statistics was deleted or replaced while the hotline was "
                        + "running, so nothing here can be shown or saved, and nothing was created in its place. "
                        + "An operator must restore it from a backup and restart the hotline; the log says which file."));
        ctx.skipRemainingHandlers();
    }
}
