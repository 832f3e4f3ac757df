package hotline.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one language's prompt file: every key present, no unknown key, the placeholders each text needs,
 * and references to lines ({@code {number:nhtrc}}, {@code {name:nhtrc}}) that exist. Those references are
 * filled in here, so a number is typed once, in {@code lines.yaml}, and every language speaks it the same.
 */
final class PromptValidator {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern LINE_REFERENCE = Pattern.compile("(number|name):([a-z0-9_]+)");

    private PromptValidator() {
    }

    static Prompts validate(String language, Map<String, Object> texts, List<ResourceLine> lines,
                            List<CatalogProblem> problems) {
        String file = CatalogSource.promptFile(language);
        for (String path : texts.keySet()) {
            if (PromptKey.forPath(path).isEmpty()) {
                problems.add(new CatalogProblem(file, path, "unknown key; check its spelling against en-US.yaml"));
            }
        }
        Map<PromptKey, List<String>> resolved = new EnumMap<>(PromptKey.class);
        for (PromptKey key : PromptKey.values()) {
            Object value = texts.get(key.path());
            List<String> segments = segments(key, value, file, problems);
            List<String> filled = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                String where = segments.size() > 1 || key.kind() == PromptKey.Kind.SEGMENTS ? key.path() + "[" + i + "]" : key.path();
                filled.add(resolve(segments.get(i), key, language, lines, file, where, problems));
            }
            if (!filled.isEmpty()) {
                resolved.put(key, filled);
            }
        }
        return new Prompts(language, resolved);
    }

    private static List<String> segments(PromptKey key, Object value, String file, List<CatalogProblem> problems) {
        if (value == null) {
            problems.add(new CatalogProblem(file, key.path(), "missing"));
            return List.of();
        }
        if (key.kind() == PromptKey.Kind.TEXT) {
            if (value instanceof String text && !text.isBlank()) {
                return List.of(text.strip());
            }
            problems.add(new CatalogProblem(file, key.path(), "must be one text, not empty"));
            return List.of();
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(item -> item instanceof String s && !s.isBlank())) {
            return list.stream().map(item -> ((String) item).strip()).toList();
        }
        problems.add(new CatalogProblem(file, key.path(), "must be a list of short texts, spoken one after another"));
        return List.of();
    }

    private static String resolve(String text, PromptKey key, String language, List<ResourceLine> lines, String file,
                                  String where, List<CatalogProblem> problems) {
        List<String> remaining = new ArrayList<>(key.requiredPlaceholders());
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String placeholder = m.group();
            Matcher reference = LINE_REFERENCE.matcher(m.group(1));
            String replacement = placeholder;
            if (reference.matches()) {
                Optional<ResourceLine> line = lines.stream().filter(l -> l.id().equals(reference.group(2))).findFirst();
                if (line.isEmpty()) {
                    problems.add(new CatalogProblem(file, where, placeholder + " names no line in " + CatalogSource.LINES_FILE));
                } else {
                    replacement = reference.group(1).equals("number")
                            ? line.get().number().spokenDigits() : line.get().name(language);
                }
            } else if (!key.requiredPlaceholders().contains(placeholder)) {
                problems.add(new CatalogProblem(file, where, placeholder + " is not a placeholder this text can use"
                        + allowed(key)));
            }
            remaining.remove(placeholder);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? placeholder : replacement));
        }
        m.appendTail(out);
        if (!remaining.isEmpty()) {
            problems.add(new CatalogProblem(file, where, "must contain " + String.join(" and ", remaining)
                    + (key.requiredPlaceholders().stream().filter("{number}"::equals).count() > 1
                    ? " (phone numbers are said twice)" : "")));
        }
        return out.toString();
    }

    private static String allowed(PromptKey key) {
        return key.requiredPlaceholders().isEmpty()
                ? "; only {number:LINE_ID} and {name:LINE_ID} are allowed here"
                : "; use " + String.join(", ", key.requiredPlaceholders().stream().distinct().toList())
                  + ", {number:LINE_ID} or {name:LINE_ID}";
    }
}
