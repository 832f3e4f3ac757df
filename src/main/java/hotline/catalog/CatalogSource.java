package hotline.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The catalog as people write it, before any checking: the three kinds of prompt file, field by field.
 * {@link CatalogValidator} turns it into a {@link Catalog} or explains what is wrong.
 *
 * @param prompts texts per language code, flattened to dotted paths ({@code main_menu.safety}); a value is a
 *                String, a List of Strings, or whatever else a person typed (which the validator refuses)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogSource(String version, LanguagesFile languages, LinesFile lines,
                            Map<String, Map<String, Object>> prompts) {

    public static final String LANGUAGES_FILE = "languages.yaml";
    public static final String LINES_FILE = "lines.yaml";

    public static String promptFile(String languageCode) {
        return languageCode + ".yaml";
    }

    /** {@code languages.yaml}: the language menu. */
    public record LanguagesFile(@JsonProperty("default") String defaultLanguage, List<LanguageEntry> languages) {
    }

    /**
     * @param enabled  offered in the language menu; a disabled language may be incomplete (its problems are warnings)
     * @param reviewed its prompts were checked by a native speaker; otherwise the editor shows "needs review"
     */
    public record LanguageEntry(String code, String key, @JsonProperty("twilio_language") String twilioLanguage,
                                String voice, Boolean enabled, Boolean reviewed) {
        /** Enabled unless it says otherwise. (Not named isEnabled: Jackson would take that for the field.) */
        public boolean offered() {
            return !Boolean.FALSE.equals(enabled);
        }

        public boolean reviewedByNativeSpeaker() {
            return Boolean.TRUE.equals(reviewed);
        }
    }

    /** {@code lines.yaml}: the resource directory and how transfers behave. */
    public record LinesFile(@JsonProperty("time_zone") String timeZone,
                            @JsonProperty("dial_timeout_seconds") Integer dialTimeoutSeconds,
                            @JsonProperty("hotline") String hotline,
                            @JsonProperty("speak_now") List<String> speakNow,
                            List<LineEntry> lines) {
    }

    /** @param enabled offered in the directory; a disabled line is kept but nothing may lead to it */
    public record LineEntry(String id, Map<String, String> names, Map<String, String> notes, String number,
                            @JsonProperty("open_24_hours") Boolean open24Hours, List<String> hours,
                            @JsonProperty("closed_dates") List<String> closedDates, String failover, Boolean enabled) {
        /** Enabled unless it says otherwise. */
        public boolean offered() {
            return !Boolean.FALSE.equals(enabled);
        }
    }
}
