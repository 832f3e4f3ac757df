package hotline.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * A phone line a caller can be transferred to, from the brochure's "who to call" section.
 *
 * @param kind     what kind of organization answers, said before every transfer
 * @param names    what callers hear it called, by language code
 * @param notes    optional words spoken before the transfer (an office address), by language code
 * @param failover the line to try when this one is busy, does not answer or is closed
 * @param whisper  whether the person answering first hears, privately, who is calling and in which language
 */
public record ResourceLine(String id, LineKind kind, Map<String, String> names, Map<String, String> notes,
                           PhoneNumber number, OpeningHours hours, Optional<String> failover, boolean whisper) {
    public ResourceLine {
        names = Map.copyOf(names);
        notes = Map.copyOf(notes);
    }

    public String name(String language) {
        return names.get(language);
    }

    public Optional<String> note(String language) {
        return Optional.ofNullable(notes.get(language));
    }

    public boolean openAllDay() {
        return hours.openAllDay();
    }
}
