package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/**
 * One step of a call through the draft, as the browser shows it: what would be said, in which voice, and what
 * comes next: the keys and where each leads, a transfer and its outcomes, or the end of the call.
 */
public record PreviewPage(Frame frame, List<String> languages, String at, List<Spoken> spoken, String next,
                          List<Choice> choices, List<ProblemView> problems) {

    /** A text as Twilio would speak it, or a pause. */
    public record Spoken(String language, String voice, String text) {
        public boolean pause() {
            return text.isEmpty();
        }
    }

    /** A key (or a transfer outcome) the caller could give, and what it leads to; {@code link} walks there. */
    public record Choice(String label, String leadsTo, String link) {
    }
}
