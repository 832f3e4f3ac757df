package hotline.accounts;

import hotline.web.Access;
import hotline.web.Frame;
import hotline.web.MessagePage;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The rules of every page behind a sign-in, by the access its route declares ({@link Access#SIGNED_IN},
 * {@link Access#STAFF}, {@link Access#ADMIN}): anonymous visitors go to the sign-in page; every form must carry the
 * session's token; an account that must change its password does that first; staff see dashboards only.
 */
public final class AccessControl {
    public static final String SESSION_COOKIE = "hotline_session";

    private final Accounts accounts;
    private final Sessions sessions;
    private final SessionEnd sessionEnd;

    public AccessControl(Accounts accounts, Sessions sessions, SessionEnd sessionEnd) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.sessionEnd = sessionEnd;
    }

    /** The check of routes that need {@code required}, one of the signed-in kinds of access. */
    public Handler checkFor(Access required) {
        if (required != Access.SIGNED_IN && required != Access.STAFF && required != Access.ADMIN) {
            throw new IllegalArgumentException(required + " is not a kind of access that needs a sign-in");
        }
        return ctx -> check(ctx, required);
    }

    private void check(Context ctx, Access required) {
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        Optional<Account> account = session.flatMap(s -> accounts.byId(s.accountId())).filter(a -> !a.disabled());
        if (account.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect(AccountRoutes.LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            } else if (!sessionEnd.keepAndSignIn(ctx)) {
                refuse(ctx, HttpStatus.FORBIDDEN, "Your session has ended", SessionEnd.whyNotKept(ctx),
                        Frame.anonymous("Your session has ended"));
            }
            ctx.skipRemainingHandlers();
            return;
        }
        SignedIn signedIn = new SignedIn(account.get(), session.get());
        SignedIn.put(ctx, signedIn);
        if (ctx.method() == HandlerType.POST && !sameToken(ctx.formParam("csrf"), session.get().csrfToken())) {
            refuse(ctx, HttpStatus.FORBIDDEN, "This form has expired",
                    "The form did not carry this session's security token, so nothing was changed. "
                            + "Go back, reload the page, and send it again.", SignedIn.frame(ctx, "Form expired", ""));
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method() == HandlerType.POST) {
            sessionEnd.forgetResent(ctx, account.get());
        }
        if (account.get().mustChangePassword() && required != Access.SIGNED_IN) {
            ctx.redirect(AccountRoutes.PASSWORD, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (required == Access.ADMIN && !account.get().isAdmin()) {
            refuse(ctx, HttpStatus.FORBIDDEN, "For admins only",
                    "Your account can see the dashboards. Changing what callers hear needs an admin account.",
                    SignedIn.frame(ctx, "For admins only", ""));
            ctx.skipRemainingHandlers();
        }
    }

    private static boolean sameToken(String sent, String expected) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(Context ctx, HttpStatus status, String title, String text, Frame frame) {
        ctx.status(status);
        Pages.render(ctx, "message.jte", new MessagePage(frame, title, text));
    }
}
