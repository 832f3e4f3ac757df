package hotline.accounts;

import java.util.Optional;

/** What a new password must be: long enough to resist guessing, and not the account's own name. */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    /** Why {@code password} is not acceptable for {@code accountName}, or empty when it is. */
    public static Optional<String> problem(String accountName, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters. A few words in a row work well.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("A password can have at most " + MAX_LENGTH + " characters.");
        }
        if (password.toLowerCase().contains(accountName.toLowerCase())) {
            return Optional.of("A password must not contain the account's name.");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("That password repeats too few characters to be hard to guess.");
        }
        return Optional.empty();
    }
}
