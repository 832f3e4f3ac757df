package hotline.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the recordings a language can have, and what each must say. A prompt is recorded in pieces: the
 * words between its placeholders; digits and line names are recorded once and used in every prompt.
 */
public final class RecordingSlots {
    private RecordingSlots() {
    }

    /** The words between placeholders of one text: {@code transfer.connecting#0.1} is the second piece of it. */
    public static String words(PromptKey key, int segment, int piece) {
        return key.path() + "#" + segment + "." + piece;
    }

    public static String digit(char digit) {
        return "digit." + digit;
    }

    public static String lineName(String lineId) {
        return "line." + lineId;
    }

    public static String lineNote(String lineId) {
        return "note." + lineId;
    }

    /** Every recording a language needs to be heard without text-to-speech, with what each must say. */
    public static Map<String, String> needed(Prompts prompts, List<ResourceLine> lines) {
        Map<String, String> slots = new LinkedHashMap<>();
        for (PromptKey key : PromptKey.values()) {
            List<Template> segments = prompts.templates().get(key);
            if (segments == null || key.kind() == PromptKey.Kind.HEARD) {
                continue;
            }
            for (int s = 0; s < segments.size(); s++) {
                List<String> words = segments.get(s).words();
                for (int w = 0; w < words.size(); w++) {
                    if (sayable(words.get(w))) {
                        slots.put(words(key, s, w), words.get(w).strip());
                    }
                }
            }
        }
        for (char digit = '0'; digit <= '9'; digit++) {
            slots.put(digit(digit), String.valueOf(digit));
        }
        for (ResourceLine line : lines) {
            String name = line.name(prompts.language());
            slots.put(lineName(line.id()), name == null ? "" : name);
        }
        return slots;
    }

    /**
     * Whether a piece has anything to say: a piece that is only punctuation or spaces (the ". " after a line's number,
     * say) is not recorded; the recordings around it carry their own pauses.
     */
    public static boolean sayable(String piece) {
        return piece.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * Every recording slot of a language in some content, needed or optional, with what each must say now; the
     * language need not be offered or complete yet.
     */
    public static Map<String, String> of(CatalogSource source, String language) {
        List<CatalogProblem> ignored = new java.util.ArrayList<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        source.languages().languages().forEach(l -> declared.add(l.code()));
        LineDirectory directory = LineDirectoryValidator.validate(source.lines(), declared, java.util.Set.of(), ignored);
        Prompts prompts = PromptValidator.validate(language, source.prompts().getOrDefault(language, Map.of()),
                directory.lines(), ignored);
        Map<String, String> slots = new LinkedHashMap<>(needed(prompts, directory.lines()));
        slots.putAll(optional(language, directory.lines()));
        return slots;
    }

    /** Recordings a language may have but need not: notes said before a transfer. */
    public static Map<String, String> optional(String language, List<ResourceLine> lines) {
        Map<String, String> slots = new LinkedHashMap<>();
        for (ResourceLine line : lines) {
            line.note(language).ifPresent(note -> slots.put(lineNote(line.id()), note));
        }
        return slots;
    }
}
