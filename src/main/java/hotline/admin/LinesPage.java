package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/** The directory: every line in order with its number and state, and the settings of transfers. */
public record LinesPage(Frame frame, List<Row> rows, Settings settings, List<String> allDayLines, List<String> lineIds,
                        List<ProblemView> problems, String error) {

    /** One line as listed. */
    public record Row(String id, String name, String kind, String number, boolean enabled, String hours, String failover) {
    }

    /** How transfers behave: the 24-hour line every failure ends at, "speak with someone now", time zone, timeout. */
    public record Settings(String hotline, List<String> speakNow, String timeZone, int dialTimeoutSeconds) {
        /** The n-th line of the speak-now order, or empty. */
        public String speakNow(int index) {
            return index < speakNow.size() ? speakNow.get(index) : "";
        }
    }
}
