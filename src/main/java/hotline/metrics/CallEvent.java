package hotline.metrics;

/**
 * One anonymous fact about a call, as the call flow reports it. Nothing here can identify a caller: fields hold
 * our own names (languages, menus, options, line ids), never anything a caller said or typed beyond a menu key.
 *
 * @param menu    where it happened: language, main, about, lines, closed, transfer
 * @param choice  the option chosen (a topic, a menu, a line id, repeat...), or how a language was chosen
 * @param outcome for transfer outcomes: connected, busy, no_answer, failed
 * @param seconds a call's duration, or a connected transfer's talk time
 */
public record CallEvent(EventKind kind, String language, String menu, String choice, String line, String outcome,
                        boolean failover, int seconds) {
    public static final String LANGUAGE_MENU = "language";
    public static final String TRANSFER = "transfer";
    /** The language "chosen" by a caller who asked for another language: they were sent to interpreters. */
    public static final String OTHER_LANGUAGE = "other";

    /**
     * Cut to the widths the database stores (migration V1): PostgreSQL refuses a longer value, and would drop the
     * whole batch with it, other calls' events too. Our names are far shorter; a language code need not be.
     */
    public CallEvent {
        language = fit(language, 16);
        menu = fit(menu, 16);
        choice = fit(choice, 48);
        line = fit(line, 48);
        outcome = fit(outcome, 16);
    }

    private static String fit(String value, int width) {
        return value == null || value.length() <= width ? value : value.substring(0, width);
    }

    public static CallEvent callStarted() {
        return new CallEvent(EventKind.CALL_STARTED, "", LANGUAGE_MENU, "", "", "", false, 0);
    }

    /**
     * @param how "key" when the caller pressed it; "none" with {@link #OTHER_LANGUAGE} when they chose nothing and
     *            were connected to the line with interpreters ("speech" and "default" in events recorded before the
     *            language menu took keys only)
     */
    public static CallEvent languageChosen(String language, String how) {
        return new CallEvent(EventKind.LANGUAGE_CHOSEN, language, LANGUAGE_MENU, how, "", "", false, 0);
    }

    public static CallEvent optionChosen(String language, String menu, String choice) {
        return new CallEvent(EventKind.OPTION_CHOSEN, language, menu, choice, "", "", false, 0);
    }

    public static CallEvent invalidInput(String language, String menu) {
        return new CallEvent(EventKind.INVALID_INPUT, language, menu, "", "", "", false, 0);
    }

    public static CallEvent noInput(String language, String menu) {
        return new CallEvent(EventKind.NO_INPUT, language, menu, "", "", "", false, 0);
    }

    /** @param failover true when an earlier line of the chain failed; false for the caller's own choice */
    public static CallEvent transferAttempted(String language, String menu, String line, boolean failover) {
        return new CallEvent(EventKind.TRANSFER_ATTEMPTED, language, menu, "", line, "", failover, 0);
    }

    public static CallEvent transferOutcome(String language, String line, TransferOutcome outcome, int talkSeconds) {
        return new CallEvent(EventKind.TRANSFER_OUTCOME, language, TRANSFER, "", line, outcome.stored(), false,
                Math.max(0, talkSeconds));
    }

    /** Where the call was at its end is filled in by the writer, which has seen the call's other events. */
    public static CallEvent callEnded(int seconds) {
        return new CallEvent(EventKind.CALL_ENDED, "", "", "", "", "", false, Math.max(0, seconds));
    }

    /** This call end, with the last menu reached, the call's language and the kind of its last event. */
    CallEvent ended(String lastMenu, String lastLanguage, String lastKind) {
        return new CallEvent(kind, lastLanguage, lastMenu, lastKind, line, outcome, failover, seconds);
    }
}
