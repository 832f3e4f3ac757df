package hotline.accounts;

import hotline.web.Frame;

/** Changing one's own password; {@code forced} when a one-time password must be replaced first. */
public record PasswordPage(Frame frame, boolean forced, String error) {
}
