package hotline.accounts;

import hotline.web.Form;
import hotline.web.KeptForms;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to work when a session ends under someone's hands. A form sent just after their session timed out is
 * kept for them, and offered again once they sign in, instead of "what you typed was not saved". Only a form that
 * carries the timed-out session's own token is kept: a page elsewhere cannot plant a form to be "saved" later.
 * Pages warn some minutes before a session ends, and "stay signed in" keeps it going.
 */
public final class SessionEnd {
    /** Forms whose content is not kept: passwords, signing out, staying signed in. */
    private static final List<String> NOT_KEPT = List.of(AccountRoutes.LOGOUT, AccountRoutes.PASSWORD, AccountRoutes.STAY_SIGNED_IN);
    /** A field a form carries when it sends a kept form again: once it arrives, the kept copy has done its job. */
    public static final String RESENT_FIELD = "kept_form";

    private final Sessions sessions;
    private final KeptForms kept;

    public SessionEnd(Sessions sessions, KeptForms kept) {
        this.sessions = sessions;
        this.kept = kept;
    }

    /**
     * For a form sent without a live session: keeps it for its author if it came from their own page of a session that
     * timed out, and sends them to sign in, then to it. False when it cannot be kept (nothing is answered then).
     */
    boolean keepAndSignIn(Context ctx) {
        if (NOT_KEPT.contains(ctx.path()) || ctx.isMultipartFormData()) {
            return false;
        }
        Optional<Sessions.Session> lapsed = sessions.lapsed(ctx.cookie(AccessControl.SESSION_COOKIE));
        String sent = ctx.formParam("csrf");
        if (lapsed.isEmpty() || sent == null
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), lapsed.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        String id = kept.keep(lapsed.get().accountId(), KeptForms.Purpose.SESSION_ENDED, ctx.path(), Form.of(ctx));
        ctx.redirect(AccountRoutes.LOGIN + "?notice=kept&next=" + URLEncoder.encode(AccountRoutes.kept(id), StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
        return true;
    }

    /** Why a form sent without a session was not kept, for the page that says so. */
    static String whyNotKept(Context ctx) {
        if (ctx.isMultipartFormData()) {
            return "Your session had ended, so the file was not uploaded and nothing was saved. Sign in again, then choose the"
                    + " file again: it is still on your computer.";
        }
        return "You are not signed in, or you were signed out, so nothing was saved and what you sent could not be kept for"
                + " you. Go back: your browser may still show what you typed. Copy it, sign in again, and paste it.";
    }

    /** A kept form sent again by its author is forgotten: from here on, the page it was sent to answers for it. */
    void forgetResent(Context ctx, Account account) {
        String id = ctx.formParam(RESENT_FIELD);
        if (id != null) {
            kept.forget(id, account.id());
        }
    }

    /** {@code POST /admin/session/stay}: "stay signed in". The session was touched on the way in; says how long it now lasts. */
    public void stay(Context ctx) {
        ctx.json(Map.of("seconds", Sessions.IDLE_TIMEOUT.toSeconds()));
    }
}
