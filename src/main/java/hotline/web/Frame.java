package hotline.web;

/**
 * What every page's frame shows: its title, which section of the menu it belongs to, who is signed in (empty
 * on the sign-in page), whether they may edit content, and the token each form must carry.
 */
public record Frame(String title, String section, String accountName, boolean admin, String csrf, String notice) {
    public boolean signedIn() {
        return !accountName.isEmpty();
    }

    public boolean hasNotice() {
        return notice != null && !notice.isEmpty();
    }

    public static Frame anonymous(String title) {
        return new Frame(title, "", "", false, "", "");
    }
}
