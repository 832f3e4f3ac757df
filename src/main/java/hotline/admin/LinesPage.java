package hotline.admin;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;

/**
 * The directory: every line in order, by its name, with its number and state, and the settings of transfers.
 *
 * @param settingsErrors mistakes in the transfer settings just sent, shown at the top and beside each field
 */
public record LinesPage(Frame frame, List<Row> rows, Settings settings, List<Choice> allDayLines, List<Choice> lines,
                        List<ProblemView> problems, List<FieldError> settingsErrors) {

    /** One line as listed: its name, and the name of the line it fails over to. */
    public record Row(String id, String name, String kind, String number, boolean enabled, String hours, String failover) {
        public String shownName() {
            return name.isEmpty() ? id : name;
        }
    }

    /** A line in a list to choose from: its short name (the value sent) and its name (what people read). */
    public record Choice(String id, String name) {
    }

    /** How transfers behave: the 24-hour line every failure ends at, "speak with someone now", time zone, ring time. */
    public record Settings(String hotline, List<String> speakNow, String timeZone, String dialTimeoutSeconds) {
        /** The n-th line of the speak-now order, or empty. */
        public String speakNow(int index) {
            return index < speakNow.size() ? speakNow.get(index) : "";
        }
    }

    public String error(String field) {
        return settingsErrors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }

    /** The ids of the error and hint of a field, for aria-describedby; null when it has neither. */
    public String describedBy(String field, boolean hint) {
        String ids = (hint ? field + "-hint " : "") + (error(field).isEmpty() ? "" : field + "-error");
        return ids.isBlank() ? null : ids.strip();
    }
}
