package hotline.admin;

import hotline.catalog.LanguageNames;
import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;
import java.util.Map;

/**
 * The language menu: each language's key, voice and state in the order callers hear them, how often each was
 * chosen lately, and how long the menu takes to hear.
 *
 * @param errors     mistakes in what was just sent, by the id of the field to fix
 * @param menuSeconds about how long the draft's language menu takes to hear once, or -1 if the draft has problems
 */
public record LanguagesPage(Frame frame, List<Row> rows, String defaultLanguage, List<String> twilioLanguages,
                            List<String> speechLanguages, Map<String, List<String>> voices, List<ProblemView> problems,
                            Map<String, String> errors, Row adding, int menuSeconds, String anotherLanguageKey) {

    /** One language as shown and as typed. Without a voice it is heard from recordings only. */
    public record Row(String code, String key, String twilioLanguage, String voice, String speechLanguage,
                      String name, boolean enabled, boolean reviewed, long chosenLately) {
        public boolean recordingsOnly() {
            return voice.isBlank() && twilioLanguage.isBlank();
        }

        /** The name people use, from the name typed or the code. */
        public String shownName() {
            return LanguageNames.english(code, name);
        }
    }

    public List<String> voicesFor(String twilioLanguage) {
        return voices.getOrDefault(twilioLanguage, voices.getOrDefault("", List.of()));
    }

    public List<FieldError> summary() {
        return FieldError.of(errors);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** "true" for a field with a mistake, or null (no attribute). */
    public String invalid(String field) {
        return error(field).isEmpty() ? null : "true";
    }

    /** The id of the field's error message, for aria-describedby; null when it has none. */
    public String describedBy(String field) {
        return error(field).isEmpty() ? null : field + "-error";
    }
}
