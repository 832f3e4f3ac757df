package hotline.catalog;

import hotline.catalog.CatalogSource.RecordingEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the recordings of each language against its texts: a recording is used only while it says what the
 * text says now. A language without a voice is offered only when every piece it needs is recorded.
 */
final class RecordingValidator {
    /** Audio files are named by their content's SHA-256, so their URL cannot be guessed. */
    static final String FILE_NAME = "[0-9a-f]{64}\\.(wav|mp3)";

    private RecordingValidator() {
    }

    /** The up-to-date recordings of one language, by slot. */
    static Map<String, String> validate(String language, Map<String, RecordingEntry> recordings, Prompts prompts,
                                        List<ResourceLine> lines, boolean recordingsOnly, List<CatalogProblem> errors,
                                        List<CatalogProblem> warnings) {
        String file = CatalogSource.promptFile(language);
        Map<String, String> needed = RecordingSlots.needed(prompts, lines);
        Map<String, String> allowed = new LinkedHashMap<>(needed);
        allowed.putAll(RecordingSlots.optional(language, lines));
        Map<String, String> fresh = new LinkedHashMap<>();
        for (Map.Entry<String, RecordingEntry> recording : recordings.entrySet()) {
            String slot = recording.getKey();
            RecordingEntry entry = recording.getValue();
            if (entry == null || entry.file() == null || !entry.file().matches(FILE_NAME)) {
                errors.add(new CatalogProblem(file, "recordings." + slot, "names no recording file the hotline keeps"));
            } else if (!allowed.containsKey(slot)) {
                warnings.add(new CatalogProblem(file, "recordings." + slot, "nothing says this any more; the recording is not used"));
            } else if (!allowed.get(slot).equals(entry.transcript() == null ? "" : entry.transcript().strip())) {
                warnings.add(new CatalogProblem(file, "recordings." + slot, "the text changed since it was recorded (it said \""
                        + entry.transcript() + "\", it now says \"" + allowed.get(slot) + "\"); record it again"));
            } else {
                fresh.put(slot, entry.file());
            }
        }
        if (recordingsOnly) {
            List<String> missing = new ArrayList<>();
            for (String slot : needed.keySet()) {
                if (!fresh.containsKey(slot)) {
                    missing.add(slot);
                }
            }
            if (!missing.isEmpty()) {
                errors.add(new CatalogProblem(file, "recordings", language + " has no text-to-speech voice, so it can be "
                        + "offered only when everything it says is recorded; " + missing.size() + " recording(s) missing or out of date: "
                        + summary(missing)));
            }
        }
        return fresh;
    }

    private static String summary(List<String> slots) {
        List<String> shown = slots.size() > 12 ? slots.subList(0, 12) : slots;
        return String.join(", ", shown) + (slots.size() > shown.size() ? " and " + (slots.size() - shown.size()) + " more" : "");
    }

    static boolean anyUnknownLanguage(Map<String, ?> recordings, Set<String> declared) {
        return recordings.keySet().stream().anyMatch(code -> !declared.contains(code));
    }
}
