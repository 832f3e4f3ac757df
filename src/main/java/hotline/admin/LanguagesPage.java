package hotline.admin;

import hotline.web.Frame;

import java.util.List;
import java.util.Map;

/** The language menu: each language's key, voice and state, in the order callers hear them. */
public record LanguagesPage(Frame frame, List<Row> rows, String defaultLanguage, List<String> twilioLanguages,
                            Map<String, List<String>> voices, List<ProblemView> problems, String error, Row adding) {

    /** One language as shown and as typed. */
    public record Row(String code, String key, String twilioLanguage, String voice, boolean enabled, boolean reviewed) {
    }

    public List<String> voicesFor(String twilioLanguage) {
        return voices.getOrDefault(twilioLanguage, voices.getOrDefault("", List.of()));
    }
}
