package hotline.accounts;

import hotline.web.Access;
import hotline.web.Routes;

import io.javalin.http.HttpStatus;

/** The paths of signing in and out and of accounts, written once, and who may use each. */
public final class AccountRoutes {
    public static final String LOGIN = "/admin/login";
    public static final String LOGOUT = "/admin/logout";
    public static final String PASSWORD = "/admin/password";
    public static final String ACCOUNTS = "/admin/accounts";
    public static final String ADMIN_HOME = "/admin";
    public static final String STAFF_HOME = "/dashboard";
    /** "Stay signed in", from the warning shown before a session ends. */
    public static final String STAY_SIGNED_IN = "/admin/session/stay";
    /** A form sent just after a session ended, kept for its author (see {@link SessionEnd}). */
    public static final String KEPT = "/admin/kept/{id}";
    /** Resetting an account's password: a page that asks first. */
    public static final String RESET_PASSWORD = "/admin/accounts/{name}/reset";

    private AccountRoutes() {
    }

    public static void mount(Routes routes, LoginController login, AccountsController accounts, SessionEnd sessionEnd) {
        // The bare address of the server: the console or the dashboard, whichever the person signed in may use.
        routes.get("/", ctx -> ctx.redirect(homeOf(SignedIn.of(ctx).account()), HttpStatus.SEE_OTHER), Access.SIGNED_IN)
                .get(LOGIN, login::loginForm, Access.ANYONE)
                .post(LOGIN, login::login, Access.ANYONE)
                .post(LOGOUT, login::logout, Access.SIGNED_IN)
                .get(PASSWORD, login::passwordForm, Access.SIGNED_IN)
                .post(PASSWORD, login::changePassword, Access.SIGNED_IN)
                .post(STAY_SIGNED_IN, sessionEnd::stay, Access.SIGNED_IN)
                .get(ACCOUNTS, accounts::list, Access.ADMIN)
                .post(ACCOUNTS, accounts::add, Access.ADMIN)
                .post(ACCOUNTS + "/{name}", accounts::change, Access.ADMIN)
                .get(RESET_PASSWORD, accounts::confirmReset, Access.ADMIN);
    }

    public static String kept(String id) {
        return KEPT.replace("{id}", id);
    }

    public static String homeOf(Account account) {
        return account.isAdmin() ? ADMIN_HOME : STAFF_HOME;
    }
}
