package hotline.web;

/**
 * What every page's frame shows: its title, which section of the menu it belongs to, who is signed in (empty
 * on the sign-in page), whether they may edit content, the token each form must carry, a short notice about what just
 * happened, and how long an idle session lasts (the page warns before it ends).
 *
 * @param noticeWarning the notice needs attention (saved, but with problems): never a green "Saved" beside an error
 * @param sessionSeconds seconds an idle session lasts; 0 where no one is signed in
 */
public record Frame(String title, String section, String accountName, boolean admin, String csrf, String notice,
                    boolean noticeWarning, long sessionSeconds) {

    public Frame(String title, String section, String accountName, boolean admin, String csrf, String notice) {
        this(title, section, accountName, admin, csrf, notice, false, 0);
    }

    public boolean signedIn() {
        return !accountName.isEmpty();
    }

    public boolean hasNotice() {
        return notice != null && !notice.isEmpty();
    }

    /** The navigation's mark for the current section: {@code page}, or null (no attribute) for the others. */
    public String current(String name) {
        return section.equals(name) ? "page" : null;
    }

    /** The same page, titled "Error: ..." as screen readers announce first, when it shows a mistake. */
    public Frame withErrors(boolean errors) {
        return errors && !title.startsWith("Error: ")
                ? new Frame("Error: " + title, section, accountName, admin, csrf, notice, noticeWarning, sessionSeconds) : this;
    }

    /** The same page with another notice; a warning when what was saved still has problems. */
    public Frame withNotice(String text, boolean warning) {
        return new Frame(title, section, accountName, admin, csrf, text, warning, sessionSeconds);
    }

    /**
     * A notice about what was just done (such as "Saved"), turned into a warning that says why, when the page also shows
     * problems that stop a publish: never a green "Saved" beside a red error.
     */
    public Frame cautioned(boolean problems, String why) {
        return problems && hasNotice() && !noticeWarning ? withNotice(notice + " " + why, true) : this;
    }

    public static Frame anonymous(String title) {
        return new Frame(title, "", "", false, "", "");
    }
}
