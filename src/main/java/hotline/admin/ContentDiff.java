package hotline.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogSource.LinesFile;
import hotline.catalog.CatalogSource.RecordingEntry;
import hotline.catalog.LanguageNames;
import hotline.catalog.LineKind;
import hotline.catalog.PhoneNumber;
import hotline.catalog.PromptKey;
import hotline.web.Dates;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between two versions of the content, one part at a time, named as a person would name it ("Line:
 * Los Angeles Police Department · Number: (877) 275-5273 → (323) 555-0142"), with lines and languages by their names
 * and numbers as people write them. Each change names its part by an id, so that one change can be reverted on its own
 * ({@link #withPart}) and a draft's changes carried over to another version ({@link #carried}).
 */
public final class ContentDiff {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LINE_FIELDS = new LinkedHashMap<>();
    private static final Map<String, String> LANGUAGE_FIELDS = new LinkedHashMap<>();
    private static final Map<String, String> DIRECTORY_SETTINGS = new LinkedHashMap<>();
    private static final Map<String, String> MENU_SETTINGS = new LinkedHashMap<>();

    static {
        LINE_FIELDS.put("kind", "Kind");
        LINE_FIELDS.put("number", "Number");
        LINE_FIELDS.put("open_24_hours", "Open 24 hours");
        LINE_FIELDS.put("hours", "Weekly hours");
        LINE_FIELDS.put("closed_dates", "Closed dates");
        LINE_FIELDS.put("failover", "When busy, unanswered or closed, goes on to");
        LINE_FIELDS.put("whisper", "Told who is calling");
        LINE_FIELDS.put("enabled", "Offered");
        LANGUAGE_FIELDS.put("name", "Name in English");
        LANGUAGE_FIELDS.put("key", "Key");
        LANGUAGE_FIELDS.put("twilio_language", "Twilio language");
        LANGUAGE_FIELDS.put("voice", "Voice");
        LANGUAGE_FIELDS.put("speech_language", "Main menu listens in");
        LANGUAGE_FIELDS.put("enabled", "Offered");
        LANGUAGE_FIELDS.put("reviewed", "Checked by a native speaker");
        MENU_SETTINGS.put("default", "Default language");
        MENU_SETTINGS.put("order", "Order of the language menu");
        MENU_SETTINGS.put("another_language", "Key for another language");
        DIRECTORY_SETTINGS.put("hotline", "The 24-hour hotline");
        DIRECTORY_SETTINGS.put("speak_now", "Speak with someone now");
        DIRECTORY_SETTINGS.put("time_zone", "Time zone");
        DIRECTORY_SETTINGS.put("dial_timeout_seconds", "Ring time before failing over (seconds)");
        DIRECTORY_SETTINGS.put("whisper", "What a line hears when it answers");
        DIRECTORY_SETTINGS.put("order", "Order of the directory");
    }

    /**
     * One part that differs.
     *
     * @param id     the part, for reverting it: {@code line:lapd:number}, {@code prompt:es-US:main_menu.safety}, ...
     * @param place  where it is, in words: "Line: Los Angeles Police Department", "Prompts in Spanish"
     * @param field  what it is, in words: "Number", "Main menu: Safety sentence that opens the main menu"
     * @param key    the same in the files' terms, for small print: {@code lapd › number}, {@code main_menu.safety}
     * @param before its value before, in words (empty when absent)
     * @param after  its value after, in words (empty when absent)
     */
    public record Change(String id, String place, String field, String key, String before, String after) {
        /** "Line: LAPD · Number", as a confirmation page names what will be lost. */
        public String title() {
            return place + " · " + field;
        }
    }

    private ContentDiff() {
    }

    public static List<Change> between(CatalogSource before, CatalogSource after) {
        Names names = new Names(before, after);
        List<Change> changes = new ArrayList<>();
        menuChanges(before, after, names, changes);
        directoryChanges(before, after, names, changes);
        Set<String> languages = new LinkedHashSet<>(codes(before));
        languages.addAll(codes(after));
        languages.addAll(before.prompts().keySet());
        languages.addAll(after.prompts().keySet());
        for (String code : languages) {
            if (language(before, code).isEmpty() != language(after, code).isEmpty()) {
                continue; // a language added or removed is one change, with all its texts
            }
            promptChanges(before, after, code, names, changes);
            recordingChanges(before, after, code, names, changes);
        }
        return changes;
    }

    /** {@code into}, with the part {@code id} as it is in {@code from}: present, changed or absent. */
    public static CatalogSource withPart(CatalogSource into, CatalogSource from, String id) {
        String[] part = id.split(":", 3);
        return switch (part[0]) {
            case "menu" -> withMenuSetting(into, from, part[1]);
            case "language" -> part.length == 2 ? withWholeLanguage(into, from, part[1]) : withLanguageField(into, from, part[1], part[2]);
            case "directory" -> withDirectorySetting(into, from, part[1]);
            case "line" -> part.length == 2 ? withWholeLine(into, from, part[1]) : withLineField(into, from, part[1], part[2]);
            case "prompt" -> withPrompt(into, from, part[1], part[2]);
            case "recording" -> withRecording(into, from, part[1], part[2]);
            default -> throw new IllegalArgumentException("no such part of the content: " + id);
        };
    }

    /**
     * {@code onto} with every change from {@code base} to {@code changed}: a draft's changes (from the version it was
     * compared with) kept on top of another version, as when rolling back while keeping the draft's work.
     */
    public static CatalogSource carried(CatalogSource onto, CatalogSource base, CatalogSource changed) {
        CatalogSource result = onto;
        for (Change change : between(base, changed)) {
            result = withPart(result, changed, change.id());
        }
        return result;
    }

    // ---- the language menu ----

    private static void menuChanges(CatalogSource before, CatalogSource after, Names names, List<Change> changes) {
        MENU_SETTINGS.forEach((setting, label) -> add(changes, "menu:" + setting, "Language menu", label,
                CatalogSource.LANGUAGES_FILE + " › " + setting, menuSetting(before, setting, names), menuSetting(after, setting, names)));
        Set<String> codes = new LinkedHashSet<>(codes(before));
        codes.addAll(codes(after));
        for (String code : codes) {
            Optional<LanguageEntry> was = language(before, code);
            Optional<LanguageEntry> is = language(after, code);
            String place = "Language: " + names.language(code);
            if (was.isEmpty() || is.isEmpty()) {
                add(changes, "language:" + code, place, is.isPresent() ? "Added, with its texts" : "Removed, with its texts",
                        CatalogSource.LANGUAGES_FILE + " › " + code, was.map(l -> describe(l, names)).orElse(""),
                        is.map(l -> describe(l, names)).orElse(""));
                continue;
            }
            LANGUAGE_FIELDS.forEach((field, label) -> add(changes, "language:" + code + ":" + field, place, label,
                    CatalogSource.LANGUAGES_FILE + " › " + code + " › " + field,
                    languageField(was.get(), field), languageField(is.get(), field)));
        }
    }

    private static String menuSetting(CatalogSource source, String setting, Names names) {
        if (source.languages() == null) {
            return "";
        }
        return switch (setting) {
            case "default" -> names.language(source.languages().defaultLanguage());
            case "order" -> numbered(codes(source).stream().map(names::language).toList());
            default -> {
                var another = source.languages().anotherLanguage();
                yield another == null ? "" : "Key " + another.key() + ": " + names.line(another.line())
                        + (another.announceIn() == null ? "" : ", announced in "
                        + another.announceIn().stream().map(names::language).collect(Collectors.joining(", ")));
            }
        };
    }

    private static String languageField(LanguageEntry entry, String field) {
        return switch (field) {
            case "enabled" -> yesNo(entry.offered());
            case "reviewed" -> yesNo(entry.reviewedByNativeSpeaker());
            case "name" -> LanguageNames.english(entry.code(), entry.name());
            default -> text(JSON.valueToTree(entry).path(field));
        };
    }

    private static String describe(LanguageEntry entry, Names names) {
        return names.language(entry.code()) + ", key " + entry.key() + (entry.offered() ? ", offered" : ", not offered");
    }

    private static CatalogSource withMenuSetting(CatalogSource into, CatalogSource from, String setting) {
        var file = into.languages();
        var source = from.languages();
        return switch (setting) {
            case "default" -> into.withLanguages(file.withLanguages(source.defaultLanguage(), file.languages()));
            case "order" -> into.withLanguages(file.withLanguages(file.defaultLanguage(),
                    inOrderOf(file.languages(), codes(from), LanguageEntry::code)));
            case "another_language" -> into.withLanguages(new CatalogSource.LanguagesFile(file.defaultLanguage(),
                    file.languages(), source.anotherLanguage()));
            default -> throw new IllegalArgumentException("no such setting of the language menu: " + setting);
        };
    }

    private static CatalogSource withLanguageField(CatalogSource into, CatalogSource from, String code, String field) {
        Optional<LanguageEntry> source = language(from, code);
        Optional<LanguageEntry> target = language(into, code);
        if (source.isEmpty() || target.isEmpty()) {
            return withWholeLanguage(into, from, code);
        }
        LanguageEntry changed = copyField(target.get(), source.get(), field, LanguageEntry.class);
        return into.withLanguages(into.languages().withLanguages(into.languages().defaultLanguage(),
                replaced(into.languages().languages(), changed, l -> l.code().equals(code))));
    }

    private static CatalogSource withWholeLanguage(CatalogSource into, CatalogSource from, String code) {
        Optional<LanguageEntry> source = language(from, code);
        List<LanguageEntry> languages = new ArrayList<>(into.languages().languages());
        languages.removeIf(l -> l.code().equals(code));
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(into.prompts());
        Map<String, Map<String, RecordingEntry>> recordings = new LinkedHashMap<>(into.recordings());
        prompts.remove(code);
        recordings.remove(code);
        if (source.isPresent()) {
            languages.add(Math.min(languages.size(), codes(from).indexOf(code)), source.get());
            prompts.put(code, from.prompts().getOrDefault(code, Map.of()));
            if (from.recordings().containsKey(code)) {
                recordings.put(code, from.recordings().get(code));
            }
        }
        return into.withLanguages(into.languages().withLanguages(into.languages().defaultLanguage(), languages))
                .withPrompts(prompts).withRecordings(recordings);
    }

    // ---- the directory ----

    private static void directoryChanges(CatalogSource before, CatalogSource after, Names names, List<Change> changes) {
        DIRECTORY_SETTINGS.forEach((setting, label) -> add(changes, "directory:" + setting, "Transfers", label,
                CatalogSource.LINES_FILE + " › " + setting, directorySetting(before, setting, names),
                directorySetting(after, setting, names)));
        Set<String> ids = new LinkedHashSet<>(lineIds(before));
        ids.addAll(lineIds(after));
        for (String id : ids) {
            Optional<LineEntry> was = line(before, id);
            Optional<LineEntry> is = line(after, id);
            String place = "Line: " + names.line(id);
            if (was.isEmpty() || is.isEmpty()) {
                add(changes, "line:" + id, place, is.isPresent() ? "Added" : "Deleted", CatalogSource.LINES_FILE + " › " + id,
                        was.map(l -> describe(l, names)).orElse(""), is.map(l -> describe(l, names)).orElse(""));
                continue;
            }
            LINE_FIELDS.forEach((field, label) -> add(changes, "line:" + id + ":" + field, place, label,
                    CatalogSource.LINES_FILE + " › " + id + " › " + field, lineField(was.get(), field, names),
                    lineField(is.get(), field, names)));
            Set<String> languages = new LinkedHashSet<>(names.languageOrder());
            for (String kind : List.of("names", "notes")) {
                languages.addAll(texts(was.get(), kind).keySet());
                languages.addAll(texts(is.get(), kind).keySet());
                for (String code : languages) {
                    add(changes, "line:" + id + ":" + kind + "." + code, place,
                            (kind.equals("names") ? "Name in " : "Said before the transfer, in ") + names.language(code),
                            CatalogSource.LINES_FILE + " › " + id + " › " + kind + " › " + code,
                            texts(was.get(), kind).getOrDefault(code, ""), texts(is.get(), kind).getOrDefault(code, ""));
                }
            }
        }
    }

    private static String directorySetting(CatalogSource source, String setting, Names names) {
        LinesFile file = source.lines();
        if (file == null) {
            return "";
        }
        return switch (setting) {
            case "hotline" -> names.line(file.hotline());
            case "speak_now" -> file.speakNow() == null ? "" : numbered(file.speakNow().stream().map(names::line).toList());
            case "time_zone" -> zone(file.timeZone());
            case "dial_timeout_seconds" -> file.dialTimeoutSeconds() == null ? "" : file.dialTimeoutSeconds().toString();
            case "whisper" -> file.whisper() == null ? "" : text(file.whisper().text());
            default -> numbered(lineIds(source).stream().map(names::line).toList());
        };
    }

    private static String lineField(LineEntry line, String field, Names names) {
        return switch (field) {
            case "kind" -> LineKind.fromFileName(line.kind()).map(LineKind::description).orElse(text(line.kind()));
            case "number" -> phone(line.number());
            case "open_24_hours" -> yesNo(Boolean.TRUE.equals(line.open24Hours()));
            case "hours" -> text(line.hours());
            case "closed_dates" -> text(line.closedDates());
            case "failover" -> line.failover() == null ? "" : names.line(line.failover());
            case "whisper" -> yesNo(line.whispered());
            default -> yesNo(line.offered());
        };
    }

    private static String describe(LineEntry line, Names names) {
        return names.line(line.id()) + ", " + phone(line.number())
                + LineKind.fromFileName(line.kind()).map(k -> ", " + k.description()).orElse("");
    }

    private static Map<String, String> texts(LineEntry line, String kind) {
        Map<String, String> texts = kind.equals("names") ? line.names() : line.notes();
        return texts == null ? Map.of() : texts;
    }

    private static CatalogSource withDirectorySetting(CatalogSource into, CatalogSource from, String setting) {
        LinesFile file = into.lines();
        LinesFile source = from.lines();
        LinesFile changed = switch (setting) {
            case "hotline" -> file.withSettings(file.timeZone(), file.dialTimeoutSeconds(), source.hotline(), file.speakNow());
            case "speak_now" -> file.withSettings(file.timeZone(), file.dialTimeoutSeconds(), file.hotline(), source.speakNow());
            case "time_zone" -> file.withSettings(source.timeZone(), file.dialTimeoutSeconds(), file.hotline(), file.speakNow());
            case "dial_timeout_seconds" -> file.withSettings(file.timeZone(), source.dialTimeoutSeconds(), file.hotline(), file.speakNow());
            case "whisper" -> new LinesFile(file.timeZone(), file.dialTimeoutSeconds(), file.hotline(), file.speakNow(),
                    source.whisper(), file.lines());
            case "order" -> file.withLines(inOrderOf(file.lines(), lineIds(from), LineEntry::id));
            default -> throw new IllegalArgumentException("no such setting of the directory: " + setting);
        };
        return into.withLines(changed);
    }

    private static CatalogSource withLineField(CatalogSource into, CatalogSource from, String id, String field) {
        Optional<LineEntry> source = line(from, id);
        Optional<LineEntry> target = line(into, id);
        if (source.isEmpty() || target.isEmpty()) {
            return withWholeLine(into, from, id);
        }
        LineEntry changed = copyField(target.get(), source.get(), field, LineEntry.class);
        return into.withLines(into.lines().withLines(replaced(into.lines().lines(), changed, l -> l.id().equals(id))));
    }

    private static CatalogSource withWholeLine(CatalogSource into, CatalogSource from, String id) {
        List<LineEntry> lines = new ArrayList<>(into.lines().lines());
        lines.removeIf(l -> l.id().equals(id));
        Optional<LineEntry> source = line(from, id);
        source.ifPresent(line -> lines.add(Math.min(lines.size(), lineIds(from).indexOf(id)), line));
        return into.withLines(into.lines().withLines(lines));
    }

    // ---- texts and recordings ----

    private static void promptChanges(CatalogSource before, CatalogSource after, String code, Names names, List<Change> changes) {
        Map<String, Object> was = before.prompts().getOrDefault(code, Map.of());
        Map<String, Object> is = after.prompts().getOrDefault(code, Map.of());
        List<String> keys = new ArrayList<>();
        for (PromptKey key : PromptKey.values()) {
            keys.add(key.path());
        }
        was.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        is.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String key : keys) {
            add(changes, "prompt:" + code + ":" + key, "Prompts in " + names.language(code), PromptLabels.withSection(key), key,
                    text(was.get(key)), text(is.get(key)));
        }
    }

    private static void recordingChanges(CatalogSource before, CatalogSource after, String code, Names names, List<Change> changes) {
        Map<String, RecordingEntry> was = before.recordings().getOrDefault(code, Map.of());
        Map<String, RecordingEntry> is = after.recordings().getOrDefault(code, Map.of());
        Set<String> slots = new LinkedHashSet<>(was.keySet());
        slots.addAll(is.keySet());
        for (String slot : slots) {
            add(changes, "recording:" + code + ":" + slot, "Recordings in " + names.language(code), RecordingPieces.describe(slot, names::line),
                    "recordings › " + slot, recording(was.get(slot)), recording(is.get(slot)));
        }
    }

    private static CatalogSource withPrompt(CatalogSource into, CatalogSource from, String code, String key) {
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(into.prompts());
        Map<String, Object> texts = new LinkedHashMap<>(prompts.getOrDefault(code, Map.of()));
        Object value = from.prompts().getOrDefault(code, Map.of()).get(key);
        if (value == null) {
            texts.remove(key);
        } else {
            texts.put(key, value);
        }
        prompts.put(code, texts);
        return into.withPrompts(prompts);
    }

    private static CatalogSource withRecording(CatalogSource into, CatalogSource from, String code, String slot) {
        Map<String, Map<String, RecordingEntry>> recordings = new LinkedHashMap<>(into.recordings());
        Map<String, RecordingEntry> ofLanguage = new LinkedHashMap<>(recordings.getOrDefault(code, Map.of()));
        RecordingEntry value = from.recordings().getOrDefault(code, Map.of()).get(slot);
        if (value == null) {
            ofLanguage.remove(slot);
        } else {
            ofLanguage.put(slot, value);
        }
        recordings.put(code, ofLanguage);
        return into.withRecordings(recordings);
    }

    private static String recording(RecordingEntry entry) {
        return entry == null ? "" : "Recorded, saying \"" + entry.transcript() + "\"";
    }

    // ---- helpers ----

    private static void add(List<Change> changes, String id, String place, String field, String key, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(id, place, field, key, before, after));
        }
    }

    /** {@code target} with one field (or, as {@code names.es-US}, one entry of a field) as it is in {@code source}. */
    private static <T> T copyField(T target, T source, String field, Class<T> type) {
        ObjectNode into = JSON.valueToTree(target);
        JsonNode from = JSON.valueToTree(source);
        String[] path = field.split("\\.", 2);
        if (path.length == 1) {
            into.set(field, from.path(field).isMissingNode() ? null : from.get(field));
        } else {
            JsonNode value = from.path(path[0]).path(path[1]);
            ObjectNode map = into.path(path[0]).isObject() ? (ObjectNode) into.get(path[0]) : into.putObject(path[0]);
            if (value.isMissingNode() || value.isNull()) {
                map.remove(path[1]);
            } else {
                map.set(path[1], value);
            }
        }
        try {
            return JSON.treeToValue(into, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("content always converts from JSON", e);
        }
    }

    private static <T> List<T> replaced(List<T> items, T replacement, java.util.function.Predicate<T> which) {
        return items.stream().map(item -> which.test(item) ? replacement : item).toList();
    }

    /** {@code items} in the order {@code order} gives; items it does not name keep their place after them. */
    private static <T> List<T> inOrderOf(List<T> items, List<String> order, Function<T, String> id) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparingInt(item -> {
            int at = order.indexOf(id.apply(item));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return sorted;
    }

    private static List<String> codes(CatalogSource source) {
        return source.languages() == null ? List.of() : source.languages().languages().stream().map(LanguageEntry::code).toList();
    }

    private static List<String> lineIds(CatalogSource source) {
        return source.lines() == null ? List.of() : source.lines().lines().stream().map(LineEntry::id).toList();
    }

    private static Optional<LanguageEntry> language(CatalogSource source, String code) {
        return source.languages() == null ? Optional.empty()
                : source.languages().languages().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    private static Optional<LineEntry> line(CatalogSource source, String id) {
        return source.lines() == null ? Optional.empty() : source.lines().lines().stream().filter(l -> id.equals(l.id())).findFirst();
    }

    static String phone(String number) {
        return number == null ? "" : PhoneNumber.isValidE164(number) ? new PhoneNumber(number).formatted() : number;
    }

    private static String zone(String zone) {
        if (zone == null) {
            return "";
        }
        try {
            return zone + " (" + Dates.zoneName(ZoneId.of(zone)) + ")";
        } catch (DateTimeException e) {
            return zone;
        }
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static String numbered(List<String> items) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add((i + 1) + ". " + items.get(i));
        }
        return String.join("\n", lines);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonNode node) {
            return node.isMissingNode() || node.isNull() ? "" : node.isTextual() ? node.asText() : node.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("\n\n"));
        }
        return String.valueOf(value);
    }

    /** Lines and languages by their names, from the newer content first (a line added has its name only there). */
    static final class Names {
        private final CatalogSource newer;
        private final CatalogSource older;

        Names(CatalogSource older, CatalogSource newer) {
            this.older = older;
            this.newer = newer;
        }

        String line(String id) {
            if (id == null || id.isBlank()) {
                return "";
            }
            for (CatalogSource source : List.of(newer, older)) {
                Optional<LineEntry> line = ContentDiff.line(source, id);
                String reference = source.languages() == null ? null : source.languages().defaultLanguage();
                if (line.isPresent() && line.get().names() != null && reference != null && line.get().names().containsKey(reference)) {
                    return line.get().names().get(reference);
                }
            }
            return id;
        }

        String language(String code) {
            for (CatalogSource source : List.of(newer, older)) {
                Optional<LanguageEntry> entry = ContentDiff.language(source, code);
                if (entry.isPresent()) {
                    return LanguageNames.english(code, entry.get().name());
                }
            }
            return LanguageNames.english(code, null);
        }

        List<String> languageOrder() {
            return codes(newer);
        }
    }
}
