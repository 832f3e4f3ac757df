package hotline.web;

import java.util.Map;

/**
 * Short confirmations shown after a form is handled and the browser is sent on to the next page. Pages name a
 * notice by its code in the URL ({@code ?notice=saved}), so no text a person typed ever travels in a URL.
 */
public final class Notice {
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("signed_out", "You are signed out."),
            Map.entry("password_changed", "Your password is changed."),
            Map.entry("saved", "Saved to the draft. Callers hear it once it is published."),
            Map.entry("published", "Published. Callers hear it from the next call on."),
            Map.entry("rolled_back", "Rolled back. Callers hear that version from the next call on."),
            Map.entry("rolled_back_draft_kept", "Rolled back. Callers hear that version from the next call on; the draft keeps"
                    + " its unpublished changes, on top of it."),
            Map.entry("nothing_to_discard", "The draft has no changes to discard."),
            Map.entry("nothing_to_revert", "That change is not in the draft any more: nothing was reverted."),
            Map.entry("reverted", "The change is reverted: the draft has what callers hear there now."),
            Map.entry("import_expired", "That import is no longer waiting (it was done, or uploaded more than two hours ago)."
                    + " Upload the files again."),
            Map.entry("kept", "Your session ended before that was saved. Nothing is lost: what you sent is kept for you."
                    + " Sign in, and you can save it."),
            Map.entry("kept_forgotten", "What you sent after your session ended is thrown away."),
            Map.entry("account_added", "The account is added."),
            Map.entry("password_reset", "The password is reset, and the person is signed out everywhere."),
            Map.entry("discarded", "The draft is back to what callers hear now."),
            Map.entry("imported", "Imported into the draft. Check it, then publish."),
            Map.entry("line_deleted", "The line is deleted from the draft."),
            Map.entry("account_changed", "The account is changed."),
            Map.entry("session_ended", "Your session ended. Sign in again."));

    private Notice() {
    }

    public static String text(String code) {
        return code == null ? "" : TEXTS.getOrDefault(code, "");
    }
}
