package hotline.accounts;

import hotline.web.Access;
import hotline.web.Routes;

/** The paths of signing in and out and of accounts, written once, and who may use each. */
public final class AccountRoutes {
    public static final String LOGIN = "/admin/login";
    public static final String LOGOUT = "/admin/logout";
    public static final String PASSWORD = "/admin/password";
    public static final String ACCOUNTS = "/admin/accounts";
    public static final String ADMIN_HOME = "/admin";
    public static final String STAFF_HOME = "/dashboard";

    private AccountRoutes() {
    }

    public static void mount(Routes routes, LoginController login, AccountsController accounts) {
        routes.get(LOGIN, login::loginForm, Access.ANYONE)
                .post(LOGIN, login::login, Access.ANYONE)
                .post(LOGOUT, login::logout, Access.SIGNED_IN)
                .get(PASSWORD, login::passwordForm, Access.SIGNED_IN)
                .post(PASSWORD, login::changePassword, Access.SIGNED_IN)
                .get(ACCOUNTS, accounts::list, Access.ADMIN)
                .post(ACCOUNTS, accounts::add, Access.ADMIN)
                .post(ACCOUNTS + "/{name}", accounts::change, Access.ADMIN);
    }

    public static String homeOf(Account account) {
        return account.isAdmin() ? ADMIN_HOME : STAFF_HOME;
    }
}
