package hotline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

import java.util.Objects;

/**
 * Where each feature registers its routes, each with the one {@link Access} it needs. There is no way to add a
 * route here without saying who may use it.
 */
public final class Routes {
    private final RoutesConfig routes;

    public Routes(RoutesConfig routes) {
        this.routes = routes;
    }

    public Routes get(String path, Handler handler, Access access) {
        routes.get(path, handler, Objects.requireNonNull(access, "every route says who may use it"));
        return this;
    }

    public Routes post(String path, Handler handler, Access access) {
        routes.post(path, handler, Objects.requireNonNull(access, "every route says who may use it"));
        return this;
    }
}
