package hotline.admin;

import hotline.accounts.SignedIn;
import hotline.audit.AuditLog;
import hotline.web.Pages;

import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.function.Supplier;

/** {@code /admin/audit}: who signed in, published, rolled back, imported or changed an account, and when. */
public final class AuditController {
    static final int SHOWN = 500;

    private final AuditLog audit;
    private final Supplier<ZoneId> zone;

    public AuditController(AuditLog audit, Supplier<ZoneId> zone) {
        this.audit = audit;
        this.zone = zone;
    }

    public void show(Context ctx) {
        Pages.render(ctx, "admin/audit.jte", new AuditPage(SignedIn.frame(ctx, "Audit log", "audit"), audit.latest(SHOWN), zone.get()));
    }
}
