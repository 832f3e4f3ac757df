package hotline.admin;

import com.fasterxml.jackson.databind.ObjectMapper;

import hotline.catalog.CatalogSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What differs between two versions of the content, field by field, as a person would name the fields. */
public final class ContentDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field that differs: where it is, and its value before and after (empty when absent). */
    public record Change(String file, String field, String before, String after) {
    }

    private ContentDiff() {
    }

    public static List<Change> between(CatalogSource before, CatalogSource after) {
        Map<String, Map<String, String>> a = fields(before);
        Map<String, Map<String, String>> b = fields(after);
        Set<String> files = new LinkedHashSet<>(a.keySet());
        files.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        for (String file : files) {
            Map<String, String> fieldsBefore = a.getOrDefault(file, Map.of());
            Map<String, String> fieldsAfter = b.getOrDefault(file, Map.of());
            Set<String> names = new LinkedHashSet<>(fieldsBefore.keySet());
            names.addAll(fieldsAfter.keySet());
            for (String name : names) {
                String was = fieldsBefore.getOrDefault(name, "");
                String is = fieldsAfter.getOrDefault(name, "");
                if (!Objects.equals(was, is)) {
                    changes.add(new Change(file, name, was, is));
                }
            }
        }
        return changes;
    }

    /** Every field of the content, by file, named like {@code cast › number} or {@code main_menu.safety}. */
    static Map<String, Map<String, String>> fields(CatalogSource source) {
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        Map<String, String> languages = new LinkedHashMap<>();
        if (source.languages() != null) {
            languages.put("default", text(source.languages().defaultLanguage()));
            languages.put("order", source.languages().languages().stream().map(l -> l.code()).collect(Collectors.joining(", ")));
            source.languages().languages().forEach(l -> flatten(l.code(), JSON.convertValue(l, Map.class), languages));
            var another = source.languages().anotherLanguage();
            languages.put("another_language", another == null ? "" : "key " + another.key() + ", line " + another.line());
        }
        files.put(CatalogSource.LANGUAGES_FILE, languages);
        Map<String, String> lines = new LinkedHashMap<>();
        if (source.lines() != null) {
            var file = source.lines();
            lines.put("time_zone", text(file.timeZone()));
            lines.put("dial_timeout_seconds", text(file.dialTimeoutSeconds()));
            lines.put("hotline", text(file.hotline()));
            lines.put("speak_now", file.speakNow() == null ? "" : String.join(", ", file.speakNow()));
            lines.put("order", file.lines().stream().map(l -> l.id()).collect(Collectors.joining(", ")));
            file.lines().forEach(l -> flatten(l.id(), JSON.convertValue(l, Map.class), lines));
        }
        files.put(CatalogSource.LINES_FILE, lines);
        source.prompts().forEach((language, texts) -> {
            Map<String, String> prompts = new LinkedHashMap<>();
            texts.forEach((path, value) -> prompts.put(path, text(value)));
            files.put(CatalogSource.promptFile(language), prompts);
        });
        source.recordings().forEach((language, recorded) -> {
            Map<String, String> prompts = files.computeIfAbsent(CatalogSource.promptFile(language), file -> new LinkedHashMap<>());
            recorded.forEach((slot, entry) -> prompts.put("recordings › " + slot,
                    entry == null ? "" : entry.file() + " (says \"" + entry.transcript() + "\")"));
        });
        return files;
    }

    private static void flatten(String prefix, Map<?, ?> tree, Map<String, String> into) {
        tree.forEach((key, value) -> {
            if (key.equals("id") || key.equals("code") || value == null) {
                return;
            }
            String name = prefix + " › " + key;
            if (value instanceof Map<?, ?> child) {
                flatten(name, child, into);
            } else {
                into.put(name, text(value));
            }
        });
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("\n\n"));
        }
        return String.valueOf(value);
    }
}
