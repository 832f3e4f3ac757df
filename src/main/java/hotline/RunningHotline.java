package hotline;

import hotline.catalog.PublishedCatalog;
import hotline.db.Database;
import hotline.web.AdminLanes;

import io.javalin.Javalin;

/**
 * A hotline answering, as {@link App#start} leaves it: the server, what callers hear now, its database, and the
 * lanes its heavy admin work runs in. {@code main}, the warm-up and the tests all start it this one way.
 */
public record RunningHotline(Javalin app, PublishedCatalog catalog, Database database, AdminLanes lanes) {
    public int port() {
        return app.port();
    }

    /** Stops answering; the event writer writes what is queued, the data directory is released, the database closed. */
    public void stop() {
        app.stop();
        database.close();
    }
}
