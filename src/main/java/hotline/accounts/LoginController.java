package hotline.accounts;

import hotline.audit.AuditLog;
import hotline.config.TrustedProxies;
import hotline.web.ClientAddress;
import hotline.web.WorkLane;
import hotline.web.Frame;
import hotline.web.KeptForms;
import hotline.web.Notice;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Signing in, signing out, and changing one's own password. */
public final class LoginController {
    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    /** Protects the sign-in form itself: the form's token must match this cookie's. */
    static final String LOGIN_COOKIE = "hotline_login";

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditLog audit;
    private final boolean secureCookies;
    private final LoginThrottle throttle;
    private final Runnable afterPasswordChange;
    private final DeviceCookies devices;
    private final TrustedProxies proxies;
    /** Where a refused password change keeps which field was wrong and why, for the page after the redirect; or null. */
    private final KeptForms kept;

    /**
     * @param secureCookies true when the hotline is reached over https: cookies are then never sent over http
     * @param afterPasswordChange run after any password change (forgets the first admin's one-time password file)
     * @param devices             the device cookies of browsers that signed in before
     * @param proxies             the reverse proxies whose X-Forwarded-For names the client
     * @param throttle            counts sign-in attempts (see {@link LoginThrottle#forDatabase})
     */
    public LoginController(Accounts accounts, Sessions sessions, AuditLog audit, boolean secureCookies,
                           Runnable afterPasswordChange, DeviceCookies devices, TrustedProxies proxies,
                           KeptForms kept, LoginThrottle throttle) {
        this.throttle = throttle;
        this.kept = kept;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.secureCookies = secureCookies;
        this.afterPasswordChange = afterPasswordChange;
        this.devices = devices;
        this.proxies = proxies;
    }

    public void loginForm(Context ctx) {
        showLogin(ctx, HttpStatus.OK, "", safeNext(ctx.queryParam("next")), Notice.text(ctx.queryParam("notice")), "");
    }

    public void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String next = safeNext(ctx.formParam("next"));
        String cookieToken = ctx.cookie(LOGIN_COOKIE);
        if (cookieToken == null || cookieToken.isBlank() || !same(cookieToken, ctx.formParam("login_token"))) {
            showLogin(ctx, HttpStatus.FORBIDDEN, name, next, "", "This sign-in form had expired. Please try again.");
            return;
        }
        String from = ClientAddress.of(ctx, proxies);
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(name, from,
                devices.deviceFor(ctx.cookie(DeviceCookies.COOKIE), name));
        LoginThrottle.Decision decision = throttle.begin(attempt);
        if (!decision.allowed()) {
            long seconds = decision.mustWait().orElseThrow().toSeconds() + 1;
            log.warn("Sign-in refused while throttled: account '{}' from {}{}", printable(name), from, device(attempt));
            ctx.header("Retry-After", Long.toString(seconds));
            showLogin(ctx, HttpStatus.TOO_MANY_REQUESTS, name, next, "", "Too many failed attempts. Wait "
                    + seconds + " seconds, then try again.");
            return;
        }
        Optional<Account> account;
        try {
            account = accounts.authenticate(name, ctx.formParam("password"));
        } catch (WorkLane.Busy busy) {
            throttle.withdrawn(attempt); // never checked, so not counted
            log.warn("Sign-in refused while many are signing in at once: account '{}' from {}", printable(name), from);
            ctx.header("Retry-After", "5");
            showLogin(ctx, HttpStatus.SERVICE_UNAVAILABLE, name, next, "", "Many sign-ins are being checked right now, "
                    + "and the hotline answers calls first. Wait a few seconds, then sign in again.");
            return;
        }
        if (account.isEmpty()) {
            log.warn("Failed sign-in for account '{}' from {}{} ({} in a row)", printable(name), from, device(attempt),
                    decision.inARow());
            audit.record(printable(name), "login_failed", "from " + from);
            showLogin(ctx, HttpStatus.UNAUTHORIZED, name, next, "", "The account name or the password is wrong.");
            return;
        }
        throttle.succeeded(attempt);
        String previous = ctx.cookie(AccessControl.SESSION_COOKIE);
        if (previous != null) {
            sessions.end(previous); // a new session id at every sign-in: a planted cookie is worth nothing
        }
        Sessions.Started started = sessions.start(account.get());
        setCookie(ctx, cookie(AccessControl.SESSION_COOKIE, started.token(), "/", -1));
        setCookie(ctx, cookie(LOGIN_COOKIE, "", AccountRoutes.LOGIN, 0));
        // This browser now knows the account: its later sign-ins are throttled on their own (see DeviceCookies).
        setCookie(ctx, cookie(DeviceCookies.COOKIE, devices.issue(account.get().name()), AccountRoutes.LOGIN,
                (int) DeviceCookies.LIFETIME.toSeconds()));
        audit.record(account.get().name(), "login", "from " + from);
        ctx.redirect(next.isEmpty() || !account.get().isAdmin() && next.startsWith("/admin")
                ? AccountRoutes.homeOf(account.get()) : next, HttpStatus.SEE_OTHER);
    }

    private static String device(LoginThrottle.Attempt attempt) {
        return attempt.device().isPresent() ? ", a browser that signed in before" : "";
    }

    public void logout(Context ctx) {
        SignedIn signedIn = SignedIn.of(ctx);
        sessions.end(ctx.cookie(AccessControl.SESSION_COOKIE));
        setCookie(ctx, cookie(AccessControl.SESSION_COOKIE, "", "/", 0));
        audit.record(signedIn.name(), "logout", "");
        ctx.redirect(AccountRoutes.LOGIN + "?notice=signed_out", HttpStatus.SEE_OTHER);
    }

    public void passwordForm(Context ctx) {
        Account account = SignedIn.of(ctx).account();
        // A mistake comes back here after a redirect (no password is ever kept, only which field was wrong and why).
        Optional<hotline.web.Form> refused = kept == null ? Optional.empty() : Optional.ofNullable(ctx.queryParam("typed"))
                .flatMap(id -> kept.find(id, account.id())).filter(k -> k.path().equals(AccountRoutes.PASSWORD))
                .map(hotline.web.KeptForms.Kept::form);
        String field = refused.map(f -> f.text("field")).orElse("");
        String error = refused.map(f -> f.text("error")).orElse("");
        Pages.render(ctx, "accounts/password.jte", new PasswordPage(SignedIn.frame(ctx, "Change password", "")
                .withErrors(!error.isEmpty()), account.mustChangePassword(), error, field));
    }

    public void changePassword(Context ctx) {
        SignedIn signedIn = SignedIn.of(ctx);
        Account account = signedIn.account();
        String error = "";
        String field = "new";
        String fresh = Optional.ofNullable(ctx.formParam("new")).orElse("");
        if (accounts.authenticate(account.name(), ctx.formParam("current")).isEmpty()) {
            error = "The current password is wrong: type the password you signed in with";
            field = "current";
        } else if (!fresh.equals(ctx.formParam("repeat"))) {
            error = "The two new passwords are not the same: type the new one again";
            field = "repeat";
        } else if (fresh.equals(ctx.formParam("current"))) {
            error = "The new password must differ from the current one.";
        } else {
            try {
                accounts.setPassword(account, fresh, false);
            } catch (Accounts.AccountException e) {
                error = e.getMessage();
            }
        }
        if (!error.isEmpty()) {
            if (kept == null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                Pages.render(ctx, "accounts/password.jte", new PasswordPage(SignedIn.frame(ctx, "Change password", "")
                        .withErrors(true), account.mustChangePassword(), error, field));
                return;
            }
            // Back to the form, not a page at this address: a reload then does not send the passwords again.
            String id = kept.keep(account.id(), hotline.web.KeptForms.Purpose.TYPED, AccountRoutes.PASSWORD,
                    new hotline.web.Form(java.util.Map.of("field", java.util.List.of(field), "error", java.util.List.of(error))));
            ctx.redirect(AccountRoutes.PASSWORD + "?typed=" + id, HttpStatus.SEE_OTHER);
            return;
        }
        sessions.endOthersOf(account, signedIn.session());
        audit.record(account.name(), "password_changed", "own password");
        afterPasswordChange.run();
        ctx.redirect(AccountRoutes.homeOf(account) + "?notice=password_changed", HttpStatus.SEE_OTHER);
    }

    private void showLogin(Context ctx, HttpStatus status, String name, String next, String notice, String error) {
        String token = Sessions.randomToken();
        setCookie(ctx, cookie(LOGIN_COOKIE, token, AccountRoutes.LOGIN, -1));
        Frame frame = new Frame("Sign in", "", "", false, "", notice);
        ctx.status(status);
        Pages.render(ctx, "accounts/login.jte", new LoginPage(frame, token, next, name, error));
    }

    private static void setCookie(Context ctx, String cookie) {
        ctx.res().addHeader("Set-Cookie", cookie);
    }

    /** HttpOnly, SameSite=Strict, and Secure when the hotline is served over https. */
    private String cookie(String name, String value, String path, int maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "")
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "");
    }

    /** Only our own pages are followed after signing in, never another site. */
    static String safeNext(String next) {
        if (next == null || !next.matches("/(admin|dashboard)([/?][^\\s\\\\]*)?") || next.startsWith("//")) {
            return "";
        }
        return next;
    }

    /** Equal, compared in constant time. An empty token is no token, even when both sides are empty. */
    private static boolean same(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** An account name as it may appear in a log: short, and without control characters. */
    private static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
