package hotline.accounts;

/** The paths of signing in and out, written once. */
public final class AccountRoutes {
    public static final String LOGIN = "/admin/login";
    public static final String LOGOUT = "/admin/logout";
    public static final String PASSWORD = "/admin/password";
    public static final String ACCOUNTS = "/admin/accounts";
    public static final String ADMIN_HOME = "/admin";
    public static final String STAFF_HOME = "/dashboard";

    private AccountRoutes() {
    }

    public static String homeOf(Account account) {
        return account.isAdmin() ? ADMIN_HOME : STAFF_HOME;
    }
}
