package hotline.accounts;

import hotline.web.Frame;

import java.util.List;

/**
 * The accounts page. {@code oneTimePassword} is shown once, right after an account is made or reset, for the
 * admin to hand over; it is never stored or shown again.
 */
public record AccountsPage(Frame frame, List<Account> accounts, String me, String error, String passwordFor,
                           String oneTimePassword) {
}
