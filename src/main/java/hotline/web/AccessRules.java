package hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides, before any handler runs, whether a request may reach its route, by the {@link Access} the route
 * declared: each kind of access has one check, given here by the feature that owns it (the signature check, the
 * session check, the metrics token). Denied by default: a route that declared no access, or an access with no
 * check, is refused to everyone.
 */
public final class AccessRules implements Handler {
    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    private final Map<Access, Handler> checks;

    /** @param checks the check of each access; {@link Access#ANYONE} needs none */
    public AccessRules(Map<Access, Handler> checks) {
        this.checks = new EnumMap<>(checks);
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Access access)) {
            log.error("Refused {} {}: the route declares no access, so no one may use it", ctx.method(), ctx.endpoint().path);
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result("Forbidden");
            ctx.skipRemainingHandlers();
            return;
        }
        if (access == Access.ANYONE) {
            return;
        }
        Handler check = checks.get(access);
        if (check == null) {
            log.error("Refused {} {}: no check is set up for {}", ctx.method(), ctx.endpoint().path, access);
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result("Forbidden");
            ctx.skipRemainingHandlers();
            return;
        }
        check.handle(ctx);
    }
}
