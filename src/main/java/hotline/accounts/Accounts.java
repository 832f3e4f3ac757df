package hotline.accounts;

import hotline.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The accounts in the database. Names are kept in lower case; passwords only as slow hashes. */
public final class Accounts {
    private static final String COLUMNS = "id, name, role, password_hash, must_change_password, disabled";

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Accounts(Database database, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A name that is not acceptable, or a password that breaks the rules. */
    public static final class AccountException extends RuntimeException {
        public AccountException(String message) {
            super(message);
        }
    }

    public static String normalized(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> byName(String name) {
        return one("SELECT " + COLUMNS + " FROM account WHERE name = ?", normalized(name));
    }

    public Optional<Account> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM account WHERE id = ?", id);
    }

    public List<Account> all() {
        return many("SELECT " + COLUMNS + " FROM account ORDER BY name");
    }

    public boolean none() {
        return all().isEmpty();
    }

    /** What is wrong with a name, in words, rather than the rule the page already shows beside the field. */
    static String whatIsWrongWith(String name) {
        if (name.length() < 2) {
            return "\"" + name + "\" is too short: a name needs at least 2 characters.";
        }
        if (name.length() > 64) {
            return "That name is " + name.length() + " characters long: 64 at most.";
        }
        java.util.Set<String> refused = new java.util.LinkedHashSet<>();
        name.codePoints().filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'))
                .forEach(c -> refused.add(c == ' ' ? "a space" : Character.isISOControl(c) ? "a control character"
                        : "\"" + Character.toString(c) + "\""));
        if (!refused.isEmpty()) {
            return "A name cannot have " + String.join(" or ", refused) + " in it.";
        }
        return "A name starts with a letter or a digit, not \"" + name.charAt(0) + "\".";
    }

    public Account create(String name, Role role, String password, boolean mustChangePassword) {
        String normalized = normalized(name);
        if (!normalized.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new AccountException(whatIsWrongWith(normalized));
        }
        PasswordRules.problem(normalized, password).ifPresent(problem -> {
            throw new AccountException(problem);
        });
        if (byName(normalized).isPresent()) {
            throw new AccountException("There is already an account named " + normalized + ".");
        }
        update("INSERT INTO account (name, role, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?)",
                normalized, role.stored(), hasher.hash(password), mustChangePassword ? 1 : 0, clock.instant().toString());
        return byName(normalized).orElseThrow();
    }

    public void setPassword(Account account, String password, boolean mustChange) {
        PasswordRules.problem(account.name(), password).ifPresent(problem -> {
            throw new AccountException(problem);
        });
        update("UPDATE account SET password_hash = ?, must_change_password = ? WHERE id = ?",
                hasher.hash(password), mustChange ? 1 : 0, account.id());
    }

    public void setDisabled(Account account, boolean disabled) {
        update("UPDATE account SET disabled = ? WHERE id = ?", disabled ? 1 : 0, account.id());
    }

    public void setRole(Account account, Role role) {
        update("UPDATE account SET role = ? WHERE id = ?", role.stored(), account.id());
    }

    /** The account if the name and password match and it is not disabled; as slow for a wrong name as a wrong password. */
    public Optional<Account> authenticate(String name, String password) {
        Optional<Account> account = byName(name);
        if (account.isEmpty()) {
            hasher.matchNothing(password == null ? "" : password);
            return Optional.empty();
        }
        boolean matches = hasher.matches(password == null ? "" : password, account.get().passwordHash());
        return matches && !account.get().disabled() ? account : Optional.empty();
    }

    private Optional<Account> one(String sql, Object parameter) {
        List<Account> found = many(sql, parameter);
        return found.stream().findFirst();
    }

    private List<Account> many(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    accounts.add(new Account(rows.getLong(1), rows.getString(2),
                            Role.fromStored(rows.getString(3)).orElse(Role.STAFF), rows.getString(4),
                            rows.getInt(5) == 1, rows.getInt(6) == 1));
                }
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("accounts are unavailable: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("accounts are unavailable: " + e.getMessage(), e);
        }
    }
}
