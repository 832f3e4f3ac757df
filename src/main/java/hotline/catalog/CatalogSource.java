package hotline.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The catalog as people write it, before any checking: the three kinds of prompt file, field by field.
 * {@link CatalogValidator} turns it into a {@link Catalog} or explains what is wrong.
 *
 * @param prompts    texts per language code, flattened to dotted paths ({@code main_menu.safety}); a value is a
 *                   String, a List of Strings, or whatever else a person typed (which the validator refuses)
 * @param recordings per language code, the recordings made for it, by slot (see {@link RecordingSlots})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogSource(String version, LanguagesFile languages, LinesFile lines,
                            Map<String, Map<String, Object>> prompts,
                            Map<String, Map<String, RecordingEntry>> recordings) {

    public static final String LANGUAGES_FILE = "languages.yaml";
    public static final String LINES_FILE = "lines.yaml";

    public CatalogSource {
        recordings = recordings == null ? Map.of() : recordings;
    }

    public static String promptFile(String languageCode) {
        return languageCode + ".yaml";
    }

    public CatalogSource withVersion(String label) {
        return new CatalogSource(label, languages, lines, prompts, recordings);
    }

    public CatalogSource withLanguages(LanguagesFile changed) {
        return new CatalogSource(version, changed, lines, prompts, recordings);
    }

    public CatalogSource withLines(LinesFile changed) {
        return new CatalogSource(version, languages, changed, prompts, recordings);
    }

    public CatalogSource withPrompts(Map<String, Map<String, Object>> changed) {
        return new CatalogSource(version, languages, lines, changed, recordings);
    }

    public CatalogSource withRecordings(Map<String, Map<String, RecordingEntry>> changed) {
        return new CatalogSource(version, languages, lines, prompts, changed);
    }

    /**
     * {@code languages.yaml}: the language menu.
     *
     * @param anotherLanguage the key for callers whose language is not offered, and the line with interpreters
     */
    public record LanguagesFile(@JsonProperty("default") String defaultLanguage, List<LanguageEntry> languages,
                                @JsonProperty("another_language") AnotherLanguage anotherLanguage) {
        public LanguagesFile withLanguages(String defaultCode, List<LanguageEntry> entries) {
            return new LanguagesFile(defaultCode, List.copyOf(entries), anotherLanguage);
        }
    }

    /**
     * @param twilioLanguage absent, with {@code voice}, for a language Twilio cannot speak: recordings only
     * @param enabled        offered in the language menu; a disabled language may be incomplete (its problems are warnings)
     * @param reviewed       its prompts were checked by a native speaker; otherwise the editor shows "needs review"
     * @param speechLanguage the language Twilio listens for when a caller speaks instead of pressing a key (main menu)
     * @param name           the language's name in English ("Cantonese"): what pages show and what a line answering
     *                       a transfer is told the caller chose
     */
    // spoken_names: names a caller could say in the language menu, which now takes keys only (one <Gather> hears one
    // language, so a name in another script could never match). Old content that has them still reads.
    @JsonIgnoreProperties({"spoken_names"})
    public record LanguageEntry(String code, String key, @JsonProperty("twilio_language") String twilioLanguage,
                                String voice, Boolean enabled, Boolean reviewed,
                                @JsonProperty("speech_language") String speechLanguage, String name) {
        /** Enabled unless it says otherwise. (Not named isEnabled: Jackson would take that for the field.) */
        public boolean offered() {
            return !Boolean.FALSE.equals(enabled);
        }

        public boolean reviewedByNativeSpeaker() {
            return Boolean.TRUE.equals(reviewed);
        }

        /** No text-to-speech voice: every prompt must be recorded. */
        public boolean recordingsOnly() {
            return voice == null && twilioLanguage == null;
        }

        public LanguageEntry withState(boolean isEnabled, boolean isReviewed) {
            return new LanguageEntry(code, key, twilioLanguage, voice, isEnabled ? null : false, isReviewed,
                    speechLanguage, name);
        }
    }

    /**
     * A key in the language menu for any other language: it connects to a 24-hour line with interpreters.
     *
     * @param announceIn the languages in which the menu offers this key (the default language when absent): widely
     *                   understood ones, since a caller who needs it does not hear their own language
     */
    public record AnotherLanguage(String key, String line, @JsonProperty("announce_in") List<String> announceIn) {
    }

    /**
     * {@code lines.yaml}: the resource directory and how transfers behave.
     *
     * @param whisper what the person answering a transfer hears before the caller is connected
     */
    public record LinesFile(@JsonProperty("time_zone") String timeZone,
                            @JsonProperty("dial_timeout_seconds") Integer dialTimeoutSeconds,
                            @JsonProperty("hotline") String hotline,
                            @JsonProperty("speak_now") List<String> speakNow,
                            WhisperEntry whisper,
                            List<LineEntry> lines) {
        public LinesFile withLines(List<LineEntry> changed) {
            return new LinesFile(timeZone, dialTimeoutSeconds, hotline, speakNow, whisper, List.copyOf(changed));
        }

        public LinesFile withSettings(String zone, Integer dialTimeout, String hotlineId, List<String> speakNowIds) {
            return new LinesFile(zone, dialTimeout, hotlineId, speakNowIds, whisper, lines);
        }
    }

    /**
     * The short notice a line hears, privately, when it answers a transfer: who is calling and in which language,
     * so that it can bring an interpreter. Nothing else about the caller.
     *
     * @param text a sentence with {@code {language}}, the caller's language by its English name
     */
    public record WhisperEntry(String text, @JsonProperty("twilio_language") String twilioLanguage, String voice) {
    }

    /**
     * @param kind    what kind of organization answers ({@link LineKind}), said before every transfer
     * @param whisper false to connect without telling the line who is calling (told by default)
     * @param enabled offered in the directory; a disabled line is kept but nothing may lead to it
     */
    public record LineEntry(String id, String kind, Map<String, String> names, Map<String, String> notes, String number,
                            @JsonProperty("open_24_hours") Boolean open24Hours, List<String> hours,
                            @JsonProperty("closed_dates") List<String> closedDates, String failover, Boolean whisper,
                            Boolean enabled) {
        /** Enabled unless it says otherwise. */
        public boolean offered() {
            return !Boolean.FALSE.equals(enabled);
        }

        /** Told who is calling unless it says otherwise. */
        public boolean whispered() {
            return !Boolean.FALSE.equals(whisper);
        }
    }

    /**
     * A recording: its audio file under the data directory's {@code recordings/}, and what it says, so that a
     * recording whose text has since changed is known to be out of date.
     */
    public record RecordingEntry(String file, String transcript) {
    }
}
