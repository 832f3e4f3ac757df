package hotline.content;

import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogSource.LineEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The changes an editor can make to the draft, each a pure function from content to content. */
public final class DraftEdits {
    private DraftEdits() {
    }

    public static CatalogSource withPrompts(CatalogSource source, String language, Map<String, Object> texts) {
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(source.prompts());
        prompts.put(language, new LinkedHashMap<>(texts));
        return source.withPrompts(prompts);
    }

    /** Sets (or, with a null entry, removes) the recording of one slot of a language. */
    public static CatalogSource withRecording(CatalogSource source, String language, String slot, CatalogSource.RecordingEntry entry) {
        Map<String, Map<String, CatalogSource.RecordingEntry>> recordings = new LinkedHashMap<>(source.recordings());
        Map<String, CatalogSource.RecordingEntry> ofLanguage = new LinkedHashMap<>(recordings.getOrDefault(language, Map.of()));
        if (entry == null) {
            ofLanguage.remove(slot);
        } else {
            ofLanguage.put(slot, entry);
        }
        recordings.put(language, ofLanguage);
        return source.withRecordings(recordings);
    }

    public static CatalogSource withLanguages(CatalogSource source, List<LanguageEntry> languages, String defaultLanguage) {
        return source.withLanguages(source.languages().withLanguages(defaultLanguage, languages));
    }

    public static CatalogSource withReviewed(CatalogSource source, String code, boolean reviewed) {
        List<LanguageEntry> languages = new ArrayList<>();
        for (LanguageEntry l : source.languages().languages()) {
            languages.add(l.code().equals(code) ? l.withState(l.offered(), reviewed) : l);
        }
        return withLanguages(source, languages, source.languages().defaultLanguage());
    }

    /** A new language starts disabled and with no texts, so it cannot reach callers half-written. */
    public static CatalogSource withNewLanguage(CatalogSource source, LanguageEntry language) {
        List<LanguageEntry> languages = new ArrayList<>(source.languages().languages());
        languages.add(language.withState(false, false));
        CatalogSource added = withLanguages(source, languages, source.languages().defaultLanguage());
        return withPrompts(added, language.code(), Map.of());
    }

    public static CatalogSource movedLanguage(CatalogSource source, String code, int delta) {
        return withLanguages(source, moved(source.languages().languages(), l -> l.code().equals(code), delta),
                source.languages().defaultLanguage());
    }

    /** Replaces the line with the same id, or adds it at the end of the directory. */
    public static CatalogSource withLine(CatalogSource source, LineEntry line) {
        List<LineEntry> lines = new ArrayList<>(source.lines().lines());
        Optional<Integer> at = indexOf(lines, line.id());
        if (at.isPresent()) {
            lines.set(at.get(), line);
        } else {
            lines.add(line);
        }
        return withLines(source, lines);
    }

    public static CatalogSource withoutLine(CatalogSource source, String id) {
        List<LineEntry> lines = new ArrayList<>(source.lines().lines());
        lines.removeIf(l -> id.equals(l.id()));
        return withLines(source, lines);
    }

    public static CatalogSource movedLine(CatalogSource source, String id, int delta) {
        return withLines(source, moved(source.lines().lines(), l -> id.equals(l.id()), delta));
    }

    public static CatalogSource withDirectory(CatalogSource source, String hotline, List<String> speakNow, String timeZone,
                                       Integer dialTimeoutSeconds) {
        return source.withLines(source.lines().withSettings(timeZone, dialTimeoutSeconds, hotline, List.copyOf(speakNow)));
    }

    private static CatalogSource withLines(CatalogSource source, List<LineEntry> lines) {
        return source.withLines(source.lines().withLines(lines));
    }

    private static Optional<Integer> indexOf(List<LineEntry> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (id.equals(lines.get(i).id())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static <T> List<T> moved(List<T> items, java.util.function.Predicate<T> which, int delta) {
        List<T> list = new ArrayList<>(items);
        for (int i = 0; i < list.size(); i++) {
            if (which.test(list.get(i))) {
                int target = Math.max(0, Math.min(list.size() - 1, i + delta));
                list.add(target, list.remove(i));
                break;
            }
        }
        return list;
    }
}
