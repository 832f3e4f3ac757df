package hotline.accounts;

import hotline.audit.AuditLog;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.security.SecureRandom;
import java.util.Optional;

/** Admins manage accounts: add one, change its role, disable it, or reset its password. */
public final class AccountsController {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditLog audit;

    public AccountsController(Accounts accounts, Sessions sessions, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A password given once, to be replaced at first sign-in: four groups of four, easy to read out. */
    public static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }

    public void list(Context ctx) {
        show(ctx, HttpStatus.OK, "", "", "");
    }

    public void add(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        Role role = Role.fromStored(ctx.formParam("role")).orElse(Role.STAFF);
        String password = oneTimePassword();
        try {
            Account account = accounts.create(name, role, password, true);
            audit.record(SignedIn.of(ctx).name(), "account_created", account.name() + " as " + role.stored());
            show(ctx, HttpStatus.OK, "", account.name(), password);
        } catch (Accounts.AccountException e) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), "", "");
        }
    }

    /** One change to an existing account: role, enable, disable, or reset its password. */
    public void change(Context ctx) {
        SignedIn me = SignedIn.of(ctx);
        Optional<Account> found = accounts.byName(ctx.pathParam("name"));
        if (found.isEmpty()) {
            show(ctx, HttpStatus.NOT_FOUND, "There is no account named " + ctx.pathParam("name") + ".", "", "");
            return;
        }
        Account account = found.get();
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
        boolean self = account.id() == me.account().id();
        switch (action) {
            case "role" -> {
                Role role = Role.fromStored(ctx.formParam("role")).orElse(account.role());
                if (self && role != Role.ADMIN) {
                    show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "You cannot take admin rights from your own account.", "", "");
                    return;
                }
                accounts.setRole(account, role);
                audit.record(me.name(), "account_role", account.name() + " is now " + role.stored());
            }
            case "disable", "enable" -> {
                if (self) {
                    show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "You cannot disable your own account.", "", "");
                    return;
                }
                accounts.setDisabled(account, action.equals("disable"));
                if (action.equals("disable")) {
                    sessions.endAllOf(account);
                }
                audit.record(me.name(), "account_" + action + "d", account.name());
            }
            case "reset" -> {
                String password = oneTimePassword();
                accounts.setPassword(account, password, true);
                sessions.endAllOf(account);
                audit.record(me.name(), "password_reset", account.name());
                show(ctx, HttpStatus.OK, "", account.name(), password);
                return;
            }
            default -> {
                show(ctx, HttpStatus.BAD_REQUEST, "Choose what to change.", "", "");
                return;
            }
        }
        ctx.redirect(AccountRoutes.ACCOUNTS + "?notice=account_changed", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, HttpStatus status, String error, String passwordFor, String password) {
        ctx.status(status);
        Pages.render(ctx, "accounts/accounts.jte", new AccountsPage(SignedIn.frame(ctx, "Accounts", "accounts"),
                accounts.all(), SignedIn.of(ctx).account().name(), error, passwordFor, password));
    }
}
