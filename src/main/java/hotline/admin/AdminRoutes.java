package hotline.admin;

/** The paths of the content editor, written once; links in templates use the same strings. */
public final class AdminRoutes {
    public static final String HOME = "/admin";
    public static final String PUBLISH = "/admin/publish";
    public static final String DISCARD = "/admin/draft/discard";
    /** One change of the draft put back as callers hear it: a page that asks (GET), then the change (POST). */
    public static final String REVERT = "/admin/draft/revert";
    public static final String PROMPTS = "/admin/prompts";
    public static final String LINES = "/admin/lines";
    public static final String LINE = "/admin/lines/{id}";
    public static final String LINE_MOVE = "/admin/lines/{id}/move";
    public static final String LINE_DELETE = "/admin/lines/{id}/delete";
    public static final String DIRECTORY = "/admin/directory";
    public static final String LANGUAGES = "/admin/languages";
    public static final String LANGUAGE_ADD = "/admin/languages/add";
    public static final String LANGUAGE_MOVE = "/admin/languages/{code}/move";
    public static final String LANGUAGE_ORDER_BY_USE = "/admin/languages/order-by-use";
    public static final String VERSIONS = "/admin/versions";
    public static final String DIFF = "/admin/versions/diff";
    public static final String ROLLBACK = "/admin/versions/{id}/rollback";
    public static final String PREVIEW = "/admin/preview";
    public static final String FILES = "/admin/files";
    public static final String EXPORT = "/admin/files/export";
    public static final String IMPORT = "/admin/files/import";
    /** An uploaded import waiting to be confirmed: what it would change (GET), then the import itself (POST). */
    public static final String IMPORT_CONFIRM = "/admin/files/import/{id}";
    public static final String AUDIT = "/admin/audit";
    /** The fallback for the TwiML Bin, to copy; and the button that says it was pasted. */
    public static final String FALLBACK = "/admin/fallback";
    public static final String FALLBACK_PASTED = "/admin/fallback/pasted";
    /** A language's recordings; {@code ?show=to_do} shows only what is missing or out of date. */
    public static final String RECORDINGS = "/admin/recordings";
    public static final String RECORDINGS_TO_DO = "to_do";

    private AdminRoutes() {
    }

    public static String line(String id) {
        return LINE.replace("{id}", id);
    }

    public static String lineDelete(String id) {
        return LINE_DELETE.replace("{id}", id);
    }

    public static String rollback(long version) {
        return ROLLBACK.replace("{id}", Long.toString(version));
    }

    /** The recordings a language still needs. */
    public static String recordingsToDo(String language) {
        return RECORDINGS + "?lang=" + language + "&show=" + RECORDINGS_TO_DO;
    }

    public static String importConfirm(String id) {
        return IMPORT_CONFIRM.replace("{id}", id);
    }
}
