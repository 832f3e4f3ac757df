package hotline.accounts;

import hotline.web.Frame;

/** The sign-in form, with what was typed (never the password) and why it failed. */
public record LoginPage(Frame frame, String loginToken, String next, String name, String error) {
}
