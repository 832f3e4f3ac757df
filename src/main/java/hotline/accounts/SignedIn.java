package hotline.accounts;

import hotline.web.Frame;
import hotline.web.Notice;

import io.javalin.http.Context;

/** Who is signed in for this request, put there by {@link AccessControl} before any page handler runs. */
public record SignedIn(Account account, Sessions.Session session) {
    private static final String ATTRIBUTE = "hotline.signedIn";

    static void put(Context ctx, SignedIn signedIn) {
        ctx.attribute(ATTRIBUTE, signedIn);
    }

    public static SignedIn of(Context ctx) {
        SignedIn signedIn = ctx.attribute(ATTRIBUTE);
        if (signedIn == null) {
            throw new IllegalStateException("no one is signed in for " + ctx.path() + "; is it behind AccessControl?");
        }
        return signedIn;
    }

    public String name() {
        return account.name();
    }

    /** The frame of a page: its title and section, who is signed in, and the form token. */
    public static Frame frame(Context ctx, String title, String section) {
        SignedIn signedIn = of(ctx);
        return new Frame(title, section, signedIn.account().name(), signedIn.account().isAdmin(),
                signedIn.session().csrfToken(), Notice.text(ctx.queryParam("notice")), false,
                Sessions.IDLE_TIMEOUT.toSeconds());
    }
}
