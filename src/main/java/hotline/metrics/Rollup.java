package hotline.metrics;

import java.util.List;

/**
 * What each kind of event is counted by in the rollups (hourly and daily): only the dimensions dashboards group it by, so the
 * rollup stays small however busy the line. (Migration V2 applies the same rule to older raw events.)
 */
final class Rollup {
    static final String CALL_DURATION = "call_duration";

    /** One row of the rollup that an event adds one to. */
    record Entry(String kind, String language, String menu, String choice, String line, String outcome,
                 boolean failover, int durationStep, int seconds) {
        /** The row this entry counts in: its dimensions, without the seconds it adds. */
        Entry withoutSeconds() {
            return new Entry(kind, language, menu, choice, line, outcome, failover, durationStep, 0);
        }
    }

    private Rollup() {
    }

    static List<Entry> entriesFor(CallEvent e) {
        String kind = e.kind().stored();
        return switch (e.kind()) {
            case CALL_STARTED -> List.of(entry(kind, "", "", "", "", "", false, 0));
            case LANGUAGE_CHOSEN -> List.of(entry(kind, e.language(), "", e.choice(), "", "", false, 0));
            case OPTION_CHOSEN -> List.of(entry(kind, "", e.menu(), e.choice(), "", "", false, 0));
            case INVALID_INPUT, NO_INPUT -> List.of(entry(kind, "", e.menu(), "", "", "", false, 0));
            case TRANSFER_ATTEMPTED -> List.of(entry(kind, "", "", "", e.line(), "", e.failover(), 0));
            case TRANSFER_OUTCOME -> List.of(entry(kind, "", "", "", e.line(), e.outcome(), false, e.seconds()));
            case CALL_ENDED -> List.of(
                    entry(kind, "", e.menu(), e.choice(), "", "", false, e.seconds()),
                    new Entry(CALL_DURATION, "", "", "", "", "", false, DurationSteps.stepOf(e.seconds()), e.seconds()));
        };
    }

    private static Entry entry(String kind, String language, String menu, String choice, String line, String outcome,
                               boolean failover, int seconds) {
        return new Entry(kind, language, menu, choice, line, outcome, failover, 0, seconds);
    }
}
