package hotline.admin;

import hotline.web.Frame;

import java.util.List;
import java.util.Map;

/**
 * The language menu: each language's key, voice and state in the order callers hear them, how often each was
 * chosen lately, and how long the menu takes to hear.
 *
 * @param menuSeconds about how long the draft's language menu takes to hear once, or -1 if the draft has problems
 */
public record LanguagesPage(Frame frame, List<Row> rows, String defaultLanguage, List<String> twilioLanguages,
                            List<String> speechLanguages, Map<String, List<String>> voices, List<ProblemView> problems,
                            String error, Row adding, int menuSeconds, String anotherLanguageKey) {

    /** One language as shown and as typed. Without a voice it is heard from recordings only. */
    public record Row(String code, String key, String twilioLanguage, String voice, String speechLanguage,
                      String name, boolean enabled, boolean reviewed, long chosenLately) {
        public boolean recordingsOnly() {
            return voice.isBlank() && twilioLanguage.isBlank();
        }
    }

    public List<String> voicesFor(String twilioLanguage) {
        return voices.getOrDefault(twilioLanguage, voices.getOrDefault("", List.of()));
    }
}
