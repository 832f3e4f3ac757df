package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/**
 * One step of a call through the draft, as the browser shows it: what would be said, in which language and voice, and
 * what comes next: the keys and where each leads, a transfer and its outcomes, or the end of the call.
 *
 * @param zoneName the hotline's time zone, which "as if it were" is read in
 */
public record PreviewPage(Frame frame, List<LanguageChoice> languages, String at, List<Spoken> spoken, String next,
                          List<Choice> choices, List<ProblemView> problems, String zoneName) {

    /** A language to start the call in, by its name. */
    public record LanguageChoice(String code, String name) {
    }

    /** A text as Twilio would speak it, in a language named as people name it, or a pause. */
    public record Spoken(String language, String languageName, String voice, String text) {
        public boolean pause() {
            return text.isEmpty();
        }
    }

    /** A key (or a transfer outcome) the caller could give, and what it leads to; {@code link} walks there. */
    public record Choice(String label, String leadsTo, String link) {
    }
}
