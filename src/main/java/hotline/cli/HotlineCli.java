package hotline.cli;

import hotline.accounts.Account;
import hotline.accounts.Accounts;
import hotline.accounts.Sessions;
import hotline.accounts.PasswordHasher;
import hotline.accounts.Role;
import hotline.accounts.PasswordRules;
import hotline.audit.AuditLog;
import hotline.content.ContentStartup;
import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.DatabaseSettings;
import hotline.db.Database;
import hotline.twilio.TwilioCli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code scripts/hotline}: manage accounts from the command line, where the first admin is made. */
public final class HotlineCli {
    static final String USAGE = """
            Usage: scripts/hotline user add [--role admin|staff] NAME   add an account (asks for its password)
                   scripts/hotline user passwd NAME                      set an account's password
                   scripts/hotline user disable NAME | enable NAME       stop or allow an account's sign-in
                   scripts/hotline user list                             list the accounts
                   scripts/hotline fallback-twiml                        print the fallback to paste into a TwiML Bin
                   scripts/hotline twilio connect|check --number NUMBER  set up or check the Twilio number
                                                                         (scripts/hotline twilio --help)
                   scripts/hotline copy-to-postgres                      copy the SQLite database under HOTLINE_DATA_DIR
                                                                         into the empty PostgreSQL database that
                                                                         HOTLINE_DATABASE_URL names (hotline stopped)

            Works on the database the hotline uses: PostgreSQL if HOTLINE_DATABASE_URL is set, else SQLite under
            HOTLINE_DATA_DIR (default ./data); also while the hotline runs.
            Passwords are read from the terminal without echo; with no terminal, from two lines on stdin.
            """;

    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditLog audit;
    private final PasswordSource passwords;
    private final PrintStream out;

    /** Where a password comes from: the terminal, or stdin when there is none. */
    interface PasswordSource {
        String read(String prompt);
    }

    HotlineCli(Accounts accounts, Sessions sessions, AuditLog audit, PasswordSource passwords, PrintStream out) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.passwords = passwords;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TwilioCli.COMMAND)) {
            // Talks to Twilio only: needs no database, so it also runs where the hotline's data is not.
            System.exit(TwilioCli.run(List.of(args).subList(1, args.length), System.getenv(), System.out));
        }
        PrintStream document = System.out;
        boolean fallback = args.length > 0 && args[0].equals(FallbackCommand.NAME);
        if (fallback) {
            // Standard output carries the TwiML alone, to be copied whole; the logs (Flyway's) go to standard error.
            System.setOut(System.err);
        }
        try {
            Config config = Config.fromEnvironment();
            if (args.length > 0 && args[0].equals(CopyToPostgres.NAME)) {
                if (config.database().isEmpty()) {
                    System.err.println("Set " + DatabaseSettings.URL + " (and " + DatabaseSettings.USER + ", "
                            + DatabaseSettings.PASSWORD + ") to the empty PostgreSQL database to copy into.");
                    System.exit(2);
                }
                System.exit(CopyToPostgres.run(config.dataDir(), config.promptsDir(), config.database().get(), System.out,
                        System.err));
            }
            Database database = Database.open(config.dataDir(), config.database(), ContentStartup.seedTimeZone(config.promptsDir()));
            if (fallback) {
                System.exit(FallbackCommand.run(database, document, System.err));
            }
            Clock clock = Clock.systemUTC();
            HotlineCli cli = new HotlineCli(new Accounts(database, new PasswordHasher(), clock), new Sessions(database, clock),
                    new AuditLog(database, clock), terminal(), System.out);
            System.exit(cli.run(List.of(args)));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    int run(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        if (rest.size() < 2 || !rest.remove(0).equals("user")) {
            out.print(USAGE);
            return 2;
        }
        String command = rest.remove(0);
        Role role = Role.STAFF;
        if (rest.size() >= 2 && rest.get(0).equals("--role")) {
            rest.remove(0);
            Optional<Role> chosen = Role.fromStored(rest.remove(0));
            if (chosen.isEmpty()) {
                out.println("--role is admin or staff.");
                return 2;
            }
            role = chosen.get();
        }
        try {
            switch (command) {
                case "list" -> {
                    accounts.all().forEach(a -> out.println(a.name() + "\t" + a.role().stored()
                            + (a.disabled() ? "\tdisabled" : a.mustChangePassword() ? "\tmust change password" : "")));
                    return 0;
                }
                case "add" -> {
                    String name = only(rest);
                    Account account = accounts.create(name, role, newPassword(name), false);
                    audit.record("cli", "account_created", account.name() + " as " + role.stored());
                    out.println("Added " + account.name() + " (" + role.stored() + "). Sign in at /admin/login.");
                    return 0;
                }
                case "passwd" -> {
                    Account account = existing(only(rest));
                    accounts.setPassword(account, newPassword(account.name()), false);
                    sessions.endAllOf(account);
                    audit.record("cli", "password_reset", account.name());
                    out.println("Password set for " + account.name() + "; its sessions are ended.");
                    return 0;
                }
                case "disable", "enable" -> {
                    Account account = existing(only(rest));
                    accounts.setDisabled(account, command.equals("disable"));
                    sessions.endAllOf(account);
                    audit.record("cli", "account_" + command + "d", account.name());
                    out.println(account.name() + " is " + command + "d.");
                    return 0;
                }
                default -> {
                    out.print(USAGE);
                    return 2;
                }
            }
        } catch (Accounts.AccountException | IllegalArgumentException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    private String newPassword(String name) {
        String first = passwords.read("Password for " + Accounts.normalized(name) + ": ");
        PasswordRules.problem(Accounts.normalized(name), first).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (!first.equals(passwords.read("Again: "))) {
            throw new IllegalArgumentException("The two passwords are not the same; nothing was changed.");
        }
        return first;
    }

    private Account existing(String name) {
        return accounts.byName(name).orElseThrow(() -> new IllegalArgumentException("There is no account named " + name + "."));
    }

    private static String only(List<String> rest) {
        if (rest.size() != 1) {
            throw new IllegalArgumentException("Name one account.\n\n" + USAGE);
        }
        return rest.get(0);
    }

    private static PasswordSource terminal() {
        Console console = System.console();
        if (console != null) {
            return prompt -> new String(console.readPassword(prompt));
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return prompt -> {
            try {
                String line = stdin.readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                return "";
            }
        };
    }
}
