package hotline.accounts;

import hotline.audit.AuditLog;
import hotline.web.ConfirmPage;
import hotline.web.FieldError;
import hotline.web.Form;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admins manage accounts: add one, change its role, disable it, or reset its password (after a page that asks first).
 * Every form is answered with a redirect back to the accounts page, which shows a new one-time password once, or the
 * mistake with the name as it was typed.
 */
public final class AccountsController {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    /** A kept form's field for a mistake that is about no field of the add form. */
    private static final String ERROR_FIELD = "error";

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditLog audit;
    private final KeptForms kept;
    private final PasswordsToHandOver handovers;

    public AccountsController(Accounts accounts, Sessions sessions, AuditLog audit, KeptForms kept, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.kept = kept;
        this.handovers = new PasswordsToHandOver(clock);
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
        SignedIn me = SignedIn.of(ctx);
        Form typed = Optional.ofNullable(ctx.queryParam("typed")).flatMap(id -> kept.find(id, me.account().id()))
                .filter(k -> k.path().startsWith(AccountRoutes.ACCOUNTS)).map(KeptForms.Kept::form).orElse(Form.empty());
        List<FieldError> errors = typed.fields().getOrDefault(ERROR_FIELD, List.of()).stream()
                .map(message -> new FieldError(typed.has("name") ? "name" : "", message)).toList();
        Optional<PasswordsToHandOver.Handover> handover = handovers.take(me.session());
        Pages.render(ctx, "accounts/accounts.jte", new AccountsPage(SignedIn.frame(ctx, "Accounts", "accounts")
                .withErrors(!errors.isEmpty()), accounts.all(), me.account().name(), errors, typed.text("name"),
                typed.text("role"), handover.map(PasswordsToHandOver.Handover::accountName).orElse(""),
                handover.map(PasswordsToHandOver.Handover::password).orElse("")));
    }

    public void add(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        Role role = Role.fromStored(ctx.formParam("role")).orElse(Role.STAFF);
        if (name.isEmpty()) {
            again(ctx, Form.of(ctx), "Enter a name for the account, like olivia");
            return;
        }
        String password = oneTimePassword();
        try {
            Account account = accounts.create(name, role, password, true);
            audit.record(SignedIn.of(ctx).name(), "account_created", account.name() + " as " + role.stored());
            handovers.hold(SignedIn.of(ctx).session(), account.name(), password);
            ctx.redirect(AccountRoutes.ACCOUNTS + "?notice=account_added", HttpStatus.SEE_OTHER);
        } catch (Accounts.AccountException e) {
            again(ctx, Form.of(ctx), e.getMessage());
        }
    }

    /** Asks before a password is reset: the person is signed out at once, and their password stops working. */
    public void confirmReset(Context ctx) {
        Optional<Account> found = accounts.byName(ctx.pathParam("name"));
        if (found.isEmpty()) {
            ctx.redirect(AccountRoutes.ACCOUNTS, HttpStatus.SEE_OTHER);
            return;
        }
        String name = found.get().name();
        if (found.get().id() == SignedIn.of(ctx).account().id()) {
            ctx.redirect(AccountRoutes.PASSWORD, HttpStatus.SEE_OTHER); // one's own password is changed, not reset
            return;
        }
        Pages.render(ctx, "confirm.jte", new ConfirmPage(SignedIn.frame(ctx, "Reset the password of " + name + "?", "accounts"),
                "Reset the password of " + name + "?", name + "'s password stops working at once, and " + name + " is signed out"
                + " everywhere. You will see a one-time password, once, to give them in person or by phone; they choose their"
                + " own at their next sign-in.",
                "What would be lost", List.of(new ConfirmPage.Loss("The password " + name + " uses now", ""),
                new ConfirmPage.Loss("Every session " + name + " has open, with anything not yet saved in it", "")),
                AccountRoutes.ACCOUNTS + "/" + name, Map.of("action", "reset"), "Reset the password", true, AccountRoutes.ACCOUNTS));
    }

    /** One change to an existing account: role, enable, disable, or reset its password. */
    public void change(Context ctx) {
        SignedIn me = SignedIn.of(ctx);
        Optional<Account> found = accounts.byName(ctx.pathParam("name"));
        if (found.isEmpty()) {
            again(ctx, Form.empty(), "There is no account named " + ctx.pathParam("name") + ".");
            return;
        }
        Account account = found.get();
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
        boolean self = account.id() == me.account().id();
        switch (action) {
            case "role" -> {
                Role role = Role.fromStored(ctx.formParam("role")).orElse(account.role());
                if (self && role != Role.ADMIN) {
                    again(ctx, Form.empty(), "You cannot take admin rights from your own account: another admin can.");
                    return;
                }
                accounts.setRole(account, role);
                audit.record(me.name(), "account_role", account.name() + " is now " + role.stored());
            }
            case "disable", "enable" -> {
                if (self) {
                    again(ctx, Form.empty(), "You cannot disable your own account: another admin can.");
                    return;
                }
                accounts.setDisabled(account, action.equals("disable"));
                if (action.equals("disable")) {
                    sessions.endAllOf(account);
                }
                audit.record(me.name(), "account_" + action + "d", account.name());
            }
            case "reset" -> {
                if (self) {
                    again(ctx, Form.empty(), "Change your own password on the Password page: a reset is for someone else's.");
                    return;
                }
                String password = oneTimePassword();
                accounts.setPassword(account, password, true);
                sessions.endAllOf(account);
                audit.record(me.name(), "password_reset", account.name());
                handovers.hold(me.session(), account.name(), password);
                ctx.redirect(AccountRoutes.ACCOUNTS + "?notice=password_reset", HttpStatus.SEE_OTHER);
                return;
            }
            default -> {
                again(ctx, Form.empty(), "Choose what to change.");
                return;
            }
        }
        ctx.redirect(AccountRoutes.ACCOUNTS + "?notice=account_changed", HttpStatus.SEE_OTHER);
    }

    /** Back to the accounts page with the mistake and what was typed: never a page at the POST address. */
    private void again(Context ctx, Form typed, String error) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>(typed.fields());
        fields.put(ERROR_FIELD, List.of(error));
        String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, AccountRoutes.ACCOUNTS, new Form(fields));
        ctx.redirect(AccountRoutes.ACCOUNTS + "?typed=" + id, HttpStatus.SEE_OTHER);
    }
}
