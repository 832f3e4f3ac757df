package hotline.accounts;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;

/**
 * The accounts page. {@code oneTimePassword} is shown once, right after an account is made or reset, for the
 * admin to hand over; it is never stored, and never shown again.
 *
 * @param errors     what was wrong with the last change, after its redirect
 * @param typedName  the name typed into "Add an account", kept when it had a mistake
 */
public record AccountsPage(Frame frame, List<Account> accounts, String me, List<FieldError> errors, String typedName,
                           String typedRole, String passwordFor, String oneTimePassword) {

    public boolean nameInvalid() {
        return errors.stream().anyMatch(e -> e.field().equals("name"));
    }

    public String nameError() {
        return errors.stream().filter(e -> e.field().equals("name")).map(FieldError::message).findFirst().orElse("");
    }
}
